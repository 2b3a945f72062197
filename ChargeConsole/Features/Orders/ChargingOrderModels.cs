using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Orders;
using ChargeConsole.Domain.Values;
using MiniExcelLibs.Attributes;

namespace ChargeConsole.Features.Orders;

public sealed class ChargingOrderFilter
{
    /// <summary>China calendar days, inclusive: the same day in both finds that day's orders.</summary>
    public DateTime? From { get; set; }
    public DateTime? To { get; set; }
    public ChargingOrderStatus? Status { get; set; }
    public string? Phone { get; set; }
    public string? OrderNo { get; set; }
    public int? StationId { get; set; }
}

public sealed record ChargingOrderRow
{
    public long Id { get; init; }
    public string OrderNo { get; init; } = "";
    public ChargingOrderStatus Status { get; init; }
    public StartSource Source { get; init; }
    public string? Phone { get; init; }
    public string? Nickname { get; init; }
    public int StationId { get; init; }
    public string StationName { get; init; } = "";
    public string GunCode { get; init; } = "";
    public DateTime CreatedAt { get; init; }
    public DateTime? StartedAt { get; init; }
    public DateTime? EndedAt { get; init; }
    public Energy Energy { get; init; }
    public Money ElectricityFee { get; init; }
    public Money ServiceFee { get; init; }
    public Money TotalAmount { get; init; }
    /// <summary>A coupon's discount (the fees above are already reduced by it).</summary>
    public Money DiscountAmount { get; init; }
    public Money? PileAmount { get; init; }
    public bool AmountMismatch { get; init; }
    public bool RecordOverdue { get; init; }
    public decimal? PowerKw { get; init; }
    public int? Soc { get; init; }
    public string? StopReason { get; init; }
    public string? FailureReason { get; init; }
    public string? ReviewNote { get; init; }
}

public sealed class ChargingOrderExportRow
{
    [ExcelColumnName("订单号")] public string OrderNo { get; set; } = "";
    [ExcelColumnName("状态")] public string Status { get; set; } = "";
    [ExcelColumnName("启动方式")] public string Source { get; set; } = "";
    [ExcelColumnName("手机号")] public string Phone { get; set; } = "";
    [ExcelColumnName("昵称")] public string Nickname { get; set; } = "";
    [ExcelColumnName("电站")] public string Station { get; set; } = "";
    [ExcelColumnName("电枪")] public string Gun { get; set; } = "";
    [ExcelColumnName("下单时间")] public string CreatedAt { get; set; } = "";
    [ExcelColumnName("开始时间")] public string StartedAt { get; set; } = "";
    [ExcelColumnName("结束时间")] public string EndedAt { get; set; } = "";
    [ExcelColumnName("电量(kWh)")] public decimal Energy { get; set; }
    [ExcelColumnName("电费(元)")] public decimal ElectricityFee { get; set; }
    [ExcelColumnName("服务费(元)")] public decimal ServiceFee { get; set; }
    [ExcelColumnName("订单金额(元)")] public decimal Total { get; set; }
    [ExcelColumnName("优惠券抵扣(元)")] public decimal Discount { get; set; }
    [ExcelColumnName("电桩金额(元)")] public string PileAmount { get; set; } = "";
    [ExcelColumnName("停止原因")] public string StopReason { get; set; } = "";
    [ExcelColumnName("异常")] public string Flags { get; set; } = "";
    [ExcelColumnName("审核说明")] public string ReviewNote { get; set; } = "";
}

/// <summary>账单明细 of one order: the order, its user and every wallet movement it caused.</summary>
/// <param name="ShowsWallet">false for investors: no wallet movements, balances or how the user paid</param>
public sealed record ChargingOrderDetail(ChargingOrder Order, string StationName, string? Phone, string? Nickname, IReadOnlyList<LedgerEntry> Ledger, bool ShowsWallet);

public sealed record ChargingSample(DateTime SampledAt, decimal Voltage, decimal Current, decimal PowerKw, Energy Energy, int? Soc, Money Amount);

public static class OrderText
{
    public static string Status(ChargingOrderStatus s) => s switch
    {
        ChargingOrderStatus.Starting => "启动中",
        ChargingOrderStatus.Charging => "充电中",
        ChargingOrderStatus.Stopping => "停止中",
        ChargingOrderStatus.Finished => "待结算",
        ChargingOrderStatus.Settled => "已结算",
        ChargingOrderStatus.Unpaid => "未支付",
        ChargingOrderStatus.Failed => "启动失败",
        ChargingOrderStatus.Voided => "已退单",
        ChargingOrderStatus.PendingReview => "待审核",
        ChargingOrderStatus.Rejected => "已驳回",
        ChargingOrderStatus.Closed => "已关闭",
        _ => s.ToString(),
    };
    public static string Source(StartSource s) => s switch
    {
        StartSource.App => "小程序",
        StartSource.Card => "刷卡",
        StartSource.Vin => "VIN 码",
        _ => "离线启动",
    };

    public static string Doubt(Domain.Orders.RecordDoubt d) => d switch
    {
        Domain.Orders.RecordDoubt.NotStartedByConsole => "平台未下发该交易流水号，也无刷卡/VIN 授权记录",
        Domain.Orders.RecordDoubt.ImpossibleTimes => "充电起止时间不合理",
        Domain.Orders.RecordDoubt.FromTheFuture => "交易时间晚于当前时间",
        Domain.Orders.RecordDoubt.EnergyBeyondRatedPower => "电量超过电桩额定功率在该时长内可充的电量",
        Domain.Orders.RecordDoubt.StartsBeforeOrder => "交易开始时间早于平台创建订单的时间",
        Domain.Orders.RecordDoubt.EnergyBeyondOrderDuration => "电量超过电桩额定功率自订单创建以来可充的电量",
        Domain.Orders.RecordDoubt.AmountBeyondLimit => "计费金额远超启动时下发给电桩的可用余额",
        Domain.Orders.RecordDoubt.InconsistentMeter => "分时电量之和或电表读数与总电量不一致",
        _ => d.ToString(),
    };

    public static string Doubts(IEnumerable<Domain.Orders.RecordDoubt> doubts) => "待审核：" + string.Join("；", doubts.Select(Doubt));

    public static string Flags(bool mismatch, bool overdue) =>
        string.Join("；", new[] { mismatch ? "金额与电桩不一致" : null, overdue ? "交易记录超时未上传" : null }.Where(x => x is not null));
}
