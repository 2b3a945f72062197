using ChargeConsole.Infrastructure.Grid;
using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Values;
using ChargeConsole.Infrastructure;
using ChargeConsole.Infrastructure.Audit;
using ChargeConsole.Infrastructure.Auth;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs.Attributes;

namespace ChargeConsole.Features.Marketing;

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
/// 营销套餐: recharge packages sold while one of their activities runs (实际到账 = amount + bonus, computed). A package
/// that was bought is kept — 关闭 instead. It is bought through the stored-value recharge flow.
/// </summary>
public sealed class MarketingPackageService(IDbContextFactory<ChargeDbContext> dbFactory, IValidator<MarketingPackageForm> validator, TimeProvider clock)
{
    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    public static readonly RowList<MarketingPackageFilter, MarketingPackageRow> PackagesList = new(Packages, x => x.CreatedAt);

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

    private static readonly StaffEditTerms<MarketingPackage> Terms = new("营销套餐", "投资人账号不能管理营销套餐", "该套餐已被删除，请刷新列表", p => $"{p.Name}：充 {p.Amount} 送 {p.Bonus}");

    public async Task<OperationResult> SavePackageAsync(AccessScope scope, MarketingPackageForm form)
    {
        var now = Now;
        return await StaffEdit.SaveAsync(dbFactory, scope, now, form, validator, form.Id, Terms, () => new MarketingPackage { CreatedAt = now }, async (db, package) =>
        {
            if (form.Id is not null) await db.Entry(package).Collection(p => p.Activities).LoadAsync();
            // A purchase keeps its own amount and bonus: changing them applies to purchases from now on.
            (package.Name, package.Amount, package.Bonus, package.Status) = (form.Name.Trim(), Money.FromYuan(form.Amount!.Value), Money.FromYuan(form.Bonus!.Value), form.Status);
            var ids = form.ActivityIds.ToArray();
            package.Activities.Clear();
            package.Activities.AddRange(await db.MarketingActivities.Where(a => ids.Contains(a.Id)).ToListAsync());
            return OperationResult.Ok("套餐已保存");
        });
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
