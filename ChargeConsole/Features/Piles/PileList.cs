using ChargeConsole.Data.Entities;
using MiniExcelLibs.Attributes;

namespace ChargeConsole.Features.Piles;

public sealed class PileFilter
{
    public string? Code { get; set; }
    public int? StationId { get; set; }
    public PileType? Type { get; set; }
    public bool? Online { get; set; }
}

public sealed record PileRow
{
    public int Id { get; init; }
    public string Code { get; init; } = "";
    public string Name { get; init; } = "";
    public int StationId { get; init; }
    public string StationName { get; init; } = "";
    public string Model { get; init; } = "";
    public PileType Type { get; init; }
    public decimal PowerKw { get; init; }
    public int GunCount { get; init; }
    public PileProtocol Protocol { get; init; }
    public bool Online { get; init; }
    public DateTime? LastSeenAt { get; init; }
    public int? TemplateId { get; init; }
    public string? TemplateName { get; init; }
    /// <summary>The pile asked for a billing model and none was in effect.</summary>
    public bool MissingBillingTemplate { get; init; }
    public DateTime CreatedAt { get; init; }
}

public sealed class PileExportRow
{
    [ExcelColumnName("电桩编码")] public string Code { get; set; } = "";
    [ExcelColumnName("电桩名称")] public string Name { get; set; } = "";
    [ExcelColumnName("所属电站")] public string Station { get; set; } = "";
    [ExcelColumnName("型号")] public string Model { get; set; } = "";
    [ExcelColumnName("类型")] public string Type { get; set; } = "";
    [ExcelColumnName("功率(kW)")] public decimal PowerKw { get; set; }
    [ExcelColumnName("枪数")] public int GunCount { get; set; }
    [ExcelColumnName("协议版本")] public string Protocol { get; set; } = "";
    [ExcelColumnName("在线状态")] public string Online { get; set; } = "";
    [ExcelColumnName("最后通信")] public string LastSeenAt { get; set; } = "";
    [ExcelColumnName("创建时间")] public string CreatedAt { get; set; } = "";
}
