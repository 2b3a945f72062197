using ChargeConsole.Data;
using ChargeConsole.Domain.Coupons;
using ChargeConsole.Domain.Infrastructure;
using ChargeConsole.Domain.Values;
using ChargeConsole.Infrastructure;
using ChargeConsole.Infrastructure.Audit;
using ChargeConsole.Infrastructure.Grid;
using ChargeConsole.Infrastructure.Live;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Features.Coupons;

/// <summary>
/// 优惠券 templates and 领取记录 (SPEC "Coupons"). A coupon's phase follows the clock (<see cref="CouponPhases"/>, never
/// stored); threshold and discount are fixed once created; a template that was ever issued or
/// claimed is kept. Claims never pass the total or the per-user limit, however many arrive at once: the count is taken
/// with a conditional UPDATE and each copy has its own number per user under a unique index. Each use case is its own
/// file (SaveCoupon, ClaimCoupon, IssueCoupon, CouponList, ClaimList, …) with its input and validator.
/// </summary>
public sealed partial class CouponService(IDbContextFactory<ChargeDbContext> dbFactory, IValidator<CouponForm> validator, AuditTrail audit, LiveEvents live, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;
}
