using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Orders;
using ChargeConsole.Domain.Wallets;
using ChargeConsole.Features.Revenue;
using ChargeConsole.Features.Users;
using ChargeConsole.Features.Wallets;
using ChargeConsole.Infrastructure;
using ChargeConsole.Infrastructure.Audit;
using ChargeConsole.Infrastructure.Auth;
using ChargeConsole.Infrastructure.Grid;
using ChargeConsole.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs.Attributes;

namespace ChargeConsole.Features.Orders;

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
