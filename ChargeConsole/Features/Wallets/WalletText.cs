using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Values;
using ChargeConsole.Domain.Wallets;
using MiniExcelLibs.Attributes;

namespace ChargeConsole.Features.Wallets;

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
