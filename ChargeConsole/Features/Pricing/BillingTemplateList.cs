using ChargeConsole.Domain.Pricing;
using ChargeConsole.Domain.Values;
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
