using System.Diagnostics;
using ChargeConsole.Devices.Simulator;

namespace ChargeConsole.Benchmarks;

/// <summary>
/// Runs many simulated piles against a running console (real TCP) and reports, every 10 s: piles online,
/// reconnects, heartbeat round-trip percentiles. Used for the load target and to watch piles come and go.
/// </summary>
internal static class PileFleetRunner
{
    public static async Task<int> RunAsync(string[] args)
    {
        var o = Options.Parse(args);
        var codes = Enumerable.Range(0, o.Count).Select(i => (long.Parse(o.From) + i).ToString("00000000000000")).ToList();
        var rtts = new List<double>();
        void Answered(TimeSpan t) { lock (rtts) rtts.Add(t.TotalMilliseconds); }
        List<IFleetMember> piles;
        if (o.Ocpp)
        {
            // OCPP 1.6J charge points over WebSockets to the console's HTTP port; their heartbeat interval is the
            // console's (Ocpp:HeartbeatSeconds, in the BootNotification answer).
            var server = new Uri($"ws://{o.Host}:{o.Port}/");
            piles = codes.Select(code =>
            {
                var cp = new SimulatedChargePoint(new SimulatedChargePointOptions
                {
                    PileCode = code, Connectors = o.Guns, MeterInterval = TimeSpan.FromSeconds(o.ReportSeconds), ReconnectDelay = TimeSpan.FromSeconds(2),
                }, server);
                cp.HeartbeatAnswered += Answered;
                return (IFleetMember)new ChargePointMember(cp);
            }).ToList();
        }
        else
        {
            piles = codes.Select(code =>
            {
                var pile = new SimulatedPile(new SimulatedPileOptions
                {
                    PileCode = code, GunCount = o.Guns, HeartbeatInterval = TimeSpan.FromSeconds(o.HeartbeatSeconds),
                    ChargingReportInterval = TimeSpan.FromSeconds(o.ReportSeconds), ReconnectDelay = TimeSpan.FromSeconds(2),
                }, o.Host, o.Port);
                pile.HeartbeatAnswered += Answered;
                return (IFleetMember)new YkcMember(pile);
            }).ToList();
        }

        Console.WriteLine($"starting {piles.Count} {(o.Ocpp ? "OCPP 1.6J charge points" : "YKC piles")} ({o.Guns} guns each) against {o.Host}:{o.Port}, " +
                          $"heartbeat {(o.Ocpp ? "as the console says" : o.HeartbeatSeconds + " s")}, charging share {o.Charging:P0}");
        var watch = Stopwatch.StartNew();
        foreach (var chunk in piles.Chunk(200))
        {
            foreach (var pile in chunk) pile.Start();
            await Task.Delay(100); // ramp up: 2,000 connections a second, as a fleet does after a console restart
        }

        using var stop = new CancellationTokenSource(o.Duration);
        Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.Cancel(); };
        var charging = false;
        var allRtts = new List<double>();
        var stormRtts = new List<double>();  // from the first connection until every pile is online
        var steadyRtts = new List<double>(); // once the online count has held still for a whole window
        TimeSpan? allOnlineAt = null;
        var lastOnline = -1;
        var maxReconnects = 0;
        var nextReport = TimeSpan.FromSeconds(10);
        var window = new List<double>();
        while (!stop.IsCancellationRequested)
        {
            await Task.Delay(TimeSpan.FromSeconds(1), stop.Token).ContinueWith(_ => { });
            var online = piles.Count(p => p.Online);
            double[] second;
            lock (rtts) { second = rtts.ToArray(); rtts.Clear(); }
            window.AddRange(second);
            allRtts.AddRange(second);
            if (allOnlineAt is null) stormRtts.AddRange(second);
            if (allOnlineAt is null && online == piles.Count)
            {
                allOnlineAt = watch.Elapsed;
                Console.WriteLine($"{watch.Elapsed:mm\\:ss} all {piles.Count} piles online {allOnlineAt.Value.TotalSeconds:0.0} s after the first connection");
            }
            if (watch.Elapsed < nextReport) continue;
            nextReport += TimeSpan.FromSeconds(10);
            if (!charging && allOnlineAt is not null && o.Charging > 0 && !o.Ocpp)
            {
                // A share of all guns starts charging once everyone is in (YKC: local charges the piles start themselves).
                var guns = piles.Cast<YkcMember>().SelectMany(p => p.Pile.Guns.Select(g => (p.Pile, g.Number))).ToList();
                foreach (var (pile, gun) in guns.Where((_, i) => i % Math.Max(1, (int)Math.Round(1 / o.Charging)) == 0))
                    await pile.StartLocalChargeAsync(gun);
                charging = true;
            }
            // Steady: the same piles were online at the start and the end of this window (the online ones, even if a few never came).
            if (online == lastOnline) steadyRtts.AddRange(window);
            lastOnline = online;
            var reconnects = piles.Sum(p => Math.Max(0, p.Logins - 1));
            maxReconnects = Math.Max(maxReconnects, reconnects);
            Console.WriteLine($"{watch.Elapsed:mm\\:ss} online {online}/{piles.Count}, refused {piles.Count(p => p.Refused)}, " +
                              $"reconnects {reconnects}, heartbeats {window.Count} p50 {Percentile(window, 50):0.0} ms p99 {Percentile(window, 99):0.0} ms");
            window.Clear();
        }

        var missing = piles.Where(p => !p.Online).Select(p => p.PileCode).ToList();
        Console.WriteLine(allOnlineAt is { } at ? $"summary: all {piles.Count} online {at.TotalSeconds:0.0} s after the first connection"
            : $"summary: {piles.Count - missing.Count}/{piles.Count} online; never online: {string.Join(", ", missing.Take(10))}{(missing.Count > 10 ? " …" : "")}");
        Console.WriteLine($"  storm (until all online): {stormRtts.Count} heartbeats, p50 {Percentile(stormRtts, 50):0.0} ms, p99 {Percentile(stormRtts, 99):0.0} ms, max {Max(stormRtts):0.0} ms");
        Console.WriteLine($"  steady state (online piles): {steadyRtts.Count} heartbeats, p50 {Percentile(steadyRtts, 50):0.0} ms, p99 {Percentile(steadyRtts, 99):0.0} ms, max {Max(steadyRtts):0.0} ms");
        Console.WriteLine($"  whole run: {allRtts.Count} heartbeats, p99 {Percentile(allRtts, 99):0.0} ms, reconnects {maxReconnects}");
        // Stopping thousands of sockets: one pile's failure to close must not throw out of the tool.
        await Task.WhenAll(piles.Select(async p =>
        {
            try { await p.StopAsync(); }
            catch (Exception e) { Console.Error.WriteLine($"{p.PileCode}: stop failed: {e.Message}"); }
        }));
        return 0;
    }

    /// <summary>A simulated pile of either protocol, as the fleet counts it.</summary>
    private interface IFleetMember
    {
        string PileCode { get; }
        bool Online { get; }
        bool Refused { get; }
        int Logins { get; }
        void Start();
        Task StopAsync();
    }

    private sealed class YkcMember(SimulatedPile pile) : IFleetMember
    {
        public SimulatedPile Pile => pile;
        public string PileCode => pile.PileCode;
        public bool Online => pile.State == SimulatedPileState.Online;
        public bool Refused => pile.State == SimulatedPileState.LoginRefused;
        public int Logins => pile.Logins;
        public void Start() => pile.Start();
        public Task StopAsync() => pile.StopAsync();
    }

    private sealed class ChargePointMember(SimulatedChargePoint cp) : IFleetMember
    {
        public string PileCode => cp.PileCode;
        public bool Online => cp.Online;
        public bool Refused => false; // a refused upgrade is retried like a dropped connection
        public int Logins => cp.Connects;
        public void Start() => cp.Start();
        public Task StopAsync() => cp.StopAsync();
    }

    private static double Max(List<double> values) => values.Count > 0 ? values.Max() : 0;

    private static double Percentile(IReadOnlyCollection<double> values, int p)
    {
        if (values.Count == 0) return 0;
        var sorted = values.Order().ToArray();
        return sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p / 100.0 * sorted.Length) - 1)];
    }

    private sealed record Options(string Host, int Port, string From, int Count, int Guns, double Charging, int HeartbeatSeconds, int ReportSeconds, TimeSpan Duration, bool Ocpp)
    {
        public static Options Parse(string[] args)
        {
            string Get(string name, string fallback)
            {
                var i = Array.IndexOf(args, "--" + name);
                return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
            }
            return new Options(Get("host", "127.0.0.1"), int.Parse(Get("port", "8767")), Get("from", "32010200000001"), int.Parse(Get("count", "40")),
                int.Parse(Get("guns", "2")), double.Parse(Get("charging", "0"), System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(Get("heartbeat", "10")), int.Parse(Get("report", "15")), TimeSpan.FromSeconds(int.Parse(Get("duration", "86400"))), args.Contains("--ocpp"));
        }
    }
}
