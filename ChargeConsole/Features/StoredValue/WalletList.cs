using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Values;
using FluentValidation;
using MiniExcelLibs.Attributes;

namespace ChargeConsole.Features.StoredValue;

public sealed class WalletFilter
{
    public string? Keyword { get; set; }
    /// <summary>Only wallets with some money (principal or bonus) left.</summary>
    public bool? WithBalance { get; set; }
}

public sealed record WalletRow
{
    public int AppUserId { get; init; }
    public string Phone { get; init; } = "";
    public string Nickname { get; init; } = "";
    public Money Principal { get; init; }
    public Money Bonus { get; init; }
    public long Points { get; init; }
    public Money Frozen { get; init; }
}

public sealed class WalletExportRow
{
    [ExcelColumnName("手机号")] public string Phone { get; set; } = "";
    [ExcelColumnName("昵称")] public string Nickname { get; set; } = "";
    [ExcelColumnName("本金余额(元)")] public decimal Principal { get; set; }
    [ExcelColumnName("赠送余额(元)")] public decimal Bonus { get; set; }
    [ExcelColumnName("冻结金额(元)")] public decimal Frozen { get; set; }
    [ExcelColumnName("积分")] public long Points { get; set; }
}
