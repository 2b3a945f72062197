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
