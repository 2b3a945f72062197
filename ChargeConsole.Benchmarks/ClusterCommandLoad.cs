using System.Diagnostics;
using System.Net;
using ChargeConsole.Data;
using ChargeConsole.Devices.Cluster;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Orleans.Configuration;

namespace ChargeConsole.Benchmarks;

/// <summary>
/// Commands through one node to piles connected anywhere in the cluster: the tool is an Orleans client of that node
/// only (its gateway), asks each pile's grain for a gun reading (YKC 0x12 → 0x13 from the simulated pile) and times
/// the round trip to the pile's answer. Piles are told apart by the node their login recorded in the database, so
/// the run reports piles held by the node itself and piles held by the others side by side.
/// </summary>
internal static class ClusterCommandLoad
{
    public static async Task<int> RunAsync(string[] args)
    {
        string Get(string name, string fallback)
        {
            var i = Array.IndexOf(args, "--" + name);
            return i >= 0 && i + 1 < args.Length ? args[i + 1] : fallback;
        }
        var connection = Get("postgres", "Host=127.0.0.1;Port=55432;Username=postgres;Database=chargeconsole");
        var gateway = int.Parse(Get("gateway", "30002"));
        var silo = Get("silo", "127.0.0.1:11112"); // the gateway node's own cluster endpoint, as piles record it
        var count = int.Parse(Get("count", "1000"));
        var concurrency = int.Parse(Get("concurrency", "1"));

        var options = new DbContextOptionsBuilder<PostgresChargeDbContext>().UseNpgsql(connection).Options;
        List<(string Code, string? Node)> online;
        await using (var db = new PostgresChargeDbContext(options))
            online = (await db.Piles.AsNoTracking().Where(p => p.Online).Select(p => new { p.Code, p.ConnectedNode }).ToListAsync())
                .Select(p => (p.Code, p.ConnectedNode)).ToList();
        var local = online.Where(p => p.Node?.StartsWith(silo + "@") == true).Select(p => p.Code).ToList();
        var remote = online.Where(p => p.Node is not null && !p.Node.StartsWith(silo + "@")).Select(p => p.Code).ToList();
        Console.WriteLine($"{online.Count} piles online: {local.Count} on {silo} (the gateway's node), {remote.Count} on other nodes");

        var builder = Host.CreateApplicationBuilder();
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.UseOrleansClient(client => client
            .UseStaticClustering(new IPEndPoint(IPAddress.Loopback, gateway))
            .Configure<ClusterOptions>(o => { o.ClusterId = "chargeconsole"; o.ServiceId = "chargeconsole"; }));
        using var host = builder.Build();
        await host.StartAsync();
        var grains = host.Services.GetRequiredService<IGrainFactory>();

        if (remote.Count > 0) await TimeAsync(grains, "piles on other nodes", remote, count, concurrency);
        if (local.Count > 0) await TimeAsync(grains, "piles on the gateway's node", local, count, concurrency);
        await host.StopAsync();
        return 0;
    }

    private static async Task TimeAsync(IGrainFactory grains, string label, List<string> piles, int count, int concurrency)
    {
        // One warm-up round so that grain lookups and connections are not what is timed.
        foreach (var code in piles.Take(Math.Min(20, piles.Count))) await grains.GetGrain<IPileGrain>(code).Send(new ReadGun(1));
        var targets = Enumerable.Range(0, count).Select(i => piles[i % piles.Count]).ToArray();
        var times = new double[count];
        var failed = 0;
        var next = -1;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            for (var i = Interlocked.Increment(ref next); i < count; i = Interlocked.Increment(ref next))
            {
                var started = Stopwatch.GetTimestamp();
                var result = await grains.GetGrain<IPileGrain>(targets[i]).Send(new ReadGun((byte)(i % 2 + 1)));
                times[i] = Stopwatch.GetElapsedTime(started).TotalMilliseconds;
                if (!result.Succeeded || result.Reading is null) Interlocked.Increment(ref failed);
            }
        }));
        var sorted = times.Order().ToArray();
        double P(int p) => sorted[Math.Min(sorted.Length - 1, (int)Math.Ceiling(p / 100.0 * sorted.Length) - 1)];
        Console.WriteLine($"  {label}: {count} reads ({concurrency} at a time) in {watch.Elapsed.TotalSeconds:0.0} s, " +
                          $"p50 {P(50):0.0} ms, p99 {P(99):0.0} ms, max {sorted[^1]:0.0} ms, not answered {failed}");
    }
}
