using ChargeConsole.Infrastructure.Grid;
using ChargeConsole.Domain.Wallets;
using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Infrastructure;
using ChargeConsole.Domain.Values;
using ChargeConsole.Infrastructure;
using ChargeConsole.Infrastructure.Audit;
using ChargeConsole.Infrastructure.Auth;
using FluentValidation;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs.Attributes;

namespace ChargeConsole.Features.StoredValue;

public sealed class PackageFilter
{
    public string? Name { get; set; }
    public PackageStatus? Status { get; set; }
}

public sealed record PackageRow
{
    public int Id { get; init; }
    public string Name { get; init; } = "";
    public Money Amount { get; init; }
    public Money Bonus { get; init; }
    public Money Credited => Amount + Bonus;
    public int SortOrder { get; init; }
    public PackageStatus Status { get; init; }
    /// <summary>Paid orders of it (an unpaid or closed order is not a purchase).</summary>
    public int Bought { get; init; }
    public DateTime CreatedAt { get; init; }
}

public sealed class PackageExportRow
{
    [ExcelColumnName("套餐名称")] public string Name { get; set; } = "";
    [ExcelColumnName("充值金额(元)")] public decimal Amount { get; set; }
    [ExcelColumnName("赠送金额(元)")] public decimal Bonus { get; set; }
    [ExcelColumnName("实际到账(元)")] public decimal Credited { get; set; }
    [ExcelColumnName("排序")] public int SortOrder { get; set; }
    [ExcelColumnName("状态")] public string Status { get; set; } = "";
    [ExcelColumnName("购买次数")] public int Bought { get; set; }
    [ExcelColumnName("创建时间")] public string CreatedAt { get; set; } = "";
}

/// <summary>What a 储值套餐 and a 营销套餐 both are: a name, an amount paid and a bonus credited with it.</summary>
public interface IPackageAmounts
{
    string Name { get; }
    decimal? Amount { get; }
    decimal? Bonus { get; }
}

/// <summary>The rules both kinds of package keep for their name, amount and bonus (included by each form's validator).</summary>
public sealed class PackageAmountsValidator : AbstractValidator<IPackageAmounts>
{
    public PackageAmountsValidator()
    {
        RuleFor(x => x.Name).NotEmpty().WithMessage("请输入套餐名称").MaximumLength(30).WithMessage("套餐名称不能超过 30 个字");
        RuleFor(x => x.Amount).NotNull().WithMessage("请输入充值金额").GreaterThanOrEqualTo(0.01m).WithMessage("充值金额至少 0.01 元")
            .LessThanOrEqualTo(50_000).WithMessage("充值金额不能超过 50,000 元").PrecisionScale(12, 2, true).WithMessage("金额最多两位小数");
        RuleFor(x => x.Bonus).NotNull().WithMessage("请输入赠送金额（没有赠送填 0）").GreaterThanOrEqualTo(0).WithMessage("赠送金额不能为负")
            .PrecisionScale(12, 2, true).WithMessage("金额最多两位小数")
            .Must((f, bonus) => f.Amount is null || bonus <= f.Amount).WithMessage("赠送金额不能超过充值金额");
    }
}

public sealed class PackageForm : IPackageAmounts
{
    public int? Id { get; set; }
    public string Name { get; set; } = "";
    public decimal? Amount { get; set; }
    public decimal? Bonus { get; set; } = 0;
    public int SortOrder { get; set; }
    public PackageStatus Status { get; set; } = PackageStatus.Enabled;
}

public sealed class PackageFormValidator : AbstractValidator<PackageForm>
{
    public PackageFormValidator()
    {
        Include(new PackageAmountsValidator());
        RuleFor(x => x.SortOrder).InclusiveBetween(0, 9999).WithMessage("排序必须在 0 到 9999 之间");
    }
}

/// <summary>储值套餐: what the mini-program sells. A package that was ever bought is kept (下架 instead of delete).</summary>
public sealed class PackageService(IDbContextFactory<ChargeDbContext> dbFactory, IValidator<PackageForm> validator, AuditTrail audit, TimeProvider clock)
{
    private static readonly RechargeOrderStatus[] Purchased = [RechargeOrderStatus.Paid, RechargeOrderStatus.PartiallyRefunded, RechargeOrderStatus.FullyRefunded];

    public static readonly RowList<PackageFilter, PackageRow> List = new(Query, x => x.SortOrder, Descending: false);

    public static IQueryable<PackageRow> Query(ChargeDbContext db, AccessScope scope, PackageFilter f)
    {
        var q = db.RechargePackages.AsNoTracking().StaffOnly(scope);
        if (!string.IsNullOrWhiteSpace(f.Name)) q = q.Where(p => p.Name.Contains(f.Name.Trim()));
        if (f.Status is { } status) q = q.Where(p => p.Status == status);
        return q.Select(p => new PackageRow
        {
            Id = p.Id, Name = p.Name, Amount = p.Amount, Bonus = p.Bonus, SortOrder = p.SortOrder, Status = p.Status, CreatedAt = p.CreatedAt,
            Bought = db.RechargeOrders.Count(o => o.RechargePackageId == p.Id && Purchased.Contains(o.Status)),
        });
    }

    public static IEnumerable<PackageExportRow> Export(ChargeDbContext db, AccessScope scope, PackageFilter f) =>
        Query(db, scope, f).OrderBy(p => p.SortOrder).ThenBy(p => p.Id).AsEnumerable().Select(p => new PackageExportRow
        {
            Name = p.Name, Amount = p.Amount.Yuan, Bonus = p.Bonus.Yuan, Credited = p.Credited.Yuan, SortOrder = p.SortOrder, Status = StoredValueText.Status(p.Status),
            Bought = p.Bought, CreatedAt = ChinaTime.Format(p.CreatedAt),
        });

    public async Task<List<RechargePackage>> AllAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await db.RechargePackages.AsNoTracking().OrderBy(p => p.SortOrder).ThenBy(p => p.Id).ToListAsync();
    }

    private static readonly StaffEditTerms<RechargePackage> Terms = new("储值套餐", "投资人账号不能修改储值套餐", "该套餐已被删除，请刷新列表",
        p => $"{p.Name}：充 {p.Amount} 送 {p.Bonus}，{StoredValueText.Status(p.Status)}");

    public async Task<OperationResult> SaveAsync(AccessScope scope, PackageForm form)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        return await StaffEdit.SaveAsync(dbFactory, scope, now, form, validator, form.Id, Terms, () => new RechargePackage { CreatedAt = now }, async (db, package) =>
        {
            var name = form.Name.Trim();
            if (await db.RechargePackages.AnyAsync(p => p.Name == name && p.Id != package.Id)) return OperationResult.Fail($"套餐名称【{name}】已存在");
            // An order carries its own amount and bonus, so a change applies to purchases from now on only.
            (package.Name, package.Amount, package.Bonus, package.SortOrder) = (name, Money.FromYuan(form.Amount!.Value), Money.FromYuan(form.Bonus!.Value), form.SortOrder);
            package.Status = form.Status;
            return OperationResult.Ok("套餐已保存");
        });
    }

    public async Task<OperationResult> SetStatusAsync(AccessScope scope, int id, PackageStatus status)
    {
        if (scope.IsInvestor) return OperationResult.Fail("投资人账号不能修改储值套餐");
        await using var db = await dbFactory.CreateDbContextAsync();
        var name = await db.RechargePackages.Where(p => p.Id == id).Select(p => p.Name).FirstOrDefaultAsync();
        if (name is null) return OperationResult.Fail("该套餐已被删除，请刷新列表");
        await db.RechargePackages.Where(p => p.Id == id).ExecuteUpdateAsync(u => u.SetProperty(p => p.Status, status));
        var result = OperationResult.Ok($"套餐【{name}】已{StoredValueText.Status(status)}");
        await audit.WriteAsync(scope.UserName, "储值套餐" + StoredValueText.Status(status), name, result);
        return result;
    }

    /// <summary>Why the package cannot be deleted, or null: asked before the confirmation, and again when deleting.</summary>
    public async Task<string?> DeleteRefusalAsync(int id)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await DeleteRefusalAsync(db, id);
    }

    // Any order of it (even unpaid: its payment may still arrive) keeps it.
    private static async Task<string?> DeleteRefusalAsync(ChargeDbContext db, int id) =>
        await db.RechargeOrders.CountAsync(o => o.RechargePackageId == id) is var orders and > 0
            ? $"该套餐已有 {orders} 笔储值订单，无法删除；如不再销售，请将其下架" : null;

    public async Task<OperationResult> DeleteAsync(AccessScope scope, int id)
    {
        if (scope.IsInvestor) return OperationResult.Fail("投资人账号不能删除储值套餐");
        await using var db = await dbFactory.CreateDbContextAsync();
        var package = await db.RechargePackages.FirstOrDefaultAsync(p => p.Id == id);
        if (package is null) return OperationResult.Fail("该套餐已被删除，请刷新列表");
        OperationResult result;
        if (await DeleteRefusalAsync(db, id) is { } refusal) result = OperationResult.Fail(refusal);
        else
        {
            db.RechargePackages.Remove(package);
            await db.SaveChangesAsync();
            result = OperationResult.Ok("套餐已删除");
        }
        await audit.WriteAsync(scope.UserName, "删除储值套餐", package.Name, result);
        return result;
    }
}
