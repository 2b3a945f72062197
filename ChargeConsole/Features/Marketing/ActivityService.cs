using ChargeConsole.Infrastructure.Grid;
using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Infrastructure;
using ChargeConsole.Infrastructure;
using ChargeConsole.Infrastructure.Auth;
using ChargeConsole.Infrastructure.Content;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs.Attributes;

namespace ChargeConsole.Features.Marketing;

public sealed class ActivityForm
{
    public int? Id { get; set; }
    public string Title { get; set; } = "";
    public string? PosterPath { get; set; }
    public string RulesHtml { get; set; } = "";
    public bool StackableWithCoupons { get; set; }
    public ActivityStatus Status { get; set; } = ActivityStatus.Enabled;
    public DateTime? StartAt { get; set; }
    public DateTime? EndAt { get; set; }
}

public sealed class ActivityFormValidator : AbstractValidator<ActivityForm>
{
    public ActivityFormValidator()
    {
        RuleFor(x => x.Title).NotEmpty().WithMessage("请输入活动标题").MaximumLength(50).WithMessage("标题不能超过 50 个字");
        RuleFor(x => x.RulesHtml).MaximumLength(20_000).WithMessage("活动规则过长（不超过 20,000 个字符）");
        RuleFor(x => x.StartAt).NotNull().WithMessage("请填写开始时间");
        RuleFor(x => x.EndAt).NotNull().WithMessage("请填写结束时间").GreaterThan(x => x.StartAt).WithMessage("结束时间必须晚于开始时间").When(x => x.StartAt is not null);
    }
}

public sealed class ActivityFilter
{
    public string? Title { get; set; }
}

public sealed record ActivityRow
{
    public int Id { get; init; }
    public string Title { get; init; } = "";
    public string? PosterPath { get; init; }
    public bool StackableWithCoupons { get; init; }
    public ActivityStatus Status { get; init; }
    public DateTime StartAt { get; init; }
    public DateTime EndAt { get; init; }
    public int Packages { get; init; }
    public DateTime CreatedAt { get; init; }
}

public sealed class ActivityExportRow
{
    [ExcelColumnName("活动标题")] public string Title { get; set; } = "";
    [ExcelColumnName("优惠叠加")] public string Stackable { get; set; } = "";
    [ExcelColumnName("状态")] public string Status { get; set; } = "";
    [ExcelColumnName("开始时间")] public string Start { get; set; } = "";
    [ExcelColumnName("结束时间")] public string End { get; set; } = "";
    [ExcelColumnName("套餐数")] public int Packages { get; set; }
}

/// <summary>营销活动: never deleted, only switched off; several may run at once. The mini-program lists the running ones.</summary>
public sealed class ActivityService(IDbContextFactory<ChargeDbContext> dbFactory, IValidator<ActivityForm> validator, RichText richText, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static readonly RowList<ActivityFilter, ActivityRow> ActivitiesList = new(Activities, x => x.StartAt);

    public static IQueryable<ActivityRow> Activities(ChargeDbContext db, AccessScope scope, ActivityFilter f)
    {
        var q = db.MarketingActivities.AsNoTracking().StaffOnly(scope);
        if (!string.IsNullOrWhiteSpace(f.Title)) { var t = f.Title.Trim(); q = q.Where(a => a.Title.Contains(t)); }
        return q.Select(a => new ActivityRow
        {
            Id = a.Id, Title = a.Title, PosterPath = a.PosterPath, StackableWithCoupons = a.StackableWithCoupons, Status = a.Status, StartAt = a.StartAt, EndAt = a.EndAt,
            Packages = a.Packages.Count, CreatedAt = a.CreatedAt,
        });
    }

    public static IEnumerable<ActivityExportRow> ExportActivities(ChargeDbContext db, AccessScope scope, ActivityFilter f) =>
        Activities(db, scope, f).OrderByDescending(a => a.Id).AsEnumerable().Select(a => new ActivityExportRow
        {
            Title = a.Title, Stackable = a.StackableWithCoupons ? "可叠加" : "不可叠加", Status = a.Status == ActivityStatus.Enabled ? "开启" : "关闭",
            Start = ChinaTime.Format(a.StartAt), End = ChinaTime.Format(a.EndAt), Packages = a.Packages,
        });

    public async Task<ActivityForm?> ActivityAsync(int id)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var a = await db.MarketingActivities.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id);
        return a is null ? null : new ActivityForm
        {
            Id = a.Id, Title = a.Title, PosterPath = a.PosterPath, RulesHtml = a.RulesHtml, StackableWithCoupons = a.StackableWithCoupons, Status = a.Status,
            StartAt = ChinaTime.ToChina(a.StartAt), EndAt = ChinaTime.ToChina(a.EndAt),
        };
    }

    private static readonly StaffEditTerms<MarketingActivity> Terms = new("营销活动", "投资人账号不能管理营销活动", "该活动不存在，请刷新列表", a => a.Title);

    public async Task<OperationResult> SaveActivityAsync(AccessScope scope, ActivityForm form)
    {
        var now = Now;
        return await StaffEdit.SaveAsync(dbFactory, scope, now, form, validator, form.Id, Terms, () => new MarketingActivity { CreatedAt = now }, (_, activity) =>
        {
            (activity.Title, activity.PosterPath, activity.RulesHtml, activity.StackableWithCoupons, activity.Status, activity.StartAt, activity.EndAt) =
                (form.Title.Trim(), string.IsNullOrWhiteSpace(form.PosterPath) ? null : form.PosterPath, richText.Sanitize(form.RulesHtml), form.StackableWithCoupons,
                 form.Status, ChinaTime.ToUtc(form.StartAt!.Value), ChinaTime.ToUtc(form.EndAt!.Value));
            return Task.FromResult(OperationResult.Ok("活动已保存"));
        });
    }

    /// <summary>Activities running now (switched on, inside their window), the most recently started first, with their packages on sale.</summary>
    public async Task<List<MarketingActivity>> RunningAsync(CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var now = Now;
        var running = await db.MarketingActivities.AsNoTracking().Include(a => a.Packages.Where(p => p.Status == PackageStatus.Enabled))
            .Where(a => a.Status == ActivityStatus.Enabled && a.StartAt <= now && a.EndAt > now).OrderByDescending(a => a.StartAt).ThenByDescending(a => a.Id).ToListAsync(ct);
        foreach (var a in running) a.RulesHtml = richText.Sanitize(a.RulesHtml);
        return running;
    }

}
