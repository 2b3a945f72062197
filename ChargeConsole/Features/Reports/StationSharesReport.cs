using ChargeConsole.Data;
using ChargeConsole.Domain.Infrastructure;
using ChargeConsole.Domain.Orders;
using ChargeConsole.Domain.Values;
using ChargeConsole.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs.Attributes;

namespace ChargeConsole.Features.Reports;

/// <summary>电站收益占比: one party's part of one station's split base.</summary>
public sealed class StationShareExportRow
{
    [ExcelColumnName("电站")] public string Station { get; set; } = "";
    [ExcelColumnName("充电金额(元)")] public decimal Total { get; set; }
    [ExcelColumnName("分润基数(元)")] public decimal Base { get; set; }
    [ExcelColumnName("分配给")] public string Party { get; set; } = "";
    [ExcelColumnName("金额(元)")] public decimal Amount { get; set; }
}

/// <summary>电站收益占比: who got each station's split base.</summary>
public static partial class ReportQueries
{
    /// <summary>
    /// Each station's split base and who got it: staff see every investor and the platform; an investor sees their
    /// own part and the rest as one figure (平台及其他投资人).
    /// </summary>
    public static async Task<List<(StationTotalRow Station, List<(string Party, long Fen)> Parts)>> StationSharesAsync(
        ChargeDbContext db, AccessScope scope, ReportFilter f, CancellationToken ct)
    {
        var stations = await StationTotalsAsync(db, scope, f, ct);
        var investors = await InvestorStationsAsync(db, scope, f, ct);
        return stations.Where(s => s.Orders != 0 || s.TotalFen != 0).Select(s =>
        {
            var parts = investors.Where(i => i.StationId == s.StationId).Select(i => (i.Investor, i.AmountFen)).ToList();
            parts.Add(scope.IsInvestor ? ("平台及其他投资人", s.SplitBaseFen - parts.Sum(p => p.AmountFen)) : ("平台", s.PlatformFen));
            return (s, parts);
        }).ToList();
    }

    public static async Task<IEnumerable<StationShareExportRow>> ExportStationSharesAsync(ChargeDbContext db, AccessScope scope, ReportFilter f, CancellationToken ct) =>
        (await StationSharesAsync(db, scope, f, ct)).SelectMany(s => s.Parts.Select(p => new StationShareExportRow
        {
            Station = s.Station.Station, Total = s.Station.TotalFen / 100m, Base = s.Station.SplitBaseFen / 100m, Party = p.Party, Amount = p.Fen / 100m,
        }));
}
