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

public class PileSpec
{
    public string Name { get; set; } = "";
    public int? StationId { get; set; }
    public string Model { get; set; } = "";
    public PileType Type { get; set; }
    public decimal? PowerKw { get; set; }
    public int GunCount { get; set; } = 2;
    public PileProtocol Protocol { get; set; } = PileProtocol.Ykc15;
}

public sealed class PileForm : PileSpec
{
    public int? Id { get; set; }
    public string Code { get; set; } = "";
    /// <summary>The pile's own template; null follows its station's.</summary>
    public int? BillingTemplateId { get; set; }
}

/// <summary>Batch add: <see cref="Count"/> piles with consecutive codes <see cref="Prefix"/> + serial from <see cref="FirstSerial"/>.</summary>
public sealed class PileBatchForm : PileSpec
{
    public string Prefix { get; set; } = "";
    public long? FirstSerial { get; set; } = 1;
    public int? Count { get; set; } = 10;
}

public static class PileText
{
    public const int MaxGuns = 8;
    public const int MaxBatch = 1000;

    public static string Type(PileType t) => t == PileType.DC ? "直流" : "交流";
    public static string Protocol(PileProtocol p) => p == PileProtocol.Ykc16 ? "YKC 1.6" : "YKC 1.5";
    public static string Online(bool online) => online ? "在线" : "离线";

    public static string Status(GunStatus s) => s switch
    {
        GunStatus.Offline => "离线",
        GunStatus.Idle => "空闲",
        GunStatus.Charging => "充电中",
        GunStatus.Fault => "故障",
        GunStatus.Occupied => "占用中",
        GunStatus.Reserved => "预约锁定",
        _ => s.ToString(),
    };
}
