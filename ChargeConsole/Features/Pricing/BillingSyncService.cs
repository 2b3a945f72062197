using ChargeConsole.Infrastructure.Grid;
using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Devices.Cluster;
using ChargeConsole.Devices.Piles;
using ChargeConsole.Domain.Infrastructure;
using ChargeConsole.Features.Piles;
using ChargeConsole.Infrastructure;
using ChargeConsole.Infrastructure.Audit;
using ChargeConsole.Infrastructure.Auth;
using ChargeConsole.Infrastructure.Live;
using Microsoft.EntityFrameworkCore;
using MiniExcelLibs.Attributes;

namespace ChargeConsole.Features.Pricing;

public sealed class BillingSyncLogFilter
{
    public BillingSyncStatus? Status { get; set; }
    public string? PileCode { get; set; }
    public string? TemplateName { get; set; }
    public DateTime? From { get; set; }
    public DateTime? To { get; set; }
}

public sealed record BillingSyncLogRow
{
    public long Id { get; init; }
    public string PileCode { get; init; } = "";
    public string TemplateName { get; init; } = "";
    public int ModelNumber { get; init; }
    public BillingSyncStatus Status { get; init; }
    public string? Reason { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime? SentAt { get; init; }
    public DateTime? CompletedAt { get; init; }
    /// <summary>A failed sync that is still its pile's latest: the one row 重新同步 is offered on.</summary>
    public bool CanResync { get; init; }
}

public sealed class BillingSyncLogExportRow
{
    [ExcelColumnName("电桩编码")] public string PileCode { get; set; } = "";
    [ExcelColumnName("计费模板")] public string TemplateName { get; set; } = "";
    [ExcelColumnName("模型编号")] public string ModelNumber { get; set; } = "";
    [ExcelColumnName("状态")] public string Status { get; set; } = "";
    [ExcelColumnName("原因")] public string Reason { get; set; } = "";
    [ExcelColumnName("创建时间")] public string CreatedAt { get; set; } = "";
    [ExcelColumnName("下发时间")] public string SentAt { get; set; } = "";
    [ExcelColumnName("完成时间")] public string CompletedAt { get; set; } = "";
}

/// <summary>
/// 同步: pushes a template (0x58) to every pile whose effective template it is. Online idle piles get it now;
/// busy or offline ones stay Pending and are pushed by <see cref="BillingSyncRetryJob"/> once they are online and idle.
/// </summary>
public sealed class BillingSyncService(
    IDbContextFactory<ChargeDbContext> dbFactory, IPileDirectory piles, AuditTrail audit, TimeProvider clock,
    LiveEvents live, ILogger<BillingSyncService> log)
{
    public static string StatusText(BillingSyncStatus s) => s switch
    {
        BillingSyncStatus.Pending => "待同步",
        BillingSyncStatus.Sent => "已下发",
        BillingSyncStatus.Succeeded => "同步成功",
        _ => "同步失败",
    };

    public static readonly RowList<BillingSyncLogFilter, BillingSyncLogRow> List = new((db, _, f) => Query(db, f), x => x.Id);

    public static IQueryable<BillingSyncLogRow> Query(ChargeDbContext db, BillingSyncLogFilter f)
    {
        var q = db.BillingSyncLogs.AsNoTracking();
        if (f.Status is { } status) q = q.Where(l => l.Status == status);
        if (!string.IsNullOrWhiteSpace(f.PileCode)) q = q.Where(l => l.PileCode.Contains(f.PileCode.Trim()));
        if (!string.IsNullOrWhiteSpace(f.TemplateName)) q = q.Where(l => l.BillingTemplate.Name.Contains(f.TemplateName.Trim()));
        q = q.WithinChinaDays(l => l.CreatedAt, f.From, f.To);
        return q.Select(l => new BillingSyncLogRow
        {
            Id = l.Id, PileCode = l.PileCode, TemplateName = l.BillingTemplate.Name, ModelNumber = l.ModelNumber, Status = l.Status,
            Reason = l.Reason, CreatedAt = l.CreatedAt, SentAt = l.SentAt, CompletedAt = l.CompletedAt,
            CanResync = l.Status == BillingSyncStatus.Failed && !db.BillingSyncLogs.Any(n => n.PileId == l.PileId && n.Id > l.Id),
        });
    }

    public static IEnumerable<BillingSyncLogExportRow> Export(ChargeDbContext db, AccessScope scope, BillingSyncLogFilter f) =>
        scope.IsInvestor ? [] : Query(db, f).OrderByDescending(l => l.Id).AsEnumerable().Select(l => new BillingSyncLogExportRow
        {
            PileCode = l.PileCode, TemplateName = l.TemplateName, ModelNumber = l.ModelNumber.ToString("0000"), Status = StatusText(l.Status),
            Reason = l.Reason ?? "", CreatedAt = ChinaTime.Format(l.CreatedAt), SentAt = ChinaTime.Format(l.SentAt), CompletedAt = ChinaTime.Format(l.CompletedAt),
        });

    /// <summary>Queues the template for every pile that uses it (its own, or its station's when it has none) and pushes now where it can.</summary>
    public async Task<OperationResult> SyncAsync(AccessScope scope, int templateId)
    {
        if (scope.IsInvestor) return OperationResult.Fail("投资人账号不能同步计费模板");
        await using var db = await dbFactory.CreateDbContextAsync();
        var template = await db.BillingTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == templateId);
        if (template is null) return OperationResult.Fail("该计费模板已被删除，请刷新列表");
        var piles = await db.Piles.AsNoTracking()
            .UsingTemplate(templateId)
            .Select(p => new { p.Id, p.Code }).ToListAsync();
        OperationResult result;
        if (piles.Count == 0) result = OperationResult.Fail($"没有电站或电桩使用计费模板【{template.Name}】，无需同步");
        else
        {
            var logs = await QueueAsync(db, piles.Select(p => (p.Id, p.Code)).ToList(), template);
            var outcomes = await PushAsync(logs.Select(l => l.Id).ToList());
            result = OperationResult.Ok($"已同步 {piles.Count} 台电桩：成功 {outcomes.Count(o => o == BillingSyncStatus.Succeeded)}，" +
                                        $"失败 {outcomes.Count(o => o == BillingSyncStatus.Failed)}，待电桩上线或空闲后自动同步 {outcomes.Count(o => o == BillingSyncStatus.Pending)}");
        }
        await audit.WriteAsync(scope.UserName, "同步计费模板", $"{template.Name}（{template.ModelNumber:0000}）", result);
        return result;
    }

    /// <summary>重新同步 of a failed row: queues the pile's current effective template again and pushes it.</summary>
    public async Task<OperationResult> ResyncAsync(AccessScope scope, long logId)
    {
        if (scope.IsInvestor) return OperationResult.Fail("投资人账号不能同步计费模板");
        await using var db = await dbFactory.CreateDbContextAsync();
        var failed = await db.BillingSyncLogs.AsNoTracking().FirstOrDefaultAsync(l => l.Id == logId);
        if (failed is null) return OperationResult.Fail("该同步记录已不存在，请刷新列表");
        if (failed.Status != BillingSyncStatus.Failed) return OperationResult.Fail("只有同步失败的记录可以重新同步");
        // Only the pile's latest sync: an older failure (superseded, or already synced again) would queue a duplicate.
        if (await db.BillingSyncLogs.AnyAsync(l => l.PileId == failed.PileId && l.Id > failed.Id))
            return OperationResult.Fail($"电桩【{failed.PileCode}】已有更新的同步记录，无需重新同步");
        var templateId = await db.Piles.Where(p => p.Id == failed.PileId).EffectiveTemplateIds().FirstOrDefaultAsync();
        var template = templateId is null ? null : await db.BillingTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Id == templateId);
        OperationResult result;
        if (template is null) result = OperationResult.Fail($"电桩【{failed.PileCode}】当前没有生效的计费模板");
        else
        {
            var logs = await QueueAsync(db, [(failed.PileId, failed.PileCode)], template);
            var outcome = (await PushAsync([logs[0].Id]))[0];
            var reason = await db.BillingSyncLogs.Where(l => l.Id == logs[0].Id).Select(l => l.Reason).FirstAsync();
            result = outcome switch
            {
                BillingSyncStatus.Succeeded => OperationResult.Ok($"电桩【{failed.PileCode}】同步成功"),
                BillingSyncStatus.Pending => OperationResult.Ok($"{reason}（{failed.PileCode}）"),
                _ => OperationResult.Fail($"同步失败：{reason}（{failed.PileCode}）"),
            };
        }
        await audit.WriteAsync(scope.UserName, "重新同步计费模板", failed.PileCode, result);
        return result;
    }

    /// <summary>For the retry job: pushes every Pending sync whose pile is now online.</summary>
    public async Task<int> PushPendingAsync(CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        // Recorded online first (one query), then asked of the pile's grain, which knows for certain.
        var pending = await db.BillingSyncLogs.AsNoTracking().Where(l => l.Status == BillingSyncStatus.Pending && db.Piles.Any(p => p.Id == l.PileId && p.Online))
            .Select(l => new { l.Id, l.PileCode }).ToListAsync(ct);
        var online = await Task.WhenAll(pending.Select(p => piles.IsOnlineAsync(p.PileCode)));
        var ready = pending.Where((_, i) => online[i]).Select(p => p.Id).ToList();
        if (ready.Count == 0) return 0;
        var outcomes = await PushAsync(ready, ct);
        return outcomes.Count(o => o == BillingSyncStatus.Succeeded);
    }

    private async Task<List<BillingSyncLog>> QueueAsync(ChargeDbContext db, IReadOnlyList<(int Id, string Code)> piles, BillingTemplate template)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var ids = piles.Select(p => p.Id).ToArray();
        // A newer sync replaces whatever was still waiting for the same pile.
        await db.BillingSyncLogs.Where(l => ids.Contains(l.PileId) && l.Status == BillingSyncStatus.Pending).ExecuteUpdateAsync(u => u
            .SetProperty(l => l.Status, BillingSyncStatus.Failed).SetProperty(l => l.Reason, "已被新的同步取代").SetProperty(l => l.CompletedAt, now));
        var logs = piles.Select(p => new BillingSyncLog
        {
            PileId = p.Id, PileCode = p.Code, BillingTemplateId = template.Id, ModelNumber = template.ModelNumber,
            Status = BillingSyncStatus.Pending, CreatedAt = now,
        }).ToList();
        db.BillingSyncLogs.AddRange(logs);
        await db.SaveChangesAsync();
        live.Publish(new BillingSyncChanged());
        return logs;
    }

    /// <summary>Pushes the logs' templates (their current version) to online idle piles, a few at a time.</summary>
    private async Task<List<BillingSyncStatus>> PushAsync(IReadOnlyList<long> logIds, CancellationToken ct = default)
    {
        var outcomes = new BillingSyncStatus[logIds.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, logIds.Count), new ParallelOptions { MaxDegreeOfParallelism = 16, CancellationToken = ct },
            async (i, token) => outcomes[i] = await PushOneAsync(logIds[i], token));
        return outcomes.ToList();
    }

    private async Task<BillingSyncStatus> PushOneAsync(long logId, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var entry = await db.BillingSyncLogs.Include(l => l.BillingTemplate).ThenInclude(t => t.ElectricityPrice).FirstOrDefaultAsync(l => l.Id == logId, ct);
        if (entry is null || entry.Status != BillingSyncStatus.Pending) return entry?.Status ?? BillingSyncStatus.Failed;
        if (!await piles.IsOnlineAsync(entry.PileCode))
        {
            entry.Reason = "电桩离线，上线后自动同步";
            await db.SaveChangesAsync(ct);
            return BillingSyncStatus.Pending;
        }
        if (await db.Guns.AnyAsync(g => g.PileId == entry.PileId && g.Status == GunStatus.Charging, ct))
        {
            entry.Reason = "电桩充电中，空闲后自动同步";
            await db.SaveChangesAsync(ct);
            return BillingSyncStatus.Pending;
        }
        var tariff = TemplateOnWire.ToTariff(entry.BillingTemplate);
        entry.ModelNumber = entry.BillingTemplate.ModelNumber;
        entry.Status = BillingSyncStatus.Sent;
        entry.SentAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        live.Publish(new BillingSyncChanged());

        var result = await piles.SendAsync(entry.PileCode, tariff, ct);
        entry.CompletedAt = clock.GetUtcNow().UtcDateTime;
        (entry.Status, entry.Reason) = result.Status switch
        {
            CommandStatus.Acknowledged => (BillingSyncStatus.Succeeded, null),
            CommandStatus.Offline => (BillingSyncStatus.Pending, "电桩离线，上线后自动同步"),
            _ => (BillingSyncStatus.Failed, result.Message),
        };
        if (entry.Status == BillingSyncStatus.Pending) entry.CompletedAt = null;
        if (entry.Status == BillingSyncStatus.Succeeded)
            await db.Piles.Where(p => p.Id == entry.PileId).ExecuteUpdateAsync(u => u.SetProperty(p => p.BillingModelNumber, entry.ModelNumber).SetProperty(p => p.MissingBillingTemplate, false), ct);
        await db.SaveChangesAsync(ct);
        live.Publish(new BillingSyncChanged());
        log.LogInformation("Billing model {Model} to pile {Pile}: {Status}", entry.ModelNumber, entry.PileCode, entry.Status);
        return entry.Status;
    }
}
