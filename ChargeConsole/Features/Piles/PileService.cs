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

namespace ChargeConsole.Features.Piles;

public sealed class PileService(
    IDbContextFactory<ChargeDbContext> dbFactory, IValidator<PileForm> validator, IValidator<PileBatchForm> batchValidator,
    AuditTrail audit, TimeProvider clock)
{
    public static readonly RowList<PileFilter, PileRow> List = new(Query, x => x.CreatedAt);

    public static IQueryable<PileRow> Query(ChargeDbContext db, AccessScope scope, PileFilter f)
    {
        var q = db.Piles.AsNoTracking().VisibleTo(scope);
        if (!string.IsNullOrWhiteSpace(f.Code)) q = q.Where(p => p.Code.Contains(f.Code.Trim()) || p.Name.Contains(f.Code.Trim()));
        if (f.StationId is { } station) q = q.Where(p => p.StationId == station);
        if (f.Type is { } type) q = q.Where(p => p.Type == type);
        if (f.Online is { } online) q = q.Where(p => p.Online == online);
        return q.Select(p => new PileRow
            {
                Id = p.Id,
                Code = p.Code,
                Name = p.Name,
                StationId = p.StationId,
                StationName = p.Station.Name,
                Model = p.Model,
                Type = p.Type,
                PowerKw = p.PowerKw,
                GunCount = p.GunCount,
                Protocol = p.Protocol,
                Online = p.Online,
                LastSeenAt = p.LastSeenAt,
                TemplateId = p.BillingTemplateId ?? p.Station.BillingTemplateId,
                TemplateName = p.BillingTemplate != null ? p.BillingTemplate.Name : p.Station.BillingTemplate != null ? p.Station.BillingTemplate.Name : null,
                CreatedAt = p.CreatedAt,
                MissingBillingTemplate = p.MissingBillingTemplate,
            });
    }

    public static IEnumerable<PileExportRow> Export(ChargeDbContext db, AccessScope scope, PileFilter f) =>
        Query(db, scope, f).OrderBy(p => p.Code).AsEnumerable().Select(p => new PileExportRow
        {
            Code = p.Code, Name = p.Name, Station = p.StationName, Model = p.Model, Type = PileText.Type(p.Type),
            PowerKw = p.PowerKw, GunCount = p.GunCount, Protocol = PileText.Protocol(p.Protocol), Online = PileText.Online(p.Online),
            LastSeenAt = ChinaTime.Format(p.LastSeenAt), CreatedAt = ChinaTime.Format(p.CreatedAt),
        });

    public async Task<PileForm?> GetAsync(AccessScope scope, int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Piles.AsNoTracking().VisibleTo(scope).Where(p => p.Id == id).Select(p => new PileForm
        {
            Id = p.Id, Code = p.Code, Name = p.Name, StationId = p.StationId, Model = p.Model, Type = p.Type,
            PowerKw = p.PowerKw, GunCount = p.GunCount, Protocol = p.Protocol, BillingTemplateId = p.BillingTemplateId,
            HasOcppPassword = p.OcppPasswordHash != null,
        }).FirstOrDefaultAsync(ct);
    }

    public async Task<OperationResult> SaveAsync(AccessScope scope, PileForm form, CancellationToken ct = default)
    {
        if (scope.IsInvestor) return OperationResult.Fail("投资人账号不能修改电桩");
        var validation = await validator.ValidateAsync(form, ct);
        if (!validation.IsValid) return OperationResult.Invalid(validation);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Stations.AnyAsync(s => s.Id == form.StationId, ct)) return OperationResult.Fail("所选电站不存在，请刷新后重试");
        if (await db.Piles.AnyAsync(p => p.Code == form.Code && p.Id != (form.Id ?? 0), ct))
            return OperationResult.Fail($"电桩编码【{form.Code}】已存在");

        Pile pile;
        if (form.Id is { } id)
        {
            var existing = await db.Piles.Include(p => p.Guns).FirstOrDefaultAsync(p => p.Id == id, ct);
            if (existing is null) return OperationResult.Fail("该电桩已被删除，请刷新列表");
            pile = existing;
            var removed = pile.Guns.Where(g => g.Number > form.GunCount).ToList();
            var removedIds = removed.Select(g => g.Id).ToArray();
            if (removed.Count > 0 && await db.ChargingOrders.AnyAsync(o => removedIds.Contains(o.GunId), ct))
                return OperationResult.Fail($"电枪【{string.Join("、", removed.Select(g => g.Code))}】已有充电订单，不能减少枪数");
            if (removed.Any(g => g.Status == GunStatus.Charging))
                return OperationResult.Fail("要删除的电枪正在充电，不能减少枪数");
            db.Guns.RemoveRange(removed);
        }
        else
        {
            pile = new Pile { CreatedAt = clock.GetUtcNow().UtcDateTime };
            db.Piles.Add(pile);
        }
        if (form.BillingTemplateId is { } templateId && !await db.BillingTemplates.AnyAsync(t => t.Id == templateId, ct))
            return OperationResult.Fail("所选计费模板已被删除，请重新选择");
        Apply(pile, form);
        pile.Code = form.Code;
        pile.BillingTemplateId = form.BillingTemplateId;
        var password = SetPassword(pile, form);
        SyncGuns(pile);
        await db.SaveChangesAsync(ct);
        await audit.WriteAsync(scope.UserName, form.Id is null ? "新增电桩" : "修改电桩", pile.Code, true, $"枪数 {pile.GunCount}{password}", ct);
        return OperationResult.Ok(form.Id is null ? "电桩已新增" : "电桩已保存");
    }

    /// <summary>Sets, keeps or clears the OCPP password as the form says; the words for the audit row.</summary>
    private static string SetPassword(Pile pile, PileForm form)
    {
        var had = pile.OcppPasswordHash is not null;
        if (pile.Protocol != PileProtocol.Ocpp16J || form.ClearOcppPassword) pile.OcppPasswordHash = null;
        else if (!string.IsNullOrEmpty(form.OcppPassword)) pile.OcppPasswordHash = OcppPassword.Hash(form.OcppPassword);
        else return "";
        return pile.OcppPasswordHash is not null ? "，已设置 OCPP 接入密码" : had ? "，已清除 OCPP 接入密码" : "";
    }

    public async Task<OperationResult> BatchAddAsync(AccessScope scope, PileBatchForm form, CancellationToken ct = default)
    {
        if (scope.IsInvestor) return OperationResult.Fail("投资人账号不能新增电桩");
        var validation = await batchValidator.ValidateAsync(form, ct);
        if (!validation.IsValid) return OperationResult.Invalid(validation);

        var codes = PileCode.Sequence(form.Prefix, form.FirstSerial!.Value, form.Count!.Value).Select(c => c.Value).ToArray();
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        if (!await db.Stations.AnyAsync(s => s.Id == form.StationId, ct)) return OperationResult.Fail("所选电站不存在，请刷新后重试");
        var taken = await db.Piles.Where(p => codes.Contains(p.Code)).OrderBy(p => p.Code).Select(p => p.Code).Take(5).ToListAsync(ct);
        if (taken.Count > 0)
            return OperationResult.Fail($"电桩编码【{string.Join("、", taken)}】已存在，本批次未新增任何电桩");

        var now = clock.GetUtcNow().UtcDateTime;
        foreach (var code in codes)
        {
            var pile = new Pile { Code = code, CreatedAt = now };
            Apply(pile, form);
            if (string.IsNullOrWhiteSpace(pile.Name)) pile.Name = code;
            SyncGuns(pile);
            db.Piles.Add(pile);
        }
        await db.SaveChangesAsync(ct);
        var message = $"已新增 {codes.Length} 台电桩（{codes[0]} ~ {codes[^1]}）";
        await audit.WriteAsync(scope.UserName, "批量新增电桩", $"{codes[0]} ~ {codes[^1]}", true, message, ct);
        return OperationResult.Ok(message);
    }

    public async Task<OperationResult> DeleteAsync(AccessScope scope, int id, CancellationToken ct = default)
    {
        if (scope.IsInvestor) return OperationResult.Fail("投资人账号不能删除电桩");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pile = await db.Piles.Include(p => p.Guns).FirstOrDefaultAsync(p => p.Id == id, ct);
        if (pile is null) return OperationResult.Fail("该电桩已被删除，请刷新列表");
        OperationResult result;
        var orders = await db.ChargingOrders.CountAsync(o => o.PileId == id, ct);
        if (orders > 0)
        {
            result = OperationResult.Fail($"电桩【{pile.Code}】已有 {orders} 笔充电订单，无法删除");
        }
        else if (pile.Guns.Any(g => g.Status == GunStatus.Charging))
        {
            result = OperationResult.Fail($"电桩【{pile.Code}】正在充电，无法删除");
        }
        else
        {
            db.Piles.Remove(pile); // its guns go with it (cascade)
            await db.SaveChangesAsync(ct);
            result = OperationResult.Ok($"电桩【{pile.Code}】及其 {pile.Guns.Count} 把电枪已删除");
        }
        await audit.WriteAsync(scope.UserName, "删除电桩", pile.Code, result, ct);
        return result;
    }

    internal static void Apply(Pile pile, PileSpec spec)
    {
        pile.Name = spec.Name.Trim();
        pile.StationId = spec.StationId!.Value;
        pile.Model = spec.Model.Trim();
        pile.Type = spec.Type;
        pile.PowerKw = spec.PowerKw!.Value;
        pile.GunCount = spec.GunCount;
        pile.Protocol = spec.Protocol;
    }

    /// <summary>Makes the pile's guns match its gun count and code: adds missing numbers, renames on code change.</summary>
    internal static void SyncGuns(Pile pile)
    {
        var code = PileCode.Parse(pile.Code);
        foreach (var gun in pile.Guns)
        {
            gun.Code = code.Gun(gun.Number).Value;
            gun.StationId = pile.StationId;
        }
        for (var n = 1; n <= pile.GunCount; n++)
        {
            if (pile.Guns.Any(g => g.Number == n)) continue;
            pile.Guns.Add(new Gun { Number = n, Code = code.Gun(n).Value, StationId = pile.StationId, Status = GunStatus.Offline });
        }
        pile.Guns.RemoveAll(g => g.Number > pile.GunCount);
    }
}
