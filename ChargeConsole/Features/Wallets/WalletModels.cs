using ChargeConsole.Domain.Wallets;
using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Values;
using FluentValidation;
using MiniExcelLibs.Attributes;

namespace ChargeConsole.Features.Wallets;

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

/// <summary>The top-up/deduction form (资产管理 → 充值划扣).</summary>
public sealed class AdjustmentForm
{
    /// <summary>Made when the dialog opens: a double click or a retry of the same dialog acts once.</summary>
    public string RequestId { get; set; } = Guid.NewGuid().ToString("N");
    public int AppUserId { get; set; }
    public AdjustmentKind Kind { get; set; } = AdjustmentKind.TopUp;
    public AdjustmentAsset Asset { get; set; } = AdjustmentAsset.Money;
    /// <summary>Yuan for money (2 decimals), whole points for points.</summary>
    public decimal? Amount { get; set; }
    public string Reason { get; set; } = "";
}

public sealed class AdjustmentFormValidator : AbstractValidator<AdjustmentForm>
{
    public AdjustmentFormValidator()
    {
        RuleFor(x => x.AppUserId).GreaterThan(0).WithMessage("请选择用户");
        RuleFor(x => x.RequestId).NotEmpty().WithMessage("缺少请求编号，请重新打开对话框").MaximumLength(64).WithMessage("请求编号过长");
        RuleFor(x => x.Amount).NotNull().WithMessage("请输入数量")
            .GreaterThan(0).WithMessage("数量必须大于 0");
        RuleFor(x => x.Amount).Must(a => a is null || decimal.Round(a.Value, 2) == a.Value).When(x => x.Asset == AdjustmentAsset.Money)
            .WithMessage("金额最多保留两位小数");
        RuleFor(x => x.Amount).Must(a => a is null || decimal.Truncate(a.Value) == a.Value).When(x => x.Asset == AdjustmentAsset.Points)
            .WithMessage("积分必须是整数");
        RuleFor(x => x.Amount).LessThanOrEqualTo(100_000m).When(x => x.Asset == AdjustmentAsset.Money).WithMessage("单次调整金额不能超过 100000 元");
        RuleFor(x => x.Amount).LessThanOrEqualTo(10_000_000m).When(x => x.Asset == AdjustmentAsset.Points).WithMessage("单次调整积分不能超过 10000000");
        RuleFor(x => x.Reason).NotEmpty().WithMessage("请填写调整原因").MaximumLength(200).WithMessage("原因不能超过 200 个字");
    }
}

public static class WalletText
{
    /// <summary>A refused deduction, in the operator's words.</summary>
    public static string Refusal(DeductionRefusal r) => r.Kind switch
    {
        DeductionRefusalKind.NotPositive => "扣除数量必须大于 0",
        DeductionRefusalKind.PointsShort => $"积分不足：当前积分 {r.Points}，不能扣除 {r.Amount}",
        DeductionRefusalKind.HeldByOpenOrders => $"余额不足：未结算的充电订单最多还需 {r.Committed} 元，可扣除本金 {r.Free} 元，不能扣除 {Money.FromFen(r.Amount)} 元",
        _ => $"余额不足：可扣除本金 {r.Free} 元，不能扣除 {Money.FromFen(r.Amount)} 元",
    };

    public static string Kind(AdjustmentKind k) => k == AdjustmentKind.TopUp ? "充值" : "划扣";
    public static string Asset(AdjustmentAsset a) => a == AdjustmentAsset.Money ? "金额" : "积分";
}

public static class LedgerText
{
    public static string Account(LedgerAccount a) => a switch
    {
        LedgerAccount.Principal => "本金",
        LedgerAccount.Bonus => "赠送金",
        LedgerAccount.Points => "积分",
        _ => "冻结金额",
    };

    public static string Source(LedgerSource s) => s switch
    {
        LedgerSource.Recharge => "充值",
        LedgerSource.ChargingOrder => "充电消费",
        LedgerSource.Refund => "退款",
        LedgerSource.Adjustment => "后台调账",
        LedgerSource.Void => "退单",
        _ => "提现",
    };

    /// <summary>An amount as shown: yuan for money accounts, whole points for points.</summary>
    public static string Amount(LedgerAccount a, long amount) =>
        a == LedgerAccount.Points ? amount.ToString("+#,##0;-#,##0;0") : amount > 0 ? Shared.MoneyText.Signed(Money.FromFen(amount)) : Shared.MoneyText.Yuan(Money.FromFen(amount));
}
