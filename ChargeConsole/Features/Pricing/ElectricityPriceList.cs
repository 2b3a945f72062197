using ChargeConsole.Domain.Values;
using MiniExcelLibs.Attributes;

namespace ChargeConsole.Features.Pricing;

public sealed class ElectricityPriceFilter
{
    public string? Name { get; set; }
}

public sealed record ElectricityPriceRow
{
    public int Id { get; init; }
    public string Name { get; init; } = "";
    public Price Sharp { get; init; }
    public Price Peak { get; init; }
    public Price Flat { get; init; }
    public Price Valley { get; init; }
    public string? Remark { get; init; }
    public int TemplateCount { get; init; }
    public DateTime UpdatedAt { get; init; }
}

public sealed class ElectricityPriceExportRow
{
    [ExcelColumnName("电价名称")] public string Name { get; set; } = "";
    [ExcelColumnName("尖(元/kWh)")] public decimal Sharp { get; set; }
    [ExcelColumnName("峰(元/kWh)")] public decimal Peak { get; set; }
    [ExcelColumnName("平(元/kWh)")] public decimal Flat { get; set; }
    [ExcelColumnName("谷(元/kWh)")] public decimal Valley { get; set; }
    [ExcelColumnName("引用模板数")] public int TemplateCount { get; set; }
    [ExcelColumnName("备注")] public string Remark { get; set; } = "";
    [ExcelColumnName("更新时间")] public string UpdatedAt { get; set; } = "";
}
