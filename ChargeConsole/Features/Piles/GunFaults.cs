namespace ChargeConsole.Features.Piles;

/// <summary>The 0x13 hardware-fault bit field in Chinese, as the operator reads it.</summary>
public static class GunFaults
{
    private static readonly string[] Names =
    [
        "急停按钮动作", "无可用整流模块", "出风口温度过高", "交流防雷故障", "交直流模块DC20通信中断",
        "绝缘检测模块FC08通信中断", "电度表通信中断", "读卡器通信中断", "RC10通信中断", "风扇调速板故障",
        "直流熔断器故障", "高压接触器故障", "门打开",
    ];

    public static string? Describe(int bits)
    {
        if (bits == 0) return null;
        var faults = Names.Where((_, i) => (bits & (1 << i)) != 0).ToList();
        var unknown = bits >> Names.Length;
        if (unknown != 0) faults.Add($"未知故障(0x{bits:X4})");
        return string.Join("、", faults);
    }
}
