using ChargeConsole.Domain.Pricing;
using ChargeConsole.Domain.Values;
using FluentValidation;
using MiniExcelLibs.Attributes;

namespace ChargeConsole.Features.Pricing;

public sealed class BillingTemplateFilter
{
    public string? Name { get; set; }
    public int? ElectricityPriceId { get; set; }
}

public sealed record BillingTemplateRow
{
    public int Id { get; init; }
    public string Name { get; init; } = "";
    public string PriceName { get; init; } = "";
    public Price SharpElectricity { get; init; }
    public Price PeakElectricity { get; init; }
    public Price FlatElectricity { get; init; }
    public Price ValleyElectricity { get; init; }
    public Price SharpService { get; init; }
    public Price PeakService { get; init; }
    public Price FlatService { get; init; }
    public Price ValleyService { get; init; }
    public string Slots { get; init; } = "";
    public int ModelNumber { get; init; }
    public int StationCount { get; init; }
    public int PileCount { get; init; }
    public DateTime UpdatedAt { get; init; }

    public Tariff Tariff => new([SharpElectricity, PeakElectricity, FlatElectricity, ValleyElectricity], [SharpService, PeakService, FlatService, ValleyService]);
}

public sealed class BillingTemplateExportRow
{
    [ExcelColumnName("模板名称")] public string Name { get; set; } = "";
    [ExcelColumnName("基础电价")] public string PriceName { get; set; } = "";
    [ExcelColumnName("模型编号")] public int ModelNumber { get; set; }
    [ExcelColumnName("尖 用户价(元/kWh)")] public decimal Sharp { get; set; }
    [ExcelColumnName("峰 用户价(元/kWh)")] public decimal Peak { get; set; }
    [ExcelColumnName("平 用户价(元/kWh)")] public decimal Flat { get; set; }
    [ExcelColumnName("谷 用户价(元/kWh)")] public decimal Valley { get; set; }
    [ExcelColumnName("时段")] public string Periods { get; set; } = "";
    [ExcelColumnName("使用电站数")] public int StationCount { get; set; }
    [ExcelColumnName("使用电桩数")] public int PileCount { get; set; }
    [ExcelColumnName("更新时间")] public string UpdatedAt { get; set; } = "";
}

/// <summary>The template form: the electricity price picked from the list, a service fee per period, and the 48 slots.</summary>
public sealed class BillingTemplateForm : FourPrices
{
    public int? Id { get; set; }
    public string Name { get; set; } = "";
    public int? ElectricityPriceId { get; set; }
    public TouPeriod[] Slots { get; set; } = Enumerable.Repeat(TouPeriod.Flat, TouSchedule.SlotCount).ToArray();
    public string? Remark { get; set; }
}

public sealed class BillingTemplateValidator : AbstractValidator<BillingTemplateForm>
{
    public BillingTemplateValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("请输入模板名称").MaximumLength(100).WithMessage("模板名称不能超过100个字");
        RuleFor(x => x.ElectricityPriceId).NotNull().WithMessage("请选择基础电价");
        RuleFor(x => x.Slots).Must(s => s.Length == TouSchedule.SlotCount && s.All(Enum.IsDefined)).WithMessage("时段必须覆盖全天 48 个半小时");
        RuleFor(x => x.Remark).MaximumLength(256).WithMessage("备注不能超过256个字");
        Include(new FourPricesRules("服务费"));
    }
}

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
