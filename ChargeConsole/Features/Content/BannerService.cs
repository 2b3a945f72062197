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

public sealed class BannerForm
{
    public int? Id { get; set; }
    public string Title { get; set; } = "";
    /// <summary>The uploaded image's key in the file store.</summary>
    public string? ImagePath { get; set; }
    /// <summary>A mini-program page (/pages/…) or a content item (article:ID); empty for none.</summary>
    public string? LinkUrl { get; set; }
    public int SortOrder { get; set; }
    public PublishStatus Status { get; set; } = PublishStatus.Draft;
    public DateTime? PublishFrom { get; set; }
    public DateTime? PublishTo { get; set; }
}

public sealed class BannerFormValidator : AbstractValidator<BannerForm>
{
    public const string LinkPattern = @"\A(/pages/[A-Za-z0-9_/\-]{1,100}(\?[A-Za-z0-9_=&%\-]{0,100})?|article:\d{1,9})\z";

    public BannerFormValidator()
    {
        RuleFor(x => x.Title).NotEmpty().WithMessage("请输入标题").MaximumLength(50).WithMessage("标题不能超过 50 个字");
        RuleFor(x => x.ImagePath).NotEmpty().WithMessage("请上传轮播图片");
        RuleFor(x => x.LinkUrl).Matches(LinkPattern).WithMessage("链接须是小程序页面（如 /pages/station/detail?id=1）或内容（如 article:12）")
            .When(x => !string.IsNullOrWhiteSpace(x.LinkUrl));
        RuleFor(x => x.SortOrder).InclusiveBetween(0, 9999).WithMessage("排序必须在 0 到 9999 之间");
        RuleFor(x => x.PublishTo).GreaterThan(x => x.PublishFrom).WithMessage("下线时间必须晚于上线时间").When(x => x.PublishFrom is not null && x.PublishTo is not null);
    }
}

public sealed class BannerFilter
{
    public string? Title { get; set; }
    public PublishStatus? Status { get; set; }
}

public sealed record BannerRow
{
    public int Id { get; init; }
    public string Title { get; init; } = "";
    public string ImagePath { get; init; } = "";
    public string? LinkUrl { get; init; }
    public int SortOrder { get; init; }
    public PublishStatus Status { get; init; }
    public DateTime? PublishFrom { get; init; }
    public DateTime? PublishTo { get; init; }
    public DateTime CreatedAt { get; init; }
}

public sealed class BannerExportRow
{
    [ExcelColumnName("标题")] public string Title { get; set; } = "";
    [ExcelColumnName("链接")] public string Link { get; set; } = "";
    [ExcelColumnName("排序")] public int SortOrder { get; set; }
    [ExcelColumnName("状态")] public string Status { get; set; } = "";
    [ExcelColumnName("上线时间")] public string From { get; set; } = "";
    [ExcelColumnName("下线时间")] public string To { get; set; } = "";
}

/// <summary>轮播管理: the mini-program's home banners; it is served the published ones inside their window, by sort order.</summary>
public sealed class BannerService(IDbContextFactory<ChargeDbContext> dbFactory, IValidator<BannerForm> validator, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static readonly RowList<BannerFilter, BannerRow> List = new(Query, x => x.SortOrder, Descending: false);

    public static IQueryable<BannerRow> Query(ChargeDbContext db, AccessScope scope, BannerFilter f)
    {
        var q = db.Banners.AsNoTracking().StaffOnly(scope);
        if (!string.IsNullOrWhiteSpace(f.Title)) { var t = f.Title.Trim(); q = q.Where(b => b.Title.Contains(t)); }
        if (f.Status is { } status) q = q.Where(b => b.Status == status);
        return q.Select(b => new BannerRow
        {
            Id = b.Id, Title = b.Title, ImagePath = b.ImagePath, LinkUrl = b.LinkUrl, SortOrder = b.SortOrder, Status = b.Status, PublishFrom = b.PublishFrom,
            PublishTo = b.PublishTo, CreatedAt = b.CreatedAt,
        });
    }

    public static IEnumerable<BannerExportRow> Export(ChargeDbContext db, AccessScope scope, BannerFilter f) =>
        Query(db, scope, f).OrderBy(b => b.SortOrder).ThenBy(b => b.Id).AsEnumerable().Select(b => new BannerExportRow
        {
            Title = b.Title, Link = b.LinkUrl ?? "", SortOrder = b.SortOrder, Status = ContentText.Status(b.Status), From = ChinaTime.Format(b.PublishFrom), To = ChinaTime.Format(b.PublishTo),
        });

    private static readonly StaffEditTerms<Banner> Terms = new("轮播", "投资人账号不能管理轮播", "该轮播已被删除，请刷新列表", b => b.Title);

    public async Task<OperationResult> SaveAsync(AccessScope scope, BannerForm form)
    {
        var now = Now;
        return await StaffEdit.SaveAsync(dbFactory, scope, now, form, validator, form.Id, Terms, () => new Banner { CreatedAt = now }, (_, banner) =>
        {
            (banner.Title, banner.ImagePath, banner.LinkUrl, banner.SortOrder, banner.Status) =
                (form.Title.Trim(), form.ImagePath!, string.IsNullOrWhiteSpace(form.LinkUrl) ? null : form.LinkUrl.Trim(), form.SortOrder, form.Status);
            (banner.PublishFrom, banner.PublishTo) = (ChinaTime.ToUtc(form.PublishFrom), ChinaTime.ToUtc(form.PublishTo));
            return Task.FromResult(OperationResult.Ok("轮播已保存"));
        });
    }

    public async Task<OperationResult> DeleteAsync(AccessScope scope, int id)
    {
        if (scope.IsInvestor) return OperationResult.Fail("投资人账号不能管理轮播");
        await using var db = await dbFactory.CreateDbContextAsync();
        var banner = await db.Banners.FirstOrDefaultAsync(b => b.Id == id);
        if (banner is null) return OperationResult.Fail("该轮播已被删除，请刷新列表");
        db.Banners.Remove(banner);
        var result = OperationResult.Ok("轮播已删除");
        AuditTrail.Add(db, Now, scope.UserName, "删除轮播", banner.Title, result);
        await db.SaveChangesAsync();
        return result;
    }

    /// <summary>What the mini-program shows now, in order.</summary>
    public async Task<List<Banner>> LiveAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = Now;
        return await db.Banners.AsNoTracking()
            .LiveAt(now)
            .OrderBy(b => b.SortOrder).ThenBy(b => b.Id).ToListAsync(ct);
    }
}
