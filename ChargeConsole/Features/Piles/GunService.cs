using ChargeConsole.Infrastructure.Grid;
using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Infrastructure;
using ChargeConsole.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs.Attributes;

namespace ChargeConsole.Features.Piles;

public sealed class GunFilter
{
    public string? GunCode { get; set; }
    public string? PileCode { get; set; }
    public int? StationId { get; set; }
    public GunStatus? Status { get; set; }
}

public sealed record GunRow
{
    public int Id { get; init; }
    public string Code { get; init; } = "";
    public int Number { get; init; }
    public string PileCode { get; init; } = "";
    public PileProtocol Protocol { get; init; }
    public string StationName { get; init; } = "";
    public GunStatus Status { get; init; }
    public bool PluggedIn { get; init; }
    public string? FaultText { get; init; }
    public DateTime? StatusChangedAt { get; init; }
    public string? ReservedFor { get; init; }
    public DateTime? ReservedUntil { get; init; }
}

public sealed class GunExportRow
{
    [ExcelColumnName("电枪编码")] public string Code { get; set; } = "";
    [ExcelColumnName("枪号")] public int Number { get; set; }
    [ExcelColumnName("电桩编码")] public string PileCode { get; set; } = "";
    [ExcelColumnName("所属电站")] public string Station { get; set; } = "";
    [ExcelColumnName("状态")] public string Status { get; set; } = "";
    [ExcelColumnName("插枪")] public string PluggedIn { get; set; } = "";
    [ExcelColumnName("故障")] public string Fault { get; set; } = "";
    [ExcelColumnName("状态变化时间")] public string StatusChangedAt { get; set; } = "";
}

public sealed class GunService
{
    public static readonly RowList<GunFilter, GunRow> List = new(Query, x => x.Code, Descending: false);

    public static IQueryable<GunRow> Query(ChargeDbContext db, AccessScope scope, GunFilter f)
    {
        var q = db.Guns.AsNoTracking().VisibleTo(scope);
        if (!string.IsNullOrWhiteSpace(f.GunCode)) q = q.Where(g => g.Code.Contains(f.GunCode.Trim()));
        if (!string.IsNullOrWhiteSpace(f.PileCode)) q = q.Where(g => g.Pile.Code.Contains(f.PileCode.Trim()));
        if (f.StationId is { } station) q = q.Where(g => g.StationId == station);
        if (f.Status is { } status) q = q.Where(g => g.Status == status);
        return q.Select(g => new GunRow
            {
                Id = g.Id,
                Code = g.Code,
                Number = g.Number,
                PileCode = g.Pile.Code,
                Protocol = g.Pile.Protocol,
                ReservedFor = g.ReservedFor,
                ReservedUntil = g.ReservedUntil,
                StationName = g.Pile.Station.Name,
                Status = g.Status,
                PluggedIn = g.PluggedIn,
                FaultText = g.FaultText,
                StatusChangedAt = g.StatusChangedAt,
            });
    }

    public static IEnumerable<GunExportRow> Export(ChargeDbContext db, AccessScope scope, GunFilter f) =>
        Query(db, scope, f).OrderBy(g => g.Code).AsEnumerable().Select(g => new GunExportRow
        {
            Code = g.Code, Number = g.Number, PileCode = g.PileCode, Station = g.StationName, Status = PileText.Status(g.Status),
            PluggedIn = g.PluggedIn ? "是" : "否", Fault = g.FaultText ?? "", StatusChangedAt = ChinaTime.Format(g.StatusChangedAt),
        });
}
