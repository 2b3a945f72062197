namespace ChargeConsole.Features.Orders;

/// <summary>
/// Why a charge stopped, in words: the console's own reason when it asked for the stop (the user's 结束充电, an
/// operator's, the balance), else the transaction record's (YKC 停止原因) — a pile says 远程停止 for all of the first.
/// </summary>
public static class StopReasons
{
    public const string ByUser = "用户结束充电";

    public static string ByOperator(string userName) => $"运营人员结束充电（{userName}）";

    public static string Describe(byte code) => code switch
    {
        0x40 => "远程停止",
        0x41 => "SOC 达到 100%",
        0x42 => "充满设定电量",
        0x43 => "达到设定金额",
        0x44 => "达到设定时长",
        0x45 => "手动停止",
        >= 0x46 and <= 0x49 => $"正常结束（0x{code:X2}）",
        0x4B or 0x6B => "控制导引断开",
        0x4E or 0x6E => "余额不足",
        0x50 or 0x72 => "急停",
        >= 0x4A and <= 0x69 => $"启动失败（0x{code:X2}）",
        0x76 => "无电流",
        0x82 => "车辆禁止充电",
        0x83 => "电桩断电",
        >= 0x6A and <= 0x8F => $"异常停止（0x{code:X2}）",
        _ => $"未知原因（0x{code:X2}）",
    };
}
