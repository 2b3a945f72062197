using System.Threading.Channels;
using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Devices.Cluster;
using ChargeConsole.Devices.Piles;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Features.Piles;

/// <summary>
/// SmartCharging: a station's power limit (电站功率限制) spread evenly over its OCPP guns that are charging, as a
/// TxDefaultProfile on each, and spread again when a charge there starts or stops. Requests are queued (bounded,
/// one per station at a time) and worked off the pile's own message loop: a pile's StartTransaction must be
/// answered before that pile can take a SetChargingProfile.
/// </summary>
public sealed class StationPowerSpread(IDbContextFactory<ChargeDbContext> dbFactory, IPileDirectory piles, ILogger<StationPowerSpread> log) : BackgroundService
{
    private readonly Channel<(int Station, bool Changed)> _requests =
        Channel.CreateBounded<(int, bool)>(new BoundedChannelOptions(1000) { FullMode = BoundedChannelFullMode.DropWrite });

    /// <summary>Spreads the station's limit again soon: a charge there started or stopped, or (<paramref name="limitChanged"/>)
    /// the operator changed the limit, which lifts the caps when it was removed.</summary>
    public void Request(int stationId, bool limitChanged = false) => _requests.Writer.TryWrite((stationId, limitChanged));

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var first in _requests.Reader.ReadAllAsync(stoppingToken))
        {
            var stations = new Dictionary<int, bool> { [first.Station] = first.Changed };
            while (_requests.Reader.TryRead(out var more)) stations[more.Station] = stations.GetValueOrDefault(more.Station) || more.Changed;
            foreach (var (station, changed) in stations)
            {
                try { await SpreadAsync(station, changed, stoppingToken); }
                catch (Exception e) when (e is not OperationCanceledException) { log.LogWarning(e, "Power limit of station {Station} not spread", station); }
            }
        }
    }

    /// <summary>Sends each charging OCPP gun of the station its share; when the limit was just removed, lifts every
    /// OCPP gun's cap. The share per gun in watts, or null when there is no limit.</summary>
    public async Task<int?> SpreadAsync(int stationId, bool limitChanged, CancellationToken ct)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var limit = await db.Stations.Where(s => s.Id == stationId).Select(s => s.PowerLimitKw).FirstOrDefaultAsync(ct);
        if (limit is null && !limitChanged) return null; // no limit, and none to lift
        var ocpp = db.Guns.AsNoTracking().Where(g => g.StationId == stationId && g.Pile.Protocol == PileProtocol.Ocpp16J && g.Pile.Online);
        var guns = limit is null
            ? await ocpp.Select(g => new { PileCode = g.Pile.Code, g.Number }).ToListAsync(ct)
            : await ocpp.Where(g => db.ChargingOrders.Any(o => o.GunId == g.Id && o.GunRunningSlot != null))
                .Select(g => new { PileCode = g.Pile.Code, g.Number }).ToListAsync(ct);
        int? share = limit is { } kw ? (int)Math.Floor(kw * 1000m / Math.Max(1, guns.Count)) : null;
        foreach (var gun in guns)
        {
            var result = await piles.SendAsync(gun.PileCode, new LimitGunPower((byte)gun.Number, share), ct);
            if (!result.Succeeded) log.LogInformation("Power limit for {Pile} gun {Gun} not taken: {Why}", gun.PileCode, gun.Number, result.Message);
        }
        return share;
    }
}
