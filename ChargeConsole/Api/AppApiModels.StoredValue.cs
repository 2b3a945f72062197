using ChargeConsole.Domain.Wallets;
using FluentValidation;

namespace ChargeConsole.Api;

public sealed record PackageView(int Id, string Name, decimal Amount, decimal Bonus, decimal Credited);

/// <param name="OpenId">the payer's openid in this mini-program (from wx.login)</param>
/// <param name="RequestId">the client's id for this purchase (or the Idempotency-Key header): a retry returns the same order</param>
/// <param name="MarketingPackageId">instead of PackageId: a 营销套餐 of an activity running now (from /marketing/activities)</param>
/// <param name="CouponClaimId">with MarketingPackageId only: a coupon to pay with (from /marketing/packages/{id}/coupons)</param>
public sealed record RechargeRequest(int? PackageId, string? OpenId, string? RequestId = null, int? MarketingPackageId = null, int? CouponClaimId = null);

/// <summary>
/// Amount is what is (or was) paid and credited as principal; Bonus what is credited besides, a coupon's Discount
/// included. Refundable is given for one order (null in lists).
/// </summary>
public sealed record RechargeView(string OrderNo, RechargeOrderStatus Status, string StatusName, decimal Amount, decimal Bonus, decimal Refunded, decimal Refunding,
    decimal? Refundable, DateTime CreatedAt, DateTime? PaidAt, decimal Discount);

/// <summary>A coupon the user may pay for a 营销套餐 with: Pay is what the payment then comes to.</summary>
public sealed record PaymentCouponView(int ClaimId, string Name, decimal Threshold, decimal Discount, decimal Pay, DateTime ValidTo);

/// <summary>Coupons apply only when CouponsStack (an activity of the package allows 优惠叠加); the best first.</summary>
public sealed record PackageCouponsView(int PackageId, decimal Amount, decimal Bonus, bool CouponsStack, IReadOnlyList<PaymentCouponView> Coupons);

/// <summary>What the mini-program passes to wx.requestPayment, as is.</summary>
public sealed record PaymentView(string AppId, string TimeStamp, string NonceStr, string Package, string SignType, string PaySign);

public sealed record RechargeStartView(RechargeView Order, PaymentView Payment);

/// <param name="Amount">yuan, at most 2 decimals</param>

public sealed record RefundView(string RefundNo, string OrderNo, decimal Amount, RefundStatus Status, string StatusName, string Reason, string? FailureReason,
    DateTime CreatedAt, DateTime? CompletedAt);

public sealed class RechargeRequestValidator : AbstractValidator<RechargeRequest>
{
    public RechargeRequestValidator()
    {
        RuleFor(x => x).Must(x => (x.PackageId is > 0) != (x.MarketingPackageId is > 0)).WithMessage("请选择一个充值套餐（packageId 或 marketingPackageId 二选一）");
        RuleFor(x => x.CouponClaimId).GreaterThan(0).WithMessage("优惠券编号不正确")
            .Must((x, _) => x.MarketingPackageId is > 0).WithMessage("优惠券只能用于可叠加优惠的营销套餐").When(x => x.CouponClaimId is not null);
        RuleFor(x => x.OpenId).NotEmpty().WithMessage("缺少 openid").Matches(@"\A[A-Za-z0-9_-]{6,64}\z").WithMessage("openid 格式不正确");
        RuleFor(x => x.RequestId).NotEmpty().WithMessage("缺少请求号（requestId 或 Idempotency-Key）").MaximumLength(40).WithMessage("请求号不能超过 40 个字符");
    }
}

public sealed record WithdrawalQuoteView(bool Enabled, decimal FeePercent, decimal Withdrawable);

/// <param name="Amount">yuan, at most 2 decimals</param>
public sealed record WithdrawalApiRequest(decimal? Amount, string? RequestId = null);

public sealed record WithdrawalView(string No, decimal Amount, decimal Fee, decimal PaidOut, WithdrawalStatus Status, string StatusName, string? Remark,
    DateTime CreatedAt, DateTime? ProcessedAt);

public sealed class WithdrawalApiRequestValidator : AbstractValidator<WithdrawalApiRequest>
{
    public WithdrawalApiRequestValidator()
    {
        RuleFor(x => x.Amount).NotNull().WithMessage("请输入提现金额").GreaterThan(0).WithMessage("提现金额必须大于 0")
            .LessThanOrEqualTo(1_000_000).WithMessage("提现金额过大").PrecisionScale(12, 2, true).WithMessage("提现金额最多两位小数");
        RuleFor(x => x.RequestId).NotEmpty().WithMessage("缺少请求号（requestId 或 Idempotency-Key）").MaximumLength(40).WithMessage("请求号不能超过 40 个字符");
    }
}
