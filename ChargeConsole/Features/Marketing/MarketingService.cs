using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Infrastructure;
using ChargeConsole.Domain.Values;
using ChargeConsole.Infrastructure;
using ChargeConsole.Infrastructure.Audit;
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

public sealed class MarketingPackageForm : StoredValue.IPackageAmounts
{
    public int? Id { get; set; }
    public string Name { get; set; } = "";
    public decimal? Amount { get; set; }
    public decimal? Bonus { get; set; } = 0;
    public PackageStatus Status { get; set; } = PackageStatus.Enabled;
    public IReadOnlyCollection<int> ActivityIds { get; set; } = [];
}

public sealed class MarketingPackageFormValidator : AbstractValidator<MarketingPackageForm>
{
    public MarketingPackageFormValidator() => Include(new StoredValue.PackageAmountsValidator());
}

public sealed class MarketingPackageFilter
{
    public string? Name { get; set; }
}

public sealed record MarketingPackageRow
{
    public int Id { get; init; }
    public string Name { get; init; } = "";
    public Money Amount { get; init; }
    public Money Bonus { get; init; }
    public Money Credited => Amount + Bonus;
    public PackageStatus Status { get; init; }
    public int Bought { get; init; }
    public DateTime CreatedAt { get; init; }
    /// <summary>The activities that sell it (关联活动).</summary>
    public List<string> Activities { get; init; } = [];
}

public sealed class MarketingPackageExportRow
{
    [ExcelColumnName("套餐名称")] public string Name { get; set; } = "";
    [ExcelColumnName("充值金额(元)")] public decimal Amount { get; set; }
    [ExcelColumnName("赠送金额(元)")] public decimal Bonus { get; set; }
    [ExcelColumnName("实际到账(元)")] public decimal Credited { get; set; }
    [ExcelColumnName("状态")] public string Status { get; set; } = "";
    [ExcelColumnName("购买次数")] public int Bought { get; set; }
    [ExcelColumnName("关联活动")] public string Activities { get; set; } = "";
}

/// <summary>
/// 营销管理: activities (never deleted, only switched off; several may run at once) and their recharge packages
/// (实际到账 = amount + bonus, computed; a package that was bought is kept — 关闭 instead). A package is bought through
/// the stored-value recharge flow while one of its activities runs.
/// </summary>
public sealed class MarketingService(IDbContextFactory<ChargeDbContext> dbFactory, IValidator<ActivityForm> activityValidator,
    IValidator<MarketingPackageForm> packageValidator, RichText richText, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

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

    public async Task<OperationResult> SaveActivityAsync(AccessScope scope, ActivityForm form)
    {
        if (scope.IsInvestor) return OperationResult.Fail("投资人账号不能管理营销活动");
        var validation = await activityValidator.ValidateAsync(form);
        if (!validation.IsValid) return OperationResult.Invalid(validation);
        await using var db = await dbFactory.CreateDbContextAsync();
        MarketingActivity activity;
        if (form.Id is { } id)
        {
            activity = (await db.MarketingActivities.FirstOrDefaultAsync(a => a.Id == id))!;
            if (activity is null) return OperationResult.Fail("该活动不存在，请刷新列表");
        }
        else db.MarketingActivities.Add(activity = new MarketingActivity { CreatedAt = Now });
        (activity.Title, activity.PosterPath, activity.RulesHtml, activity.StackableWithCoupons, activity.Status, activity.StartAt, activity.EndAt) =
            (form.Title.Trim(), string.IsNullOrWhiteSpace(form.PosterPath) ? null : form.PosterPath, richText.Sanitize(form.RulesHtml), form.StackableWithCoupons,
             form.Status, ChinaTime.ToUtc(form.StartAt!.Value), ChinaTime.ToUtc(form.EndAt!.Value));
        var result = OperationResult.Ok("活动已保存");
        AuditTrail.Add(db, Now, scope.UserName, form.Id is null ? "新增营销活动" : "修改营销活动", activity.Title, result);
        await db.SaveChangesAsync();
        return result;
    }

    public static IQueryable<MarketingPackageRow> Packages(ChargeDbContext db, AccessScope scope, MarketingPackageFilter f)
    {
        var q = db.MarketingPackages.AsNoTracking().StaffOnly(scope);
        if (!string.IsNullOrWhiteSpace(f.Name)) { var n = f.Name.Trim(); q = q.Where(p => p.Name.Contains(n)); }
        return q.Select(p => new MarketingPackageRow
        {
            Id = p.Id, Name = p.Name, Amount = p.Amount, Bonus = p.Bonus, Status = p.Status, CreatedAt = p.CreatedAt,
            Bought = db.RechargeOrders.Count(o => o.MarketingPackageId == p.Id && o.PaidAt != null),
            Activities = p.Activities.OrderBy(a => a.Id).Select(a => a.Title).ToList(),
        });
    }

    public static IEnumerable<MarketingPackageExportRow> ExportPackages(ChargeDbContext db, AccessScope scope, MarketingPackageFilter f) =>
        Packages(db, scope, f).OrderByDescending(p => p.Id).AsEnumerable().Select(p => new MarketingPackageExportRow
        {
            Name = p.Name, Amount = p.Amount.Yuan, Bonus = p.Bonus.Yuan, Credited = p.Credited.Yuan, Status = p.Status == PackageStatus.Enabled ? "开启" : "关闭", Bought = p.Bought,
            Activities = string.Join("、", p.Activities),
        });

    public async Task<(MarketingPackageForm? Form, List<(int Id, string Title)> Activities)> PackageAsync(int? id)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var activities = (await db.MarketingActivities.AsNoTracking().OrderByDescending(a => a.Id).Take(200).Select(a => new { a.Id, a.Title }).ToListAsync())
            .Select(a => (a.Id, a.Title)).ToList();
        if (id is null) return (new MarketingPackageForm(), activities);
        var p = await db.MarketingPackages.AsNoTracking().Include(x => x.Activities).FirstOrDefaultAsync(x => x.Id == id);
        return (p is null ? null : new MarketingPackageForm
        {
            Id = p.Id, Name = p.Name, Amount = p.Amount.Yuan, Bonus = p.Bonus.Yuan, Status = p.Status, ActivityIds = p.Activities.Select(a => a.Id).ToList(),
        }, activities);
    }

    public async Task<OperationResult> SavePackageAsync(AccessScope scope, MarketingPackageForm form)
    {
        if (scope.IsInvestor) return OperationResult.Fail("投资人账号不能管理营销套餐");
        var validation = await packageValidator.ValidateAsync(form);
        if (!validation.IsValid) return OperationResult.Invalid(validation);
        await using var db = await dbFactory.CreateDbContextAsync();
        MarketingPackage package;
        if (form.Id is { } id)
        {
            package = (await db.MarketingPackages.Include(p => p.Activities).FirstOrDefaultAsync(p => p.Id == id))!;
            if (package is null) return OperationResult.Fail("该套餐已被删除，请刷新列表");
        }
        else db.MarketingPackages.Add(package = new MarketingPackage { CreatedAt = Now });
        // A purchase keeps its own amount and bonus: changing them applies to purchases from now on.
        (package.Name, package.Amount, package.Bonus, package.Status) = (form.Name.Trim(), Money.FromYuan(form.Amount!.Value), Money.FromYuan(form.Bonus!.Value), form.Status);
        var ids = form.ActivityIds.ToArray();
        package.Activities.Clear();
        package.Activities.AddRange(await db.MarketingActivities.Where(a => ids.Contains(a.Id)).ToListAsync());
        var result = OperationResult.Ok("套餐已保存");
        AuditTrail.Add(db, Now, scope.UserName, form.Id is null ? "新增营销套餐" : "修改营销套餐", $"{package.Name}：充 {package.Amount} 送 {package.Bonus}", result);
        await db.SaveChangesAsync();
        return result;
    }

    /// <summary>Why the package cannot be deleted, or null: asked before the confirmation, and again when deleting.</summary>
    public async Task<string?> PackageDeleteRefusalAsync(int id)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await PackageDeleteRefusalAsync(db, id);
    }

    private static async Task<string?> PackageDeleteRefusalAsync(ChargeDbContext db, int id) =>
        await db.RechargeOrders.CountAsync(o => o.MarketingPackageId == id) is var orders and > 0
            ? $"该套餐已有 {orders} 笔充值订单，无法删除；如不再销售，请将其关闭" : null;

    public async Task<OperationResult> DeletePackageAsync(AccessScope scope, int id)
    {
        if (scope.IsInvestor) return OperationResult.Fail("投资人账号不能管理营销套餐");
        await using var db = await dbFactory.CreateDbContextAsync();
        var package = await db.MarketingPackages.Include(p => p.Activities).FirstOrDefaultAsync(p => p.Id == id);
        if (package is null) return OperationResult.Fail("该套餐已被删除，请刷新列表");
        OperationResult result;
        if (await PackageDeleteRefusalAsync(db, id) is { } refusal) result = OperationResult.Fail(refusal);
        else
        {
            package.Activities.Clear();
            db.MarketingPackages.Remove(package);
            result = OperationResult.Ok("套餐已删除");
        }
        AuditTrail.Add(db, Now, scope.UserName, "删除营销套餐", package.Name, result);
        await db.SaveChangesAsync();
        return result;
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

    /// <summary>
    /// A package a user may buy now: on sale and in at least one running activity; coupons stack with it when one of
    /// those running activities allows 优惠叠加.
    /// </summary>
    public static Task<MarketingOffer?> OnSaleAsync(ChargeDbContext db, int packageId, DateTime now, CancellationToken ct) =>
        db.MarketingPackages.AsNoTracking().Where(p => p.Id == packageId && p.Status == PackageStatus.Enabled
                && p.Activities.Any(a => a.Status == ActivityStatus.Enabled && a.StartAt <= now && a.EndAt > now))
            .Select(p => new MarketingOffer(p.Amount, p.Bonus,
                p.Activities.Any(a => a.Status == ActivityStatus.Enabled && a.StartAt <= now && a.EndAt > now && a.StackableWithCoupons)))
            .FirstOrDefaultAsync(ct);
}

/// <summary>A 营销套餐 on sale now, and whether a coupon may be used on its payment.</summary>
public sealed record MarketingOffer(Money Amount, Money Bonus, bool CouponsStack);
