using ChargeConsole.Data.Entities;
using ChargeConsole.Devices.Piles;
using ChargeConsole.Devices.Simulator;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ChargeConsole.Data.Demo;

/// <summary>
/// In the demo, every seeded pile is a simulated pile that connects to this process's YKC port over real
/// TCP, so the console is live from the first minute. Off unless <c>Demo:Enabled</c>. It runs for days: drivers
/// unplug a minute or two after their charge ends (the gun is free again), and now and then a gun faults for a few
/// minutes and recovers, as real guns do.
/// </summary>
public sealed class DemoPileFleet(IDbContextFactory<ChargeDbContext> dbFactory, IOptions<YkcOptions> ykc, IHostApplicationLifetime lifetime, IConfiguration config,
    Microsoft.AspNetCore.Hosting.Server.IServer server, ILoggerFactory logs, ILogger<DemoPileFleet> log) : BackgroundService
{
    private readonly List<SimulatedPile> _piles = [];
    private readonly List<SimulatedChargePoint> _chargePoints = [];

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (ykc.Value.Port <= 0) return;
        // Wait until Kestrel listens.
        var started = new TaskCompletionSource();
        using (lifetime.ApplicationStarted.Register(() => started.TrySetResult()))
            await started.Task.WaitAsync(stoppingToken);

        await using var db = await dbFactory.CreateDbContextAsync(stoppingToken);
        var piles = await db.Piles.AsNoTracking().Where(p => p.Code.StartsWith("320102") || p.Code.StartsWith("320103")).OrderBy(p => p.Code)
            .Select(p => new { p.Code, p.GunCount, p.Type, p.PowerKw, p.Protocol }).ToListAsync(stoppingToken);
        var host = ykc.Value.Address is "0.0.0.0" or "::" ? "127.0.0.1" : ykc.Value.Address;
        var port = ykc.Value.Port;
        // In a cluster the demo's piles connect through the balancer (Demo:PileEndpoint, host:port), which spreads them over the nodes.
        if (config["Demo:PileEndpoint"] is { Length: > 0 } endpoint && System.Net.IPEndPoint.TryParse(endpoint, out var through))
            (host, port) = (through.Address.ToString(), through.Port);
        // OCPP charge points connect to the console's own HTTP port (in a cluster: Demo:OcppEndpoint, the balancer's).
        var web = config["Demo:OcppEndpoint"] is { Length: > 0 } ocppEndpoint ? $"http://{ocppEndpoint}"
            : DemoDrivers.OwnAddress(server);
        var ocppServer = new Uri(web.Replace("http://", "ws://").TrimEnd('/') + "/");
        foreach (var p in piles.Where(p => p.Protocol == PileProtocol.Ocpp16J))
        {
            var chargePoint = new SimulatedChargePoint(new SimulatedChargePointOptions
            {
                PileCode = p.Code, Connectors = p.GunCount, PowerKw = p.PowerKw, UnplugAfterCharge = TimeSpan.FromSeconds(Random.Shared.Next(45, 150)),
            }, ocppServer, logs.CreateLogger<SimulatedChargePoint>());
            _chargePoints.Add(chargePoint);
            chargePoint.Start();
        }
        foreach (var p in piles.Where(p => p.Protocol != PileProtocol.Ocpp16J))
        {
            var pile = new SimulatedPile(new SimulatedPileOptions
            {
                PileCode = p.Code, GunCount = p.GunCount, PileType = p.Type == PileType.AC ? (byte)1 : (byte)0, PowerKw = p.PowerKw,
                ProtocolVersion = p.Protocol == PileProtocol.Ykc16 ? (byte)0x10 : (byte)0x0F,
                UnplugAfterCharge = TimeSpan.FromSeconds(Random.Shared.Next(45, 150)),
            }, host, port, logs.CreateLogger<SimulatedPile>());
            _piles.Add(pile);
            pile.Start();
            await Task.Delay(50, stoppingToken); // a gentle stagger, as real piles never all boot in the same millisecond
        }
        log.LogInformation("Demo: {Count} simulated piles connecting to {Host}:{Port}, {Ocpp} OCPP charge points to {Server}", _piles.Count, host, port, _chargePoints.Count, ocppServer);
        try { await FaultNowAndThenAsync(stoppingToken); }
        catch (OperationCanceledException) { }
    }

    /// <summary>Every few minutes an idle gun reports a fault (急停 / 绝缘) and clears it a few minutes later.</summary>
    private async Task FaultNowAndThenAsync(CancellationToken ct)
    {
        var random = new Random();
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(3));
        while (await timer.WaitForNextTickAsync(ct))
        {
            var idle = _piles.Where(p => p.State == SimulatedPileState.Online)
                .SelectMany(p => p.Guns.Where(g => g.Session is null && !g.PluggedIn && g.FaultBits == 0).Select(g => (Pile: p, Gun: g.Number))).ToList();
            if (idle.Count == 0) continue;
            var (pile, gun) = idle[random.Next(idle.Count)];
            await pile.InjectFaultAsync(gun, random.Next(2) == 0 ? (ushort)0x0001 : (ushort)0x0004);
            _ = Task.Delay(TimeSpan.FromMinutes(random.Next(2, 6)), ct).ContinueWith(_ => pile.InjectFaultAsync(gun, 0), ct, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
        }
    }

    public override async Task StopAsync(CancellationToken cancellationToken)
    {
        await base.StopAsync(cancellationToken); // ExecuteAsync has stopped adding piles once this returns
        await Task.WhenAll(_piles.Select(p => p.StopAsync()).Concat(_chargePoints.Select(c => c.StopAsync())));
    }
}
