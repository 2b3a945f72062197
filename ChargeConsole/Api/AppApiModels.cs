using ChargeConsole.Domain.Orders;
using FluentValidation;

namespace ChargeConsole.Api;

public sealed record SmsCodeRequest(string Phone);

public sealed record TokenRequest(string Phone, string Code);

public sealed record StartChargingRequest(string GunCode);

public sealed record NearbyQuery(double Latitude, double Longitude, double RadiusKm);

public sealed record PageQuery(int Page, int PageSize);

public sealed record ProfileView(int Id, string Phone, string Nickname, DateTime RegisteredAt, WalletView Wallet);

/// <summary>Amounts in yuan with 2 decimals; points whole.</summary>
public sealed record WalletView(decimal Principal, decimal Bonus, decimal Frozen, decimal Spendable, long Points);

public sealed record LedgerItem(long Id, DateTime CreatedAt, string Account, decimal Amount, decimal BalanceAfter, string Source, string SourceNo, string? Remark);

public sealed record Paged<T>(IReadOnlyList<T> Items, int Total, int Page, int PageSize);

public sealed record NearbyStation(int Id, string Name, string Address, double Latitude, double Longitude, double DistanceKm, int FreeGuns, int TotalGuns, IReadOnlyList<string> Tags);

public sealed record OrderView(
    string OrderNo, ChargingOrderStatus Status, string StatusName, string GunCode, string StationName, DateTime CreatedAt, DateTime? StartedAt, DateTime? EndedAt,
    decimal EnergyKwh, decimal Amount, decimal ElectricityFee, decimal ServiceFee, decimal? PowerKw, int? Soc, decimal PaidPrincipal, decimal PaidBonus,
    string? StopReason, string? FailureReason);

public sealed class SmsCodeRequestValidator : AbstractValidator<SmsCodeRequest>
{
    public SmsCodeRequestValidator() => RuleFor(x => x.Phone).Matches(PhoneRules.Pattern).WithMessage("请输入正确的 11 位手机号");
}

public sealed class TokenRequestValidator : AbstractValidator<TokenRequest>
{
    public TokenRequestValidator()
    {
        RuleFor(x => x.Phone).Matches(PhoneRules.Pattern).WithMessage("请输入正确的 11 位手机号");
        RuleFor(x => x.Code).Matches("^[0-9]{6}$").WithMessage("验证码是 6 位数字");
    }
}

public sealed class StartChargingRequestValidator : AbstractValidator<StartChargingRequest>
{
    public StartChargingRequestValidator() =>
        RuleFor(x => x.GunCode).Matches("^[0-9]{16}$").WithMessage("枪编号是 16 位数字（桩编号 14 位 + 枪号 2 位），请扫码或核对后重试");
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
        RuleFor(x => x.Page).GreaterThanOrEqualTo(1).WithMessage("页码从 1 开始");
        RuleFor(x => x.PageSize).InclusiveBetween(1, 100).WithMessage("每页条数必须在 1 到 100 之间");
    }
}

public static class PhoneRules
{
    public const string Pattern = "^1[3-9][0-9]{9}$";
}
