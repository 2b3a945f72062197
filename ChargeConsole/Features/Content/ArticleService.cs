using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Infrastructure;
using ChargeConsole.Infrastructure;
using ChargeConsole.Infrastructure.Audit;
using ChargeConsole.Infrastructure.Auth;
using ChargeConsole.Infrastructure.Content;
using ChargeConsole.Infrastructure.Grid;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs.Attributes;

namespace ChargeConsole.Features.Content;

public sealed class ArticleForm
{
    public int? Id { get; set; }
    public ArticleKind Kind { get; set; } = ArticleKind.Notice;
    public string Title { get; set; } = "";
    public string ContentHtml { get; set; } = "";
    public PublishStatus Status { get; set; } = PublishStatus.Draft;
    /// <summary>China time; empty: from now / without end.</summary>
    public DateTime? PublishFrom { get; set; }
    public DateTime? PublishTo { get; set; }
}

public sealed class ArticleFormValidator : AbstractValidator<ArticleForm>
{
    public ArticleFormValidator()
    {
        RuleFor(x => x.Title).NotEmpty().WithMessage("请输入标题").MaximumLength(100).WithMessage("标题不能超过 100 个字");
        RuleFor(x => x.ContentHtml).NotEmpty().WithMessage("请输入正文").MaximumLength(50_000).WithMessage("正文过长（不超过 50,000 个字符）");
        RuleFor(x => x.PublishTo).GreaterThan(x => x.PublishFrom).WithMessage("下线时间必须晚于上线时间").When(x => x.PublishFrom is not null && x.PublishTo is not null);
    }
}

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

public static class ContentText
{
    public static string Kind(ArticleKind k) => k switch { ArticleKind.Agreement => "用户协议", ArticleKind.Privacy => "隐私政策", _ => "公告" };
    public static string Status(PublishStatus s) => s switch { PublishStatus.Published => "已发布", PublishStatus.Withdrawn => "已下线", _ => "草稿" };
}

/// <summary>
/// 协议公告: rich-text bodies sanitised on save and again on output. The mini-program is served only what is 已发布 and
/// inside its publish window; the user agreement and privacy policy at sign-in are the newest live ones of their kind.
/// </summary>
public sealed class ArticleService(IDbContextFactory<ChargeDbContext> dbFactory, IValidator<ArticleForm> validator, RichText richText, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

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

    public async Task<ArticleForm?> GetAsync(int id)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var a = await db.Articles.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id);
        return a is null ? null : new ArticleForm
        {
            Id = a.Id, Kind = a.Kind, Title = a.Title, ContentHtml = a.ContentHtml, Status = a.Status,
            PublishFrom = ChinaTime.ToChina(a.PublishFrom), PublishTo = ChinaTime.ToChina(a.PublishTo),
        };
    }

    public async Task<OperationResult> SaveAsync(AccessScope scope, ArticleForm form)
    {
        if (scope.IsInvestor) return OperationResult.Fail("投资人账号不能管理协议公告");
        var validation = await validator.ValidateAsync(form);
        if (!validation.IsValid) return OperationResult.Invalid(validation);
        var html = richText.Sanitize(form.ContentHtml);
        if (string.IsNullOrWhiteSpace(html)) return OperationResult.Fail("正文在去除不安全的内容后为空");
        await using var db = await dbFactory.CreateDbContextAsync();
        Article article;
        if (form.Id is { } id)
        {
            article = (await db.Articles.FirstOrDefaultAsync(a => a.Id == id))!;
            if (article is null) return OperationResult.Fail("该内容已被删除，请刷新列表");
            article.UpdatedAt = Now;
        }
        else db.Articles.Add(article = new Article { CreatedAt = Now });
        (article.Kind, article.Title, article.ContentHtml, article.Status) = (form.Kind, form.Title.Trim(), html, form.Status);
        (article.PublishFrom, article.PublishTo) = (ChinaTime.ToUtc(form.PublishFrom), ChinaTime.ToUtc(form.PublishTo));
        var result = OperationResult.Ok(html.Length < form.ContentHtml.Length ? "已保存（正文中不安全的脚本或链接已被去除）" : "已保存");
        AuditTrail.Add(db, Now, scope.UserName, form.Id is null ? "新增协议公告" : "修改协议公告", $"{ContentText.Kind(form.Kind)}：{article.Title}", result);
        await db.SaveChangesAsync();
        return result;
    }

    public async Task<OperationResult> DeleteAsync(AccessScope scope, int id)
    {
        if (scope.IsInvestor) return OperationResult.Fail("投资人账号不能管理协议公告");
        await using var db = await dbFactory.CreateDbContextAsync();
        var article = await db.Articles.FirstOrDefaultAsync(a => a.Id == id);
        if (article is null) return OperationResult.Fail("该内容已被删除，请刷新列表");
        db.Articles.Remove(article);
        var result = OperationResult.Ok("已删除");
        AuditTrail.Add(db, Now, scope.UserName, "删除协议公告", article.Title, result);
        await db.SaveChangesAsync();
        return result;
    }

    private IQueryable<Article> Live(ChargeDbContext db)
    {
        var now = Now;
        return db.Articles.AsNoTracking().LiveAt(now);
    }

    /// <summary>What the mini-program may show, sanitised once more on the way out (stored HTML is never trusted).</summary>
    public async Task<Article?> LiveAsync(int id, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return Clean(await Live(db).FirstOrDefaultAsync(a => a.Id == id, ct));
    }

    /// <summary>The newest live article of a kind (the agreement or privacy policy shown at sign-in).</summary>
    public async Task<Article?> CurrentAsync(ArticleKind kind, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return Clean(await Live(db).Where(a => a.Kind == kind).OrderByDescending(a => a.PublishFrom ?? a.CreatedAt).ThenByDescending(a => a.Id).FirstOrDefaultAsync(ct));
    }

    public async Task<List<Article>> LiveListAsync(ArticleKind kind, int max, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return (await Live(db).Where(a => a.Kind == kind).OrderByDescending(a => a.PublishFrom ?? a.CreatedAt).ThenByDescending(a => a.Id).Take(max).ToListAsync(ct))
            .Select(a => Clean(a)!).ToList();
    }

    private Article? Clean(Article? a)
    {
        if (a is not null) a.ContentHtml = richText.Sanitize(a.ContentHtml);
        return a;
    }
}
