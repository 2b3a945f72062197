using System.Collections.Concurrent;
using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Devices.Cluster;
using ChargeConsole.Devices.Piles;
using ChargeConsole.Devices.Ykc;
using ChargeConsole.Features.Orders;
using ChargeConsole.Features.Pricing;
using ChargeConsole.Features.Revenue;
using ChargeConsole.Infrastructure.Audit;
using ChargeConsole.Infrastructure.Live;
using ChargeConsole.Domain.Piles;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Features.Piles;

/// <summary>
/// The console's side of the pile host: who may log in, which billing model a pile gets, and gun status.
/// The database is written only when something changes (never per heartbeat), then a live event goes out.
/// </summary>
public sealed class PileEventSink(
    IDbContextFactory<ChargeDbContext> dbFactory, PileStateWriter writer, IPileDirectory directory, LiveEvents live, AuditTrail audit, TimeProvider clock,
    OrderTelemetry orders, SettlementQueue settlements, PileStartAuthorizer starts, ILogger<PileEventSink> log) : IPileEventSink
{
    /// <param name="FaultNote">a fault described by the pile in words (OCPP's error and vendor code) rather than YKC bits</param>
    private sealed record GunState(int Id, GunStatus Status, bool PluggedIn, bool? Holstered, int FaultBits, string? FaultNote = null);

    private sealed class PileState(int id, int stationId)
    {
        public int Id { get; } = id;
        public int StationId { get; } = stationId;
        public ConcurrentDictionary<int, GunState> Guns { get; } = new();
    }

    private readonly ConcurrentDictionary<string, PileState> _piles = new();
    private readonly ConcurrentDictionary<string, DateTime> _refusedAudited = new();

    /// <summary>Refused pile codes whose refusal was audited, and when: at most this many are remembered.</summary>
    private const int MaxRefusalsRemembered = 10_000;

    /// <summary>Piles authorised but not yet live (the handler makes them live right after): consumed by <see cref="OnLoggedInAsync"/>.</summary>
    private readonly ConcurrentDictionary<string, PileState> _authorized = new();

    public async Task<LoginVerdict> AuthorizeLoginAsync(PileLogin login, string remoteAddress, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var pile = await db.Piles.AsNoTracking().Where(p => p.Code == login.PileCode)
            .Select(p => new { p.Id, p.StationId, p.Protocol, p.OcppPasswordHash, p.Station.AllowedNetworks, Guns = p.Guns.Select(g => new { g.Id, g.Number, g.Status, g.PluggedIn, g.Holstered, g.FaultBits }).ToList() })
            .FirstOrDefaultAsync(ct);
        if (pile is null)
        {
            await AuditRefusalAsync(login.PileCode, remoteAddress, $"未登记的电桩（来自 {remoteAddress}），已拒绝并断开");
            return LoginVerdict.Refused;
        }
        if ((pile.Protocol == PileProtocol.Ocpp16J) != (login.Wire == PileWire.Ocpp16J))
        {
            await AuditRefusalAsync(login.PileCode, remoteAddress,
                $"电桩登记为 {PileText.Protocol(pile.Protocol)} 协议，却以 {(login.Wire == PileWire.Ocpp16J ? "OCPP 1.6J" : "YKC")} 接入（来自 {remoteAddress}），已拒绝");
            return LoginVerdict.Refused;
        }
        if (!AllowedNetworks.Allows(pile.AllowedNetworks, remoteAddress))
        {
            await AuditRefusalAsync(login.PileCode, remoteAddress, $"电桩从电站允许的地址段以外登录（来自 {remoteAddress}，允许 {pile.AllowedNetworks}），已拒绝并断开");
            return LoginVerdict.Refused;
        }
        if (pile.OcppPasswordHash is { } hash && !OcppPassword.Verify(hash, login.Password))
        {
            await AuditRefusalAsync(login.PileCode, remoteAddress,
                $"OCPP 电桩{(login.Password is null ? "未提供密码" : "密码错误")}（来自 {remoteAddress}），已拒绝");
            return LoginVerdict.WrongPassword;
        }
        var state = new PileState(pile.Id, pile.StationId);
        // Online with no report yet: the guns are available until the pile says otherwise (0x13 follows).
        foreach (var g in pile.Guns)
            state.Guns[g.Number] = new GunState(g.Id, g.Status == GunStatus.Offline ? GunStatus.Idle : g.Status, g.PluggedIn, g.Holstered, g.FaultBits);
        _authorized[login.PileCode] = state;
        return LoginVerdict.Accepted;
    }

    public async Task OnLoggedInAsync(PileLogin login, string remoteAddress, PileTakeover? replaced, CancellationToken ct)
    {
        if (!_authorized.TryRemove(login.PileCode, out var state)) return;
        _piles[login.PileCode] = state;
        var node = directory.NodeName;
        if (replaced is not null)
            await audit.WriteAsync("电桩", "电桩会话接管", login.PileCode, true,
                $"新连接来自 {remoteAddress}（节点 {node}），原在线连接来自 {replaced.RemoteAddress}（节点 {replaced.Node}），原连接已断开");
        var woken = new List<int>();
        var now = clock.GetUtcNow().UtcDateTime;
        writer.Enqueue($"pile:{state.Id}", new PileStateWriter.Change(
            async (w, token) =>
            {
                await w.Piles.Where(p => p.Id == state.Id).ExecuteUpdateAsync(u =>
                {
                    u.SetProperty(p => p.Online, true).SetProperty(p => p.ConnectedNode, node).SetProperty(p => p.LastSeenAt, now);
                    if (login.Firmware is { } firmware) u.SetProperty(p => p.FirmwareVersion, firmware);
                }, token);
                // Decided when the change is applied, not when the login was read: a disconnect queued just before
                // (a quick reconnect) has set the guns Offline by now, and they must come back.
                woken.Clear(); // a batch that failed is applied again one change at a time
                woken.AddRange(await w.Guns.Where(g => g.PileId == state.Id && g.Status == GunStatus.Offline).Select(g => g.Id).ToListAsync(token));
                if (woken.Count > 0)
                    await w.Guns.Where(g => g.PileId == state.Id && g.Status == GunStatus.Offline).ExecuteUpdateAsync(u => u
                        .SetProperty(g => g.Status, GunStatus.Idle).SetProperty(g => g.StatusChangedAt, now), token);
            },
            () =>
            {
                live.Publish(new PileConnectionChanged(state.Id, login.PileCode, state.StationId, true));
                foreach (var id in woken) live.Publish(new GunStatusChanged(id, state.Id, state.StationId, GunStatus.Idle));
            }));
    }

    private async Task AuditRefusalAsync(string pileCode, string remoteAddress, string what)
    {
        log.LogWarning("Pile {Pile} from {Remote} refused: {What}", pileCode, remoteAddress, what);
        var now = clock.GetUtcNow().UtcDateTime;
        // One audit row per refused pile per 10 minutes: a pile retrying every few seconds must not flood the log.
        if (_refusedAudited.TryGetValue(pileCode, out var last) && now - last < TimeSpan.FromMinutes(10)) return;
        if (_refusedAudited.Count >= MaxRefusalsRemembered)
        {
            foreach (var old in _refusedAudited.Where(r => now - r.Value >= TimeSpan.FromMinutes(10)).ToList()) _refusedAudited.TryRemove(old);
            if (_refusedAudited.Count >= MaxRefusalsRemembered) return; // a flood of fresh codes: the log has enough of them
        }
        _refusedAudited[pileCode] = now;
        await audit.WriteAsync("电桩", "电桩登录", pileCode, false, what);
    }

    public async Task<BillingModel?> GetBillingModelAsync(string pileCode, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var piles = db.Piles.Where(p => p.Code == pileCode);
        var pile = await piles.Select(p => new { p.Id, p.MissingBillingTemplate }).FirstOrDefaultAsync(ct);
        if (pile is null) return null;
        var templateId = await piles.EffectiveTemplateIds().FirstOrDefaultAsync(ct);
        var template = templateId is null ? null
            : await db.BillingTemplates.AsNoTracking().Include(t => t.ElectricityPrice).FirstOrDefaultAsync(t => t.Id == templateId, ct);
        var missing = template is null;
        if (pile.MissingBillingTemplate != missing)
            writer.Enqueue($"pile-template:{pile.Id}", new PileStateWriter.Change((w, token) =>
                w.Piles.Where(p => p.Id == pile.Id).ExecuteUpdateAsync(u => u.SetProperty(p => p.MissingBillingTemplate, missing), token)));
        return template is null ? null : TemplateOnWire.ToWire(pileCode, template);
    }

    public async Task<IYkcMessage?> OnMessageAsync(string pileCode, IYkcMessage message, CancellationToken ct)
    {
        switch (message)
        {
            case Heartbeat hb:
                UpdateGun(pileCode, hb.Gun, s => hb.Fault
                    ? s with { Status = GunStatus.Fault }
                    : s.Status == GunStatus.Fault && s.FaultBits == 0 ? s with { Status = GunStatus.Idle } : s);
                break;
            case RealtimeData data:
                UpdateGun(pileCode, data.Gun, s => s with
                {
                    Status = StatusOf(data),
                    PluggedIn = data.PluggedIn == 1,
                    Holstered = data.Holstered switch { 0 => false, 1 => true, _ => null },
                    FaultBits = data.FaultBits,
                });
                await orders.OnRealtimeAsync(pileCode, data, ct);
                break;
            case PileStartRequest start:
                return await starts.AuthorizeAsync(start, ct);
            case TransactionRecord record:
                return await SettleAsync(pileCode, record);
            default:
                log.LogDebug("Pile {Pile}: 0x{Type:X2} received", pileCode, message.Type);
                break;
        }
        return null;
    }

    /// <summary>
    /// 0x40 goes out only once the record's settlement has committed. If settling fails the pile gets no answer
    /// and resends the record later; the unique serial makes a resend of a settled record change nothing.
    /// </summary>
    private async Task<IYkcMessage?> SettleAsync(string pileCode, TransactionRecord record)
    {
        if (record.PileCode != pileCode) return new TransactionConfirm(record.Serial, false);
        try
        {
            var verdict = await settlements.SubmitAsync(record);
            orders.Forget(record.PileCode + record.Gun.ToString("00"), record.Serial);
            return new TransactionConfirm(record.Serial, verdict == RecordVerdict.Accepted);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            log.LogWarning("Record {Serial} from {Pile} not confirmed: {Reason}", record.Serial, pileCode, e.Message);
            return null;
        }
    }

    public Task OnGunConditionAsync(string pileCode, int gun, GunCondition condition, string? faultText, CancellationToken ct)
    {
        UpdateGun(pileCode, gun, s => s with { Status = StatusOf(condition), FaultNote = faultText, FaultBits = 0, PluggedIn = condition is GunCondition.Occupied or GunCondition.Charging });
        return Task.CompletedTask;
    }

    internal static GunStatus StatusOf(RealtimeData data) => StatusOf(PileCommandService.ConditionOf(data));

    internal static GunStatus StatusOf(GunCondition condition) => condition switch
    {
        GunCondition.Idle => GunStatus.Idle,
        GunCondition.Occupied => GunStatus.Occupied,
        GunCondition.Charging => GunStatus.Charging,
        GunCondition.Reserved => GunStatus.Reserved,
        _ => GunStatus.Fault,
    };

    /// <summary>Applies a change to the cached gun; only a real change is queued for the database.</summary>
    private void UpdateGun(string pileCode, int number, Func<GunState, GunState> change)
    {
        if (!_piles.TryGetValue(pileCode, out var pile) || !pile.Guns.TryGetValue(number, out var before))
        {
            log.LogDebug("Pile {Pile} reported unknown gun {Gun}", pileCode, number);
            return;
        }
        var after = change(before);
        if (after == before) return;
        pile.Guns[number] = after;
        var statusChanged = after.Status != before.Status;
        var now = clock.GetUtcNow().UtcDateTime;
        // Keyed by gun: a pile flapping its status at line rate leaves one pending write per gun, the latest.
        writer.Enqueue($"gun:{before.Id}", new PileStateWriter.Change(
            (db, token) => db.Guns.Where(g => g.Id == before.Id).ExecuteUpdateAsync(u =>
            {
                u.SetProperty(g => g.Status, after.Status)
                    .SetProperty(g => g.PluggedIn, after.PluggedIn)
                    .SetProperty(g => g.Holstered, after.Holstered)
                    .SetProperty(g => g.FaultBits, after.FaultBits)
                    .SetProperty(g => g.FaultText, after.FaultNote ?? GunFaults.Describe(after.FaultBits));
                if (statusChanged) u.SetProperty(g => g.StatusChangedAt, now);
            }, token),
            // Always published: this change may stand for earlier ones it replaced in the queue.
            () => live.Publish(new GunStatusChanged(before.Id, pile.Id, pile.StationId, after.Status))));
        if (statusChanged && after.Status == GunStatus.Fault) CountFault(before.Id, pile.StationId, now);
    }

    /// <summary>Faults counted and not yet written, by gun (at most one entry per known gun).</summary>
    private readonly ConcurrentDictionary<int, int> _faultsPending = new();

    /// <summary>
    /// A gun went into fault: counted for its China day. The gun's status write above is replaced by later ones, so
    /// the count is kept apart and taken by whichever of the gun's fault writes runs next.
    /// </summary>
    private void CountFault(int gunId, int stationId, DateTime now)
    {
        _faultsPending.AddOrUpdate(gunId, 1, (_, n) => n + 1);
        int? taken = null; // taken once: a failed batch applies this change again
        writer.Enqueue($"fault:{gunId}", new PileStateWriter.Change((db, token) =>
        {
            taken ??= _faultsPending.TryRemove(gunId, out var n) ? n : 0;
            return GunFaultDays.AddAsync(db, RevenueBook.DayOf(now), gunId, stationId, taken.Value, token);
        }));
    }

    /// <summary>Sets a gun's platform-side state after an operator released it (the pile reported it idle).</summary>
    internal void Released(string pileCode, int number)
    {
        if (_piles.TryGetValue(pileCode, out var pile) && pile.Guns.TryGetValue(number, out var s))
            pile.Guns[number] = s with { Status = GunStatus.Idle };
    }

    public void OnMovedAway(string pileCode) => _piles.TryRemove(pileCode, out _);

    public async Task OnDisconnectedAsync(string pileCode, CancellationToken ct)
    {
        // A pile that has already logged in again (a quick reconnect, here or on another node) is not offline: its new session stands.
        if (await directory.IsOnlineAsync(pileCode)) return;
        if (!_piles.TryRemove(pileCode, out var state)) return; // never got as far as being live
        var now = clock.GetUtcNow().UtcDateTime;
        List<int> guns = [];
        var applied = false;
        writer.Enqueue($"pile:{state.Id}", new PileStateWriter.Change(
            async (db, token) =>
            {
                applied = false;
                if (await directory.IsOnlineAsync(pileCode)) return; // back before this change was applied
                guns = await db.Guns.Where(g => g.PileId == state.Id).Select(g => g.Id).ToListAsync(token);
                await db.Piles.Where(x => x.Id == state.Id).ExecuteUpdateAsync(u => u
                    .SetProperty(x => x.Online, false).SetProperty(x => x.ConnectedNode, (string?)null).SetProperty(x => x.LastSeenAt, now), token);
                await db.Guns.Where(g => g.PileId == state.Id && g.Status != GunStatus.Offline)
                    .ExecuteUpdateAsync(u => u.SetProperty(g => g.Status, GunStatus.Offline).SetProperty(g => g.StatusChangedAt, now), token);
                applied = true;
            },
            () =>
            {
                if (!applied) return;
                live.Publish(new PileConnectionChanged(state.Id, pileCode, state.StationId, false));
                foreach (var id in guns) live.Publish(new GunStatusChanged(id, state.Id, state.StationId, GunStatus.Offline));
            }));
    }

    /// <summary>
    /// Piles recorded online on a node that is not one of <paramref name="liveNodes"/> (a node that was killed, or this
    /// node's previous run) go offline with their guns; the other nodes' piles are left alone. Returns how many.
    /// </summary>
    public async Task<int> MarkOrphansOfflineAsync(IReadOnlyCollection<string> liveNodes, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var orphans = db.Piles.Where(p => p.Online && (p.ConnectedNode == null || !liveNodes.Contains(p.ConnectedNode)));
        var piles = await orphans.Select(p => new { p.Id, p.Code, p.StationId }).ToListAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        if (piles.Count > 0)
            await orphans.ExecuteUpdateAsync(u => u.SetProperty(p => p.Online, false).SetProperty(p => p.ConnectedNode, (string?)null).SetProperty(p => p.LastSeenAt, now), ct);
        var ids = piles.Select(p => p.Id).ToList();
        var offlineGuns = db.Guns.Where(g => ids.Contains(g.PileId) && !g.Pile.Online && g.Status != GunStatus.Offline);
        var guns = await offlineGuns.Select(g => new { g.Id, g.PileId, g.Pile.StationId }).ToListAsync(ct);
        if (guns.Count > 0)
            await offlineGuns.ExecuteUpdateAsync(u => u.SetProperty(g => g.Status, GunStatus.Offline).SetProperty(g => g.StatusChangedAt, now), ct);
        foreach (var p in piles)
        {
            _piles.TryRemove(p.Code, out _);
            live.Publish(new PileConnectionChanged(p.Id, p.Code, p.StationId, false));
        }
        foreach (var g in guns) live.Publish(new GunStatusChanged(g.Id, g.PileId, g.StationId, GunStatus.Offline));
        return piles.Count;
    }
}
