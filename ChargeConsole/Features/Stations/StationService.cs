using ChargeConsole.Infrastructure.Grid;
using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Infrastructure;
using ChargeConsole.Infrastructure;
using ChargeConsole.Infrastructure.Audit;
using ChargeConsole.Infrastructure.Auth;
using FluentValidation;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Features.Stations;

public sealed class StationService(IDbContextFactory<ChargeDbContext> dbFactory, IValidator<StationForm> validator, AuditTrail audit, TimeProvider clock, Piles.StationPowerSpread powerSpread)
{
    public static readonly RowList<StationFilter, StationRow> List = new(Query, x => x.CreatedAt, Complete: WithNamesAsync);

    public static IQueryable<StationRow> Query(ChargeDbContext db, AccessScope scope, StationFilter f)
    {
        var q = db.Stations.AsNoTracking().VisibleTo(scope);
        if (!string.IsNullOrWhiteSpace(f.Name)) q = q.Where(s => s.Name.Contains(f.Name.Trim()));
        if (!string.IsNullOrWhiteSpace(f.Address)) q = q.Where(s => s.Address.Contains(f.Address.Trim()));
        if (f.IsOpen is { } open) q = q.Where(s => s.IsOpen == open);
        if (f.TagId is { } tag) q = q.Where(s => s.Tags.Any(t => t.Id == tag));
        return q.Select(s => new StationRow
            {
                Id = s.Id,
                Name = s.Name,
                Address = s.Address,
                Latitude = s.Latitude,
                Longitude = s.Longitude,
                IsOpen = s.IsOpen,
                SplitBase = s.SplitBase,
                BillingTemplateId = s.BillingTemplateId,
                BillingTemplateName = s.BillingTemplate != null ? s.BillingTemplate.Name : null,
                PileCount = s.Piles.Count,
                GunCount = db.Guns.Count(g => g.StationId == s.Id),
                OnlineGunCount = db.Guns.Count(g => g.StationId == s.Id && g.Status != GunStatus.Offline),
                CreatedAt = s.CreatedAt,
            });
    }

    /// <summary>Fills the investor and tag columns for one page of rows (two small queries, not one per row).</summary>
    public static async Task<List<StationRow>> WithNamesAsync(ChargeDbContext db, AccessScope scope, List<StationRow> rows, CancellationToken ct)
    {
        var ids = rows.Select(r => r.Id).ToArray();
        var investors = await db.StationInvestors.AsNoTracking().Where(i => ids.Contains(i.StationId))
            .Where(i => !scope.IsInvestor || i.InvestorId == scope.UserId) // an investor sees only their own share
            .Select(i => new { i.StationId, Name = i.Investor.DisplayName, i.SharePercent }).ToListAsync(ct);
        var tags = await db.Stations.AsNoTracking().Where(s => ids.Contains(s.Id))
            .SelectMany(s => s.Tags, (s, t) => new { StationId = s.Id, t.Name }).ToListAsync(ct);
        return rows.Select(r => r with
        {
            Investors = string.Join("、", investors.Where(i => i.StationId == r.Id).Select(i => $"{i.Name}({i.SharePercent:0.##}%)")),
            Tags = string.Join("、", tags.Where(t => t.StationId == r.Id).Select(t => t.Name)),
        }).ToList();
    }

    public static IEnumerable<StationExportRow> Export(ChargeDbContext db, AccessScope scope, StationFilter f)
    {
        // Stations number in the hundreds, so one page-sized batch is fine and keeps one reader open at a time.
        var rows = Query(db, scope, f).OrderBy(s => s.Id).ToList();
        return WithNamesAsync(db, scope, rows, CancellationToken.None).GetAwaiter().GetResult().Select(s => new StationExportRow
        {
            Name = s.Name, Address = s.Address, Latitude = s.Latitude, Longitude = s.Longitude,
            Status = StationText.Open(s.IsOpen), BillingTemplate = s.BillingTemplateName ?? "",
            PileCount = s.PileCount, GunCount = s.GunCount, Investors = s.Investors,
            CreatedAt = ChinaTime.Format(s.CreatedAt),
        });
    }

    public async Task<List<StationOption>> OptionsAsync(AccessScope scope, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Stations.AsNoTracking().VisibleTo(scope).OrderBy(s => s.Name).Select(s => new StationOption(s.Id, s.Name)).ToListAsync(ct);
    }

    public async Task<List<StationOption>> TagOptionsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.StationTags.AsNoTracking().OrderBy(t => t.SortOrder).ThenBy(t => t.Name).Select(t => new StationOption(t.Id, t.Name)).ToListAsync(ct);
    }

    /// <summary>The station as an edit form, or null when it does not exist or is outside the caller's scope.</summary>
    public async Task<StationForm?> GetAsync(AccessScope scope, int id, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        return await db.Stations.AsNoTracking().VisibleTo(scope).Where(s => s.Id == id)
            .Select(s => new StationForm
            {
                Id = s.Id, Name = s.Name, Address = s.Address, Latitude = s.Latitude, Longitude = s.Longitude,
                ContactPhone = s.ContactPhone, IsOpen = s.IsOpen, SplitBase = s.SplitBase, Remark = s.Remark, AllowedNetworks = s.AllowedNetworks, PowerLimitKw = s.PowerLimitKw, BillingTemplateId = s.BillingTemplateId,
                TagIds = s.Tags.Select(t => t.Id).ToList(),
                Investors = s.Investors.OrderByDescending(i => i.SharePercent).Select(i => new StationShareForm { InvestorId = i.InvestorId, SharePercent = i.SharePercent }).ToList(),
            }).FirstOrDefaultAsync(ct);
    }

    public async Task<OperationResult> SaveAsync(AccessScope scope, StationForm form, CancellationToken ct = default)
    {
        if (scope.IsInvestor) return OperationResult.Fail("投资人账号不能修改电站");
        var validation = await validator.ValidateAsync(form, ct);
        if (!validation.IsValid) return OperationResult.Invalid(validation);

        await using var db = await dbFactory.CreateDbContextAsync(ct);
        Station? station;
        if (form.Id is { } id)
        {
            station = await db.Stations.Include(s => s.Tags).Include(s => s.Investors).FirstOrDefaultAsync(s => s.Id == id, ct);
            if (station is null) return OperationResult.Fail("该电站已被删除，请刷新列表");
        }
        else
        {
            station = new Station { CreatedAt = clock.GetUtcNow().UtcDateTime };
            db.Stations.Add(station);
        }
        var name = form.Name.Trim();
        if (await db.Stations.AnyAsync(s => s.Name == name && s.Id != station.Id, ct))
            return OperationResult.Fail($"电站名称【{name}】已存在");

        station.Name = name;
        station.Address = form.Address.Trim();
        station.Latitude = form.Latitude!.Value;
        station.Longitude = form.Longitude!.Value;
        station.ContactPhone = form.ContactPhone?.Trim();
        station.IsOpen = form.IsOpen;
        station.SplitBase = form.SplitBase;
        if (form.BillingTemplateId is { } templateId && !await db.BillingTemplates.AnyAsync(t => t.Id == templateId, ct))
            return OperationResult.Fail("所选计费模板已被删除，请重新选择");
        station.BillingTemplateId = form.BillingTemplateId;
        station.Remark = form.Remark;
        station.AllowedNetworks = string.IsNullOrWhiteSpace(form.AllowedNetworks) ? null : string.Join(", ", Domain.Piles.AllowedNetworks.Entries(form.AllowedNetworks));
        var limitChanged = station.PowerLimitKw != form.PowerLimitKw;
        station.PowerLimitKw = form.PowerLimitKw;
        var investors = (await InvestorOptionsAsync(ct)).ToDictionary(i => i.Id, i => i.Name);
        if (form.Investors.Any(s => !investors.ContainsKey(s.InvestorId!)))
            return OperationResult.Fail("所选投资人账号不存在或已不是投资人，请重新选择");
        SetShares(station, form.Investors);
        var tagIds = form.TagIds.ToArray();
        station.Tags.Clear();
        station.Tags.AddRange(await db.StationTags.Where(t => tagIds.Contains(t.Id)).ToListAsync(ct));
        await db.SaveChangesAsync(ct);
        if (limitChanged && form.Id is not null) powerSpread.Request(station.Id, limitChanged: true);
        var shares = string.Join("、", form.Investors.Select(s => $"{investors[s.InvestorId!]} {s.SharePercent:0.##}%"));
        await audit.WriteAsync(scope.UserName, form.Id is null ? "新增电站" : "修改电站", name, true, shares.Length > 0 ? $"投资人：{shares}" : "成功", ct);
        return OperationResult.Ok(form.Id is null ? "电站已新增" : "电站已保存");
    }

    /// <summary>Console accounts with the Investor role, for the station form.</summary>
    public async Task<List<InvestorOption>> InvestorOptionsAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var role = await db.Roles.Where(r => r.Name == Roles.Investor).Select(r => r.Id).FirstOrDefaultAsync(ct);
        return await db.Users.Where(u => db.UserRoles.Any(ur => ur.UserId == u.Id && ur.RoleId == role)).OrderBy(u => u.UserName)
            .Select(u => new InvestorOption(u.Id, u.DisplayName != "" ? u.DisplayName + "（" + u.UserName + "）" : u.UserName!)).ToListAsync(ct);
    }

    /// <summary>Brings the station's shares to the form's: changed percentages updated, removed investors removed, new ones added.</summary>
    private static void SetShares(Station station, IReadOnlyList<StationShareForm> wanted)
    {
        station.Investors.RemoveAll(existing => wanted.All(w => w.InvestorId != existing.InvestorId));
        foreach (var share in wanted)
        {
            if (station.Investors.FirstOrDefault(i => i.InvestorId == share.InvestorId) is { } existing) existing.SharePercent = share.SharePercent!.Value;
            else station.Investors.Add(new StationInvestor { InvestorId = share.InvestorId!, SharePercent = share.SharePercent!.Value });
        }
    }

    public async Task<OperationResult> DeleteAsync(AccessScope scope, int id, CancellationToken ct = default)
    {
        if (scope.IsInvestor) return OperationResult.Fail("投资人账号不能删除电站");
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var station = await db.Stations.FirstOrDefaultAsync(s => s.Id == id, ct);
        if (station is null) return OperationResult.Fail("该电站已被删除，请刷新列表");
        var piles = await db.Piles.CountAsync(p => p.StationId == id, ct);
        OperationResult result;
        if (piles > 0)
        {
            result = OperationResult.Fail($"电站【{station.Name}】下还有 {piles} 台电桩，请先删除或迁移电桩");
        }
        else if (await db.ChargingOrders.AnyAsync(o => o.StationId == id, ct))
        {
            result = OperationResult.Fail($"电站【{station.Name}】已有充电订单，无法删除，可将其设为停运");
        }
        else
        {
            db.Stations.Remove(station);
            await db.SaveChangesAsync(ct);
            result = OperationResult.Ok("电站已删除");
        }
        await audit.WriteAsync(scope.UserName, "删除电站", station.Name, result, ct);
        return result;
    }
}

public sealed record StationOption(int Id, string Name);
