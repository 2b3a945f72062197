using ChargeConsole.Domain.Revenue;
using MiniExcelLibs.Attributes;

namespace ChargeConsole.Features.Stations;

public sealed class StationFilter
{
    public string? Name { get; set; }
    public string? Address { get; set; }
    public bool? IsOpen { get; set; }
    public int? TagId { get; set; }
}

public sealed record StationRow
{
    public int Id { get; init; }
    public string Name { get; init; } = "";
    public string Address { get; init; } = "";
    public double Latitude { get; init; }
    public double Longitude { get; init; }
    public bool IsOpen { get; init; }
    public SplitBasis SplitBase { get; init; }
    public int? BillingTemplateId { get; init; }
    public string? BillingTemplateName { get; init; }
    public int PileCount { get; init; }
    public int GunCount { get; init; }
    public int OnlineGunCount { get; init; }
    public DateTime CreatedAt { get; init; }

    public string Investors { get; init; } = "";
    public string Tags { get; init; } = "";
}

public sealed class StationExportRow
{
    [ExcelColumnName("电站名称")] public string Name { get; set; } = "";
    [ExcelColumnName("地址")] public string Address { get; set; } = "";
    [ExcelColumnName("纬度")] public double Latitude { get; set; }
    [ExcelColumnName("经度")] public double Longitude { get; set; }
    [ExcelColumnName("状态")] public string Status { get; set; } = "";
    [ExcelColumnName("计费模板")] public string BillingTemplate { get; set; } = "";
    [ExcelColumnName("电桩数")] public int PileCount { get; set; }
    [ExcelColumnName("电枪数")] public int GunCount { get; set; }
    [ExcelColumnName("投资人")] public string Investors { get; set; } = "";
    [ExcelColumnName("创建时间")] public string CreatedAt { get; set; } = "";
}
