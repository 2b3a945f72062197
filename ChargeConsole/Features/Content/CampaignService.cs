using ChargeConsole.Infrastructure.Grid;
using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Infrastructure;
using ChargeConsole.Infrastructure;
using ChargeConsole.Infrastructure.Audit;
using ChargeConsole.Infrastructure.Auth;
using ChargeConsole.Infrastructure.Content;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs.Attributes;

namespace ChargeConsole.Features.Content;

public sealed class CampaignForm
{
    public int? Id { get; set; }
    public string Title { get; set; } = "";
    public string? ImagePath { get; set; }
    public string ContentHtml { get; set; } = "";
    public CampaignPlacement Placement { get; set; } = CampaignPlacement.HomePopup;
    public CampaignFrequency Frequency { get; set; } = CampaignFrequency.Daily;
    public PublishStatus Status { get; set; } = PublishStatus.Draft;
    public DateTime? PublishFrom { get; set; }
    public DateTime? PublishTo { get; set; }
}

public sealed class CampaignFormValidator : AbstractValidator<CampaignForm>
{
    public CampaignFormValidator()
    {
        RuleFor(x => x.Title).NotEmpty().WithMessage("请输入标题").MaximumLength(50).WithMessage("标题不能超过 50 个字");
        RuleFor(x => x.ContentHtml).MaximumLength(50_000).WithMessage("正文过长（不超过 50,000 个字符）");
        RuleFor(x => x).Must(x => !string.IsNullOrWhiteSpace(x.ImagePath) || !string.IsNullOrWhiteSpace(x.ContentHtml)).WithMessage("请上传图片或填写正文");
        RuleFor(x => x.PublishTo).GreaterThan(x => x.PublishFrom).WithMessage("下线时间必须晚于上线时间").When(x => x.PublishFrom is not null && x.PublishTo is not null);
    }
}

public sealed class CampaignFilter
{
    public string? Title { get; set; }
    public CampaignPlacement? Placement { get; set; }
    public PublishStatus? Status { get; set; }
}

public sealed record CampaignRow
{
    public int Id { get; init; }
    public string Title { get; init; } = "";
    public string? ImagePath { get; init; }
    public CampaignPlacement Placement { get; init; }
    public CampaignFrequency Frequency { get; init; }
    public PublishStatus Status { get; init; }
    public DateTime? PublishFrom { get; init; }
    public DateTime? PublishTo { get; init; }
    public DateTime CreatedAt { get; init; }
}

public sealed class CampaignExportRow
{
    [ExcelColumnName("标题")] public string Title { get; set; } = "";
    [ExcelColumnName("位置")] public string Placement { get; set; } = "";
    [ExcelColumnName("展示频率")] public string Frequency { get; set; } = "";
    [ExcelColumnName("状态")] public string Status { get; set; } = "";
    [ExcelColumnName("上线时间")] public string From { get; set; } = "";
    [ExcelColumnName("下线时间")] public string To { get; set; } = "";
}

public static class CampaignText
{
    public static string Placement(CampaignPlacement p) => p switch { CampaignPlacement.HomePopup => "首页弹窗", CampaignPlacement.HomeBanner => "首页横幅区", _ => "电站页" };
    public static string Frequency(CampaignFrequency f) => f switch { CampaignFrequency.Once => "仅一次", CampaignFrequency.Daily => "每天一次", _ => "每次进入" };
}

/// <summary>
/// 活动管理: campaigns for a placement in the mini-program. The API gives a user what a placement should show now —
/// published, inside the window, and not already seen as often as its frequency allows (the last view is kept per
/// user in the database, so every node agrees). Bodies are sanitised on save and on the way out.
/// </summary>
public sealed class CampaignService(IDbContextFactory<ChargeDbContext> dbFactory, IValidator<CampaignForm> validator, RichText richText, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static readonly RowList<CampaignFilter, CampaignRow> List = new(Query, x => x.CreatedAt);

    public static IQueryable<CampaignRow> Query(ChargeDbContext db, AccessScope scope, CampaignFilter f)
    {
        var q = db.Campaigns.AsNoTracking().StaffOnly(scope);
        if (!string.IsNullOrWhiteSpace(f.Title)) { var t = f.Title.Trim(); q = q.Where(c => c.Title.Contains(t)); }
        if (f.Placement is { } placement) q = q.Where(c => c.Placement == placement);
        if (f.Status is { } status) q = q.Where(c => c.Status == status);
        return q.Select(c => new CampaignRow
        {
            Id = c.Id, Title = c.Title, ImagePath = c.ImagePath, Placement = c.Placement, Frequency = c.Frequency, Status = c.Status, PublishFrom = c.PublishFrom,
            PublishTo = c.PublishTo, CreatedAt = c.CreatedAt,
        });
    }

    public static IEnumerable<CampaignExportRow> Export(ChargeDbContext db, AccessScope scope, CampaignFilter f) =>
        Query(db, scope, f).OrderByDescending(c => c.Id).AsEnumerable().Select(c => new CampaignExportRow
        {
            Title = c.Title, Placement = CampaignText.Placement(c.Placement), Frequency = CampaignText.Frequency(c.Frequency), Status = ContentText.Status(c.Status),
            From = ChinaTime.Format(c.PublishFrom), To = ChinaTime.Format(c.PublishTo),
        });

    public async Task<CampaignForm?> GetAsync(int id)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var c = await db.Campaigns.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id);
        return c is null ? null : new CampaignForm
        {
            Id = c.Id, Title = c.Title, ImagePath = c.ImagePath, ContentHtml = c.ContentHtml, Placement = c.Placement, Frequency = c.Frequency, Status = c.Status,
            PublishFrom = ChinaTime.ToChina(c.PublishFrom), PublishTo = ChinaTime.ToChina(c.PublishTo),
        };
    }

    private static readonly StaffEditTerms<Campaign> Terms = new("活动", "投资人账号不能管理活动", "该活动已被删除，请刷新列表", c => c.Title);

    public async Task<OperationResult> SaveAsync(AccessScope scope, CampaignForm form)
    {
        var now = Now;
        return await StaffEdit.SaveAsync(dbFactory, scope, now, form, validator, form.Id, Terms, () => new Campaign { CreatedAt = now }, (_, campaign) =>
        {
            if (form.Id is not null) campaign.UpdatedAt = now;
            (campaign.Title, campaign.ImagePath, campaign.ContentHtml, campaign.Placement, campaign.Frequency, campaign.Status) =
                (form.Title.Trim(), string.IsNullOrWhiteSpace(form.ImagePath) ? null : form.ImagePath, richText.Sanitize(form.ContentHtml), form.Placement, form.Frequency, form.Status);
            (campaign.PublishFrom, campaign.PublishTo) = (ChinaTime.ToUtc(form.PublishFrom), ChinaTime.ToUtc(form.PublishTo));
            return Task.FromResult(OperationResult.Ok("活动已保存"));
        });
    }

    public async Task<OperationResult> DeleteAsync(AccessScope scope, int id)
    {
        if (scope.IsInvestor) return OperationResult.Fail("投资人账号不能管理活动");
        await using var db = await dbFactory.CreateDbContextAsync();
        var campaign = await db.Campaigns.FirstOrDefaultAsync(c => c.Id == id);
        if (campaign is null) return OperationResult.Fail("该活动已被删除，请刷新列表");
        // Its users' views go with it, in the same transaction as the delete and its audit row.
        await using var tx = await db.Database.BeginTransactionAsync();
        await db.CampaignViews.Where(v => v.CampaignId == id).ExecuteDeleteAsync();
        db.Campaigns.Remove(campaign);
        var result = OperationResult.Ok("活动已删除");
        AuditTrail.Add(db, Now, scope.UserName, "删除活动", campaign.Title, result);
        await db.SaveChangesAsync();
        await tx.CommitAsync();
        return result;
    }

    /// <summary>What <paramref name="placement"/> should show this user now; each one returned counts as seen.</summary>
    public async Task<List<Campaign>> ShowAsync(int userId, CampaignPlacement placement, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = Now;
        var todayStart = ChinaTime.StartOfDayUtc(now);
        var due = await db.Campaigns.AsNoTracking()
            .LiveAt(now).Where(c => c.Placement == placement)
            .Where(c => c.Frequency == CampaignFrequency.EveryVisit
                        || !db.CampaignViews.Any(v => v.CampaignId == c.Id && v.AppUserId == userId && (c.Frequency == CampaignFrequency.Once || v.LastSeenAt >= todayStart)))
            .OrderByDescending(c => c.PublishFrom ?? c.CreatedAt).ThenByDescending(c => c.Id).Take(10).ToListAsync(ct);
        foreach (var c in due)
        {
            if (await db.CampaignViews.Where(v => v.CampaignId == c.Id && v.AppUserId == userId).ExecuteUpdateAsync(u => u.SetProperty(v => v.LastSeenAt, now), ct) == 0)
                db.CampaignViews.Add(new CampaignView { CampaignId = c.Id, AppUserId = userId, LastSeenAt = now });
            c.ContentHtml = richText.Sanitize(c.ContentHtml);
        }
        try { await db.SaveChangesAsync(ct); }
        catch (DbUpdateException e) when (e.IsUniqueViolation()) { } // the same user's other request recorded it first
        return due;
    }
}
