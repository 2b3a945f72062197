using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Infrastructure;
using ChargeConsole.Infrastructure.Audit;
using ChargeConsole.Infrastructure.Auth;
using ChargeConsole.Infrastructure.Grid;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs.Attributes;

namespace ChargeConsole.Features.Content;

public sealed class ArticleFilter
{
    public ArticleKind? Kind { get; set; }
    public string? Title { get; set; }
    public PublishStatus? Status { get; set; }
}

/// <summary>Init properties, not a positional record: the grid sorts on them in the database.</summary>
public sealed record ArticleRow
{
    public int Id { get; init; }
    public ArticleKind Kind { get; init; }
    public string Title { get; init; } = "";
    public PublishStatus Status { get; init; }
    public DateTime? PublishFrom { get; init; }
    public DateTime? PublishTo { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime? UpdatedAt { get; init; }
}

public sealed class ArticleExportRow
{
    [ExcelColumnName("类型")] public string Kind { get; set; } = "";
    [ExcelColumnName("标题")] public string Title { get; set; } = "";
    [ExcelColumnName("状态")] public string Status { get; set; } = "";
    [ExcelColumnName("上线时间")] public string From { get; set; } = "";
    [ExcelColumnName("下线时间")] public string To { get; set; } = "";
    [ExcelColumnName("更新时间")] public string UpdatedAt { get; set; } = "";
}

/// <summary>文章管理's list and its export.</summary>
public sealed partial class ArticleService
{
    public static readonly RowList<ArticleFilter, ArticleRow> List = new(Query, x => x.CreatedAt);

    public static IQueryable<ArticleRow> Query(ChargeDbContext db, AccessScope scope, ArticleFilter f)
    {
        var q = db.Articles.AsNoTracking().StaffOnly(scope);
        if (f.Kind is { } kind) q = q.Where(a => a.Kind == kind);
        if (f.Status is { } status) q = q.Where(a => a.Status == status);
        if (!string.IsNullOrWhiteSpace(f.Title)) { var t = f.Title.Trim(); q = q.Where(a => a.Title.Contains(t)); }
        return q.Select(a => new ArticleRow
        {
            Id = a.Id, Kind = a.Kind, Title = a.Title, Status = a.Status, PublishFrom = a.PublishFrom, PublishTo = a.PublishTo, CreatedAt = a.CreatedAt, UpdatedAt = a.UpdatedAt,
        });
    }

    public static IEnumerable<ArticleExportRow> Export(ChargeDbContext db, AccessScope scope, ArticleFilter f) =>
        Query(db, scope, f).OrderByDescending(a => a.Id).AsEnumerable().Select(a => new ArticleExportRow
        {
            Kind = ContentText.Kind(a.Kind), Title = a.Title, Status = ContentText.Status(a.Status), From = ChinaTime.Format(a.PublishFrom), To = ChinaTime.Format(a.PublishTo),
            UpdatedAt = ChinaTime.Format(a.UpdatedAt ?? a.CreatedAt),
        });
}
