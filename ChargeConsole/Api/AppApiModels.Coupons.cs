using ChargeConsole.Domain.Coupons;
using FluentValidation;

namespace ChargeConsole.Api;

public sealed record CouponView(int Id, string Name, decimal Threshold, decimal Discount, CouponClaimStatus Status, string StatusName, DateTime ValidTo,
    DateTime ClaimedAt, DateTime? UsedAt, bool Reserved);

public sealed record CouponClaimRequest(string? Token);

public sealed class CouponClaimRequestValidator : AbstractValidator<CouponClaimRequest>
{
    public CouponClaimRequestValidator() =>
        RuleFor(x => x.Token).NotEmpty().WithMessage("缺少优惠券领取码").Matches(@"\A[0-9a-f]{24}\z").WithMessage("优惠券领取码不正确");
}
