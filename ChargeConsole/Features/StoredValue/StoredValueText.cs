using ChargeConsole.Domain.Wallets;
using ChargeConsole.Data.Entities;

namespace ChargeConsole.Features.StoredValue;

/// <summary>The Chinese names operators and users see for stored-value states.</summary>
public static class StoredValueText
{
    public static string Status(RechargeOrderStatus s) => s switch
    {
        RechargeOrderStatus.Unpaid => "待支付",
        RechargeOrderStatus.Paid => "已支付",
        RechargeOrderStatus.PartiallyRefunded => "部分退款",
        RechargeOrderStatus.FullyRefunded => "退款完成",
        RechargeOrderStatus.Closed => "已关闭",
        _ => s.ToString(),
    };

    public static string Status(RefundStatus s) => s switch
    {
        RefundStatus.Pending => "退款中",
        RefundStatus.Succeeded => "退款成功",
        RefundStatus.Failed => "退款失败",
        _ => s.ToString(),
    };

    public static string Status(PackageStatus s) => s == PackageStatus.Enabled ? "上架" : "下架";

    public static string Status(WithdrawalStatus s) => s switch
    {
        WithdrawalStatus.Pending => "待审核",
        WithdrawalStatus.Approved => "已通过",
        WithdrawalStatus.Rejected => "已拒绝",
        WithdrawalStatus.Paid => "已打款",
        _ => s.ToString(),
    };
}
