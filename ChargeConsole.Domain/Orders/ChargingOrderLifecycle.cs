namespace ChargeConsole.Domain.Orders;

public enum ChargingOrderStatus { Starting = 0, Charging = 1, Stopping = 2, Finished = 3, Settled = 4, Unpaid = 5, Failed = 6, Voided = 7 }

/// <summary>
/// SPEC "Charging order life": Starting → Charging → Stopping → Finished → Settled | Unpaid; start failures end
/// as Failed; an Unpaid order is settled later; a Settled order may be voided once.
/// </summary>
public static class ChargingOrderLifecycle
{
    private static readonly Dictionary<ChargingOrderStatus, ChargingOrderStatus[]> Next = new()
    {
        // A pile that started after a timed-out 0x34 reports the order charging: Failed can still become Charging.
        [ChargingOrderStatus.Starting] = [ChargingOrderStatus.Charging, ChargingOrderStatus.Failed, ChargingOrderStatus.Stopping, ChargingOrderStatus.Finished, ChargingOrderStatus.Settled, ChargingOrderStatus.Unpaid],
        [ChargingOrderStatus.Charging] = [ChargingOrderStatus.Stopping, ChargingOrderStatus.Finished, ChargingOrderStatus.Settled, ChargingOrderStatus.Unpaid],
        [ChargingOrderStatus.Stopping] = [ChargingOrderStatus.Charging, ChargingOrderStatus.Finished, ChargingOrderStatus.Settled, ChargingOrderStatus.Unpaid],
        // An idle report can slip in between a start and the first charging report: the next report revives the order.
        [ChargingOrderStatus.Finished] = [ChargingOrderStatus.Charging, ChargingOrderStatus.Settled, ChargingOrderStatus.Unpaid],
        [ChargingOrderStatus.Unpaid] = [ChargingOrderStatus.Settled],
        [ChargingOrderStatus.Settled] = [ChargingOrderStatus.Voided],
        [ChargingOrderStatus.Failed] = [ChargingOrderStatus.Charging, ChargingOrderStatus.Settled, ChargingOrderStatus.Unpaid],
        [ChargingOrderStatus.Voided] = [],
    };

    public static bool CanMove(ChargingOrderStatus from, ChargingOrderStatus to) => Next[from].Contains(to);

    /// <summary>The pile may still be charging: the gun is taken and a record is still to come.</summary>
    public static bool IsInProgress(ChargingOrderStatus s) => s is ChargingOrderStatus.Starting or ChargingOrderStatus.Charging or ChargingOrderStatus.Stopping;

    /// <summary>The pile's transaction record has not been received yet.</summary>
    public static bool AwaitsRecord(ChargingOrderStatus s) => IsInProgress(s) || s == ChargingOrderStatus.Finished;

    public static string Name(ChargingOrderStatus s) => s switch
    {
        ChargingOrderStatus.Starting => "启动中",
        ChargingOrderStatus.Charging => "充电中",
        ChargingOrderStatus.Stopping => "停止中",
        ChargingOrderStatus.Finished => "待结算",
        ChargingOrderStatus.Settled => "已结算",
        ChargingOrderStatus.Unpaid => "未支付",
        ChargingOrderStatus.Failed => "启动失败",
        ChargingOrderStatus.Voided => "已退单",
        _ => s.ToString(),
    };
}
