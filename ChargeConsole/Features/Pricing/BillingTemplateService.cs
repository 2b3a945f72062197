using ChargeConsole.Infrastructure.Grid;
using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Infrastructure;
using ChargeConsole.Domain.Pricing;
using ChargeConsole.Domain.Values;
using ChargeConsole.Infrastructure;
using ChargeConsole.Infrastructure.Audit;
using ChargeConsole.Infrastructure.Auth;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Features.Pricing;

/// <summary>计费模板: an electricity price plus a service fee per period over the day's 48 slots.</summary>
public sealed class BillingTemplateService(IDbContextFactory<ChargeDbContext> dbFactory, IValidator<BillingTemplateForm> validator, AuditTrail audit, TimeProvider clock)
{
    /// <summary>The YKC model number is 4 BCD digits: 1..9999, then round again.</summary>
    public static int NextModelNumber(int current) => current >= 9999 ? 1 : current + 1;

    public static readonly RowList<BillingTemplateFilter, BillingTemplateRow> List = new((db, _, f) => Query(db, f), x => x.UpdatedAt);

    /// <summary>One template as the list shows it (the read-only tariff of a station or pile), or null when deleted.</summary>
    public async Task<BillingTemplateRow?> RowAsync(int id)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await Query(db, new BillingTemplateFilter()).FirstOrDefaultAsync(t => t.Id == id);
    }

    public static IQueryable<BillingTemplateRow> Query(ChargeDbContext db, BillingTemplateFilter f)
    {
        var q = db.BillingTemplates.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(f.Name)) q = q.Where(t => t.Name.Contains(f.Name.Trim()));
        if (f.ElectricityPriceId is { } priceId) q = q.Where(t => t.ElectricityPriceId == priceId);
        return q.Select(t => new BillingTemplateRow
        {
            Id = t.Id, Name = t.Name, PriceName = t.ElectricityPrice.Name, Slots = t.Slots, ModelNumber = t.ModelNumber, UpdatedAt = t.UpdatedAt,
            SharpElectricity = t.ElectricityPrice.Sharp, PeakElectricity = t.ElectricityPrice.Peak, FlatElectricity = t.ElectricityPrice.Flat, ValleyElectricity = t.ElectricityPrice.Valley,
            SharpService = t.SharpServiceFee, PeakService = t.PeakServiceFee, FlatService = t.FlatServiceFee, ValleyService = t.ValleyServiceFee,
            StationCount = db.Stations.Count(s => s.BillingTemplateId == t.Id),
            PileCount = db.Piles.Count(p => p.BillingTemplateId == t.Id),
        });
    }

    public static IEnumerable<BillingTemplateExportRow> Export(ChargeDbContext db, AccessScope scope, BillingTemplateFilter f) =>
        scope.IsInvestor ? [] : Query(db, f).OrderBy(t => t.Id).AsEnumerable().Select(t => new BillingTemplateExportRow
        {
            Name = t.Name, PriceName = t.PriceName, ModelNumber = t.ModelNumber,
            Sharp = t.Tariff.UserPrice(TouPeriod.Sharp).YuanPerKwh, Peak = t.Tariff.UserPrice(TouPeriod.Peak).YuanPerKwh,
            Flat = t.Tariff.UserPrice(TouPeriod.Flat).YuanPerKwh, Valley = t.Tariff.UserPrice(TouPeriod.Valley).YuanPerKwh,
            Periods = TouText.Describe(TouSchedule.FromSlotString(t.Slots)), StationCount = t.StationCount, PileCount = t.PileCount,
            UpdatedAt = ChinaTime.Format(t.UpdatedAt),
        });

    public async Task<List<(int Id, string Name)>> OptionsAsync()
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return (await db.BillingTemplates.AsNoTracking().OrderBy(t => t.Name).Select(t => new { t.Id, t.Name }).ToListAsync()).Select(t => (t.Id, t.Name)).ToList();
    }

    public async Task<BillingTemplateForm?> GetAsync(int id)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        var t = await db.BillingTemplates.AsNoTracking().FirstOrDefaultAsync(x => x.Id == id);
        return t is null ? null : new BillingTemplateForm
        {
            Id = t.Id, Name = t.Name, ElectricityPriceId = t.ElectricityPriceId, Remark = t.Remark,
            Sharp = t.SharpServiceFee.YuanPerKwh, Peak = t.PeakServiceFee.YuanPerKwh, Flat = t.FlatServiceFee.YuanPerKwh, Valley = t.ValleyServiceFee.YuanPerKwh,
            Slots = TouSchedule.FromSlotString(t.Slots).Slots.ToArray(),
        };
    }

    /// <summary>Saves; any change to prices or slots moves the model number on, so piles can tell they are out of date.</summary>
    public async Task<OperationResult> SaveAsync(AccessScope scope, BillingTemplateForm form)
    {
        if (scope.IsInvestor) return OperationResult.Fail("投资人账号不能修改计费模板");
        var validation = await validator.ValidateAsync(form);
        if (!validation.IsValid) return OperationResult.Invalid(validation);
        await using var db = await dbFactory.CreateDbContextAsync();
        if (!await db.ElectricityPrices.AnyAsync(p => p.Id == form.ElectricityPriceId)) return OperationResult.Fail("所选基础电价已被删除，请重新选择");
        var now = clock.GetUtcNow().UtcDateTime;
        BillingTemplate template;
        if (form.Id is { } id)
        {
            var existing = await db.BillingTemplates.FirstOrDefaultAsync(t => t.Id == id);
            if (existing is null) return OperationResult.Fail("该计费模板已被删除，请刷新列表");
            template = existing;
        }
        else
        {
            template = new BillingTemplate { CreatedAt = now, ModelNumber = 0 };
            db.BillingTemplates.Add(template);
        }
        var name = form.Name.Trim();
        if (await db.BillingTemplates.AnyAsync(t => t.Name == name && t.Id != template.Id)) return OperationResult.Fail($"模板名称【{name}】已存在");

        var slots = TouSchedule.FromPeriods(form.Slots).ToSlotString();
        var pricing = (form.ElectricityPriceId!.Value, Price.FromYuan(form.Sharp!.Value), Price.FromYuan(form.Peak!.Value), Price.FromYuan(form.Flat!.Value), Price.FromYuan(form.Valley!.Value), slots);
        var changed = template.Id == 0 || pricing != (template.ElectricityPriceId, template.SharpServiceFee, template.PeakServiceFee, template.FlatServiceFee, template.ValleyServiceFee, template.Slots);
        template.Name = name;
        template.Remark = form.Remark;
        (template.ElectricityPriceId, template.SharpServiceFee, template.PeakServiceFee, template.FlatServiceFee, template.ValleyServiceFee, template.Slots) = pricing;
        if (changed) template.ModelNumber = NextModelNumber(template.ModelNumber);
        template.UpdatedAt = now;
        await db.SaveChangesAsync();
        await audit.WriteAsync(scope.UserName, form.Id is null ? "新增计费模板" : "修改计费模板", name, true, $"模型编号 {template.ModelNumber:0000}");
        return OperationResult.Ok(form.Id is not null && changed ? $"模板已保存（模型编号 {template.ModelNumber:0000}），请点击“同步”下发到电桩" : "模板已保存");
    }

    public async Task<OperationResult> DeleteAsync(AccessScope scope, int id)
    {
        if (scope.IsInvestor) return OperationResult.Fail("投资人账号不能删除计费模板");
        await using var db = await dbFactory.CreateDbContextAsync();
        var template = await db.BillingTemplates.FirstOrDefaultAsync(t => t.Id == id);
        if (template is null) return OperationResult.Fail("该计费模板已被删除，请刷新列表");
        var stations = await db.Stations.Where(s => s.BillingTemplateId == id).Select(s => s.Name).ToListAsync();
        var piles = await db.Piles.Where(p => p.BillingTemplateId == id).Select(p => p.Code).ToListAsync();
        OperationResult result;
        if (stations.Count + piles.Count > 0)
        {
            var users = new List<string>();
            if (stations.Count > 0) users.Add($"电站{Names(stations)}");
            if (piles.Count > 0) users.Add($"电桩{Names(piles)}");
            result = OperationResult.Fail($"该计费模板正在被{string.Join("和", users)}使用，无法删除");
        }
        else
        {
            await db.BillingSyncLogs.Where(l => l.BillingTemplateId == id).ExecuteDeleteAsync();
            db.BillingTemplates.Remove(template);
            await db.SaveChangesAsync();
            result = OperationResult.Ok("计费模板已删除");
        }
        await audit.WriteAsync(scope.UserName, "删除计费模板", template.Name, result);
        return result;
    }

    private static string Names(List<string> names) =>
        names.Count <= 5 ? $"【{string.Join("、", names)}】" : $"【{string.Join("、", names.Take(5))}】等 {names.Count} 个";
}
