using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Coupons;
using ChargeConsole.Domain.Values;
using ChargeConsole.Infrastructure;
using ChargeConsole.Infrastructure.Audit;
using ChargeConsole.Infrastructure.Auth;
using ChargeConsole.Infrastructure.Live;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Features.Coupons;

public sealed partial class CouponService
{
    /// <summary>删除记录: only an unused copy, which goes back to the coupon's count.</summary>
    public async Task<OperationResult> DeleteClaimAsync(AccessScope scope, int id)
    {
        if (scope.IsInvestor) return OperationResult.Fail("投资人账号不能管理优惠券");
        await using var db = await dbFactory.CreateDbContextAsync();
        await using var tx = await db.Database.BeginTransactionAsync();
        var claim = await db.CouponClaims.Include(c => c.Coupon).Include(c => c.AppUser).FirstOrDefaultAsync(c => c.Id == id);
        if (claim is null) return OperationResult.Fail("领取记录已被删除，请刷新列表");
        OperationResult result;
        if (claim.Status == CouponClaimStatus.Used) result = OperationResult.Fail("已使用的优惠券不能删除");
        else if (claim.Status == CouponClaimStatus.Reserved) result = OperationResult.Fail("该优惠券正被待支付的充值订单占用，不能删除");
        else
        {
            // Not used or reserved, checked in the same statement: a settlement or recharge taking it at this moment wins.
            var deleted = await db.CouponClaims.Where(c => c.Id == id && CouponClaimLifecycle.Deletable.Contains(c.Status))
                .ExecuteDeleteAsync();
            if (deleted == 1) await db.Coupons.Where(c => c.Id == claim.CouponId).ExecuteUpdateAsync(u => u.SetProperty(c => c.ClaimedCount, c => c.ClaimedCount - 1));
            result = deleted == 1 ? OperationResult.Ok("领取记录已删除") : OperationResult.Fail("该优惠券刚被使用，不能删除");
        }
        db.ChangeTracker.Clear();
        AuditTrail.Add(db, Now, scope.UserName, "删除领取记录", $"{claim.Coupon.Name} / {claim.AppUser.Phone}", result);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        if (result.Succeeded) live.Publish(new CouponClaimsChanged());
        return result;
    }
}
