using ChargeConsole.Domain.Pricing;
using FluentValidation;
using MiniExcelLibs.Attributes;

namespace ChargeConsole.Features.Pricing;

public static class TouText
{
    public static string Name(TouPeriod p) => p switch { TouPeriod.Sharp => "尖", TouPeriod.Peak => "峰", TouPeriod.Flat => "平", _ => "谷" };

    /// <summary>"00:00-08:00 谷；08:00-10:00 平…" for lists and exports.</summary>
    public static string Describe(TouSchedule schedule) => string.Join("；", schedule.ToRanges().Select(r =>
        $"{r.Start:HH\\:mm}-{(r.EndMinute == 1440 ? "24:00" : r.End.ToString("HH\\:mm"))} {TouText.Name(r.Period)}"));

    public static string Color(TouPeriod p) => p switch
    {
        TouPeriod.Sharp => "#d32f2f",
        TouPeriod.Peak => "#f57c00",
        TouPeriod.Flat => "#1976d2",
        _ => "#388e3c",
    };
}
