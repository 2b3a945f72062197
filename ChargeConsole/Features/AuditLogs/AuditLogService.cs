using ChargeConsole.Infrastructure.Grid;
using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Infrastructure;
using ChargeConsole.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs.Attributes;

namespace ChargeConsole.Features.AuditLogs;

public sealed class AuditLogFilter
{
    public string? UserName { get; set; }
    public string? Action { get; set; }
    public string? Target { get; set; }
    public bool? Succeeded { get; set; }
    /// <summary>China calendar dates, inclusive.</summary>
    public DateTime? From { get; set; }
    public DateTime? To { get; set; }
}

public sealed class AuditLogExportRow
{
    [ExcelColumnName("时间")] public string At { get; set; } = "";
    [ExcelColumnName("操作人")] public string UserName { get; set; } = "";
    [ExcelColumnName("操作")] public string Action { get; set; } = "";
    [ExcelColumnName("对象")] public string Target { get; set; } = "";
    [ExcelColumnName("结果")] public string Outcome { get; set; } = "";
    [ExcelColumnName("说明")] public string Result { get; set; } = "";
}

public sealed class AuditLogService
{
    public static readonly RowList<AuditLogFilter, AuditLog> List = new(Query, x => x.At);

    public static IQueryable<AuditLog> Query(ChargeDbContext db, AccessScope scope, AuditLogFilter f)
    {
        var q = db.AuditLogs.AsNoTracking();
        if (scope.IsInvestor) return q.Where(_ => false); // investors have no access to the audit trail
        if (!string.IsNullOrWhiteSpace(f.UserName)) q = q.Where(a => a.UserName.Contains(f.UserName.Trim()));
        if (!string.IsNullOrWhiteSpace(f.Action)) q = q.Where(a => a.Action.Contains(f.Action.Trim()));
        if (!string.IsNullOrWhiteSpace(f.Target)) q = q.Where(a => a.Target.Contains(f.Target.Trim()));
        if (f.Succeeded is { } ok) q = q.Where(a => a.Succeeded == ok);
        q = q.WithinChinaDays(a => a.At, f.From, f.To);
        return q;
    }

    public static IEnumerable<AuditLogExportRow> Export(ChargeDbContext db, AccessScope scope, AuditLogFilter f) =>
        Query(db, scope, f).OrderByDescending(a => a.At).AsEnumerable().Select(a => new AuditLogExportRow
        {
            At = ChinaTime.Format(a.At), UserName = a.UserName, Action = a.Action, Target = a.Target,
            Outcome = a.Succeeded ? "成功" : "失败", Result = a.Result,
        });
}
