using ChargeConsole.Domain.Coupons;
using ChargeConsole.Domain.Invoices;
using ChargeConsole.Domain.Wallets;
using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Orders;
using FluentValidation;

namespace ChargeConsole.Api;

// Fields are nullable so that a missing or null field reaches its validator and gets its Chinese message.
public sealed record SmsCodeRequest(string? Phone);

public sealed record TokenRequest(string? Phone, string? Code);

/// <param name="RequestId">optional: the client's id for this start; a retry with the same id returns the same order</param>
/// <param name="CouponClaimId">optional: one of the user's unused coupons (from /coupons/mine) to use on this charge</param>
public sealed record StartChargingRequest(string? GunCode, string? RequestId = null, int? CouponClaimId = null);

public sealed record NearbyQuery(double Latitude, double Longitude, double RadiusKm);

public sealed record PageQuery(int Page, int PageSize)
{
    /// <summary>Deeper pages are refused: (page − 1) × size must stay far from overflowing, and nobody pages that far.</summary>
    public const int MaxPage = 10_000;
}

public sealed record ProfileView(int Id, string Phone, string Nickname, DateTime RegisteredAt, WalletView Wallet);

/// <summary>Amounts in yuan with 2 decimals; points whole.</summary>
public sealed record WalletView(decimal Principal, decimal Bonus, decimal Frozen, decimal Spendable, long Points);

public sealed record LedgerItem(long Id, DateTime CreatedAt, string Account, decimal Amount, decimal BalanceAfter, string Source, string SourceNo, string? Remark);

public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

public sealed record NearbyStation(int Id, string Name, string Address, double Latitude, double Longitude, double DistanceKm, int FreeGuns, int TotalGuns, IReadOnlyList<string> Tags);

/// <param name="Amount">live, what the pile reports so far; once priced, what the order costs</param>
/// <param name="ElectricityFee">null until the pile's record is priced (the live amount is not split by period)</param>
/// <param name="ServiceFee">likewise</param>
public sealed record OrderView(
    string OrderNo, ChargingOrderStatus Status, string StatusName, string GunCode, string StationName, DateTime CreatedAt, DateTime? StartedAt, DateTime? EndedAt,
    decimal EnergyKwh, decimal Amount, decimal? ElectricityFee, decimal? ServiceFee, decimal? PowerKw, int? Soc, decimal PaidPrincipal, decimal PaidBonus,
    string? StopReason, string? FailureReason, decimal Discount = 0);

public sealed class SmsCodeRequestValidator : AbstractValidator<SmsCodeRequest>
{
    public SmsCodeRequestValidator() => RuleFor(x => x.Phone).NotEmpty().WithMessage("请输入手机号").Matches(PhoneRules.Pattern).WithMessage("请输入正确的 11 位手机号");
}

public sealed class TokenRequestValidator : AbstractValidator<TokenRequest>
{
    public TokenRequestValidator()
    {
        RuleFor(x => x.Phone).NotEmpty().WithMessage("请输入手机号").Matches(PhoneRules.Pattern).WithMessage("请输入正确的 11 位手机号");
        RuleFor(x => x.Code).NotEmpty().WithMessage("请输入验证码").Matches(@"\A[0-9]{6}\z").WithMessage("验证码是 6 位数字");
    }
}

public sealed class StartChargingRequestValidator : AbstractValidator<StartChargingRequest>
{
    public StartChargingRequestValidator()
    {
        RuleFor(x => x.GunCode).NotEmpty().WithMessage("请扫码或输入枪编号")
            .Matches(@"\A[0-9]{16}\z").WithMessage("枪编号是 16 位数字（桩编号 14 位 + 枪号 2 位），请扫码或核对后重试");
        RuleFor(x => x.RequestId).Matches(@"\A[A-Za-z0-9_-]{8,64}\z").When(x => x.RequestId is not null)
            .WithMessage("请求编号应为 8 到 64 位字母、数字、下划线或连字符");
    }
}

public sealed class NearbyQueryValidator : AbstractValidator<NearbyQuery>
{
    public NearbyQueryValidator()
    {
        RuleFor(x => x.Latitude).InclusiveBetween(-90, 90).WithMessage("纬度必须在 -90 到 90 之间");
        RuleFor(x => x.Longitude).InclusiveBetween(-180, 180).WithMessage("经度必须在 -180 到 180 之间");
        RuleFor(x => x.RadiusKm).InclusiveBetween(0.1, 100).WithMessage("搜索半径必须在 0.1 到 100 公里之间");
    }
}

public sealed class PageQueryValidator : AbstractValidator<PageQuery>
{
    public PageQueryValidator()
    {
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1).WithMessage("页码从 1 开始").LessThanOrEqualTo(PageQuery.MaxPage).WithMessage($"页码不能超过 {PageQuery.MaxPage}");
        RuleFor(x => x.PageSize).InclusiveBetween(1, 100).WithMessage("每页条数必须在 1 到 100 之间");
    }
}

public static class PhoneRules
{
    /// <summary>The whole string, nothing before or after (\z: not even a trailing newline, which $ would let through).</summary>
    public const string Pattern = @"\A1[3-9][0-9]{9}\z";

    /// <summary>A phone as typed, trimmed of surrounding white space, before it is checked and used.</summary>
    public static string? Normalize(string? phone) => phone?.Trim();
}

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

public sealed record InvoiceableOrderView(string OrderNo, string Station, DateTime SettledAt, decimal Paid);

/// <summary>Reason is the rejection's or the reversal's.</summary>
public sealed record InvoiceView(string RequestNo, InvoiceTitleType TitleType, string Title, string? TaxNumber, string? Email, decimal Amount, int Orders,
    InvoiceStatus Status, string StatusName, string? InvoiceNumber, string? InvoiceCode, string? Reason, DateTime CreatedAt, DateTime? IssuedAt);

/// <param name="Id">the claim's id: pass it as couponClaimId when starting a charge</param>
/// <param name="Reserved">held by a recharge order waiting to be paid: not usable until that order is paid (then 已使用) or closed</param>
public sealed record CouponView(int Id, string Name, decimal Threshold, decimal Discount, CouponClaimStatus Status, string StatusName, DateTime ValidTo,
    DateTime ClaimedAt, DateTime? UsedAt, bool Reserved);

public sealed record CouponClaimRequest(string? Token);

public sealed class CouponClaimRequestValidator : AbstractValidator<CouponClaimRequest>
{
    public CouponClaimRequestValidator() =>
        RuleFor(x => x.Token).NotEmpty().WithMessage("缺少优惠券领取码").Matches(@"\A[0-9a-f]{24}\z").WithMessage("优惠券领取码不正确");
}

public sealed record StationTagView(int Id, string Name);

/// <summary>Html is sanitised (no scripts, event handlers or script links).</summary>
public sealed record ArticleView(int Id, ArticleKind Kind, string KindName, string Title, string Html, DateTime PublishedAt);

/// <param name="Link">a mini-program page (/pages/…) or a content item (article:ID), or null</param>
public sealed record BannerView(int Id, string Title, string ImageUrl, string ThumbnailUrl, string? Link);

/// <summary>Html is sanitised; Frequency is Once, Daily or EveryVisit.</summary>
public sealed record CampaignView(int Id, string Title, string? ImageUrl, string Html, string Frequency);

/// <summary>A running 营销活动: its poster, sanitised rules, whether coupons stack with it, and its packages (buy with marketingPackageId).</summary>
public sealed record ActivityView(int Id, string Title, string? PosterUrl, string RulesHtml, bool StackableWithCoupons, DateTime StartAt, DateTime EndAt,
    IReadOnlyList<PackageView> Packages);
