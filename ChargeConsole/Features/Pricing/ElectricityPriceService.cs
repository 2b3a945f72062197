using ChargeConsole.Infrastructure.Grid;
using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Infrastructure;
using ChargeConsole.Domain.Values;
using ChargeConsole.Infrastructure;
using ChargeConsole.Infrastructure.Audit;
using ChargeConsole.Infrastructure.Auth;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Features.Pricing;

/// <summary>基础电价: the operator's cost price of electricity per period.</summary>
public sealed class ElectricityPriceService(IDbContextFactory<ChargeDbContext> dbFactory, IValidator<ElectricityPriceForm> validator, AuditTrail audit, TimeProvider clock)
{
    public static readonly RowList<ElectricityPriceFilter, ElectricityPriceRow> List = new((db, _, f) => Query(db, f), x => x.UpdatedAt);

    public static IQueryable<ElectricityPriceRow> Query(ChargeDbContext db, ElectricityPriceFilter f)
    {
        var q = db.ElectricityPrices.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.Name)) q = q.Where(p => p.Name.Contains(f.Name.Trim()));
        return q.Select(p => new ElectricityPriceRow
        {
            Id = p.Id, Name = p.Name, Remark = p.Remark, UpdatedAt = p.UpdatedAt,
            Sharp = p.Sharp, Peak = p.Peak, Flat = p.Flat, Valley = p.Valley,
            TemplateCount = db.BillingTemplates.Count(t => t.ElectricityPriceId == p.Id),
        });
    }

    public static IEnumerable<ElectricityPriceExportRow> Export(ChargeDbContext db, AccessScope scope, ElectricityPriceFilter f) =>
        scope.IsInvestor ? [] : Query(db, f).OrderBy(p => p.Id).AsEnumerable().Select(p => new ElectricityPriceExportRow
        {
            Name = p.Name, Sharp = p.Sharp.YuanPerKwh, Peak = p.Peak.YuanPerKwh, Flat = p.Flat.YuanPerKwh, Valley = p.Valley.YuanPerKwh, TemplateCount = p.TemplateCount,
            Remark = p.Remark ?? "", UpdatedAt = ChinaTime.Format(p.UpdatedAt),
        });

    /// <summary>The prices to pick from in a template, with their four values for the user-price preview.</summary>
    public async Task<List<BillingTemplateDialog.PriceOption>> OptionsAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return (await db.ElectricityPrices.AsNoTracking().OrderBy(p => p.Name).ToListAsync())
            .Select(p => new BillingTemplateDialog.PriceOption(p.Id, p.Name, [p.Sharp, p.Peak, p.Flat, p.Valley])).ToList();
    }

    public async Task<ElectricityPriceForm?> GetAsync(int id)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var p = await db.ElectricityPrices.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id);
        return p is null ? null : new ElectricityPriceForm
        {
            Id = p.Id, Name = p.Name, Remark = p.Remark,
            Sharp = p.Sharp.YuanPerKwh, Peak = p.Peak.YuanPerKwh, Flat = p.Flat.YuanPerKwh, Valley = p.Valley.YuanPerKwh,
        };
    }

    /// <summary>Saves the form; with <paramref name="asNewVersion"/> it always creates a copy, leaving the original untouched.</summary>
    public async Task<OperationResult> SaveAsync(AccessScope scope, ElectricityPriceForm form, bool asNewVersion = false)
    {
        if (scope.IsInvestor) return OperationResult.Fail("投资人账号不能修改电价");
        var validation = await validator.ValidateAsync(form);
        if (!validation.IsValid) return OperationResult.Invalid(validation);
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = clock.GetUtcNow().UtcDateTime;
        ElectricityPrice price;
        if (form.Id is { } id && !asNewVersion)
        {
            var existing = await db.ElectricityPrices.FirstOrDefaultAsync(p => p.Id == id);
            if (existing is null) return OperationResult.Fail("该电价已被删除，请刷新列表");
            price = existing;
        }
        else
        {
            price = new ElectricityPrice { CreatedAt = now };
            db.ElectricityPrices.Add(price);
        }
        var name = form.Name.Trim();
        if (await db.ElectricityPrices.AnyAsync(p => p.Name == name && p.Id != price.Id))
            return OperationResult.Fail($"电价名称【{name}】已存在{(asNewVersion ? "，新版本请换一个名称" : "")}");
        price.Name = name;
        price.Remark = form.Remark;
        price.Sharp = Price.FromYuan(form.Sharp!.Value);
        price.Peak = Price.FromYuan(form.Peak!.Value);
        price.Flat = Price.FromYuan(form.Flat!.Value);
        price.Valley = Price.FromYuan(form.Valley!.Value);
        price.UpdatedAt = now;
        var templates = price.Id == 0 ? [] : await db.BillingTemplates.Where(t => t.ElectricityPriceId == price.Id).ToListAsync();
        // A changed price changes what every template using it charges: their model numbers move on too.
        foreach (var t in templates) { t.ModelNumber = BillingTemplateService.NextModelNumber(t.ModelNumber); t.UpdatedAt = now; }
        await db.SaveChangesAsync();
        var action = asNewVersion ? "电价另存为新版本" : form.Id is null ? "新增电价" : "修改电价";
        await audit.WriteAsync(scope.UserName, action, name, true, templates.Count > 0 ? $"影响计费模板：{string.Join("、", templates.Select(t => t.Name))}（需同步到电桩）" : "成功");
        return OperationResult.Ok(templates.Count > 0 ? $"电价已保存，{templates.Count} 个计费模板需重新同步到电桩" : "电价已保存");
    }

    public async Task<OperationResult> DeleteAsync(AccessScope scope, int id)
    {
        if (scope.IsInvestor) return OperationResult.Fail("投资人账号不能删除电价");
        await using var db = await dbFactory.CreateDbContextAsync();
        var price = await db.ElectricityPrices.FirstOrDefaultAsync(p => p.Id == id);
        if (price is null) return OperationResult.Fail("该电价已被删除，请刷新列表");
        var users = await db.BillingTemplates.Where(t => t.ElectricityPriceId == id).Select(t => t.Name).ToListAsync();
        OperationResult result;
        if (users.Count > 0) result = OperationResult.Fail($"该电价正在被计费模板【{string.Join("、", users)}】使用，无法删除");
        else
        {
            db.ElectricityPrices.Remove(price);
            await db.SaveChangesAsync();
            result = OperationResult.Ok("电价已删除");
        }
        await audit.WriteAsync(scope.UserName, "删除电价", price.Name, result);
        return result;
    }
}
