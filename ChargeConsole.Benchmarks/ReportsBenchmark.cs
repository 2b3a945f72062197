using System.Diagnostics;
using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Features;
using ChargeConsole.Features.Home;
using ChargeConsole.Features.Reports;
using ChargeConsole.Features.Revenue;
using ChargeConsole.Infrastructure.Auth;
using ChargeConsole.Infrastructure.Grid;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;
using MudBlazor;

namespace ChargeConsole.Benchmarks;

/// <summary>
/// Dashboards and reports at scale: N settled orders over a year on 50 stations (two piles each) with 20 investors,
/// split and rolled up by the console's own start-up backfill (timed), then each home page and report timed as its
/// page runs it, and a month of the per-order investor report exported to xlsx with the process's peak memory.
/// </summary>
internal static class ReportsBenchmark
{
    public static async Task<int> RunAsync(string path, int orders)
    {
        path = Path.GetFullPath(path);
        var fresh = !File.Exists(path);
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Sqlite"] = $"Data Source={path}" }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System);
        services.AddConsoleCore(config, Path.GetTempPath());
        await using var sp = services.BuildServiceProvider();
        var factory = sp.GetRequiredService<IDbContextFactory<ChargeDbContext>>();
        if (fresh)
        {
            await SeedAsync(factory, orders);
            var watch = Stopwatch.StartNew();
            await sp.GetRequiredService<RevenueRebuild>().EnsureAsync();
            Console.WriteLine($"start-up backfill (splits + first charges + day roll-ups) of {orders:N0} orders: {watch.Elapsed.TotalSeconds:0.0} s");
            await using var db = await factory.CreateDbContextAsync();
            await db.Database.ExecuteSqlRawAsync("ANALYZE;");
        }

        AccessScope staff = new("bench", "bench", false, null);
        AccessScope investor;
        await using (var db = await factory.CreateDbContextAsync())
        {
            var first = await db.StationInvestors.OrderBy(s => s.InvestorId).Select(s => s.InvestorId).FirstAsync();
            investor = new AccessScope(first, "investor", true, await db.StationInvestors.Where(s => s.InvestorId == first).Select(s => s.StationId).ToArrayAsync());
            Console.WriteLine($"{path}: {await db.ChargingOrders.CountAsync():N0} orders, {await db.RevenueShares.CountAsync():N0} split rows, {await db.DailyStationStats.CountAsync():N0} station-days");
        }
        var home = sp.GetRequiredService<HomeFiguresService>();
        var month = new ReportFilter { From = new DateTime(2026, 6, 1), To = new DateTime(2026, 6, 30) };
        var year = new ReportFilter();
        var cases = new (string Name, Func<ChargeDbContext, Task> Run)[]
        {
            ("运营首页", _ => home.GetAsync(staff)),
            ("投资人首页", _ => home.GetAsync(investor)),
            ("月度统计 (year, all stations)", db => ReportQueries.MonthlyAsync(db, staff, year, CancellationToken.None)),
            ("月度统计 (investor)", db => ReportQueries.MonthlyAsync(db, investor, year, CancellationToken.None)),
            ("投资人收益 first page (year)", db => RevenuePageAsync(db, staff, year)),
            ("投资人收益 first page (month)", db => RevenuePageAsync(db, staff, month)),
            ("投资人收益 first page (investor)", db => RevenuePageAsync(db, investor, year)),
            ("充电统计 (year)", async db =>
            {
                await ReportQueries.StationTotalsAsync(db, staff, year, CancellationToken.None);
                await ReportQueries.DailyAsync(db, staff, year, CancellationToken.None);
                await ReportQueries.GunStatusesAsync(db, staff, year, CancellationToken.None);
            }),
            ("收益图表 (year)", async db =>
            {
                await ReportQueries.InvestorStationsAsync(db, staff, year, CancellationToken.None);
                await ReportQueries.InvestorMonthsAsync(db, staff, year, CancellationToken.None);
            }),
            ("电站收益占比 (year)", async db =>
            {
                await ReportQueries.StationTotalsAsync(db, staff, year, CancellationToken.None);
                await ReportQueries.InvestorStationsAsync(db, staff, year, CancellationToken.None);
            }),
        };
        Console.WriteLine($"{"page",-34} {"median ms",10} {"max ms",8}");
        foreach (var (name, run) in cases)
        {
            var times = new List<double>();
            for (var i = 0; i < 6; i++)
            {
                await using var db = await factory.CreateDbContextAsync();
                var watch = Stopwatch.StartNew();
                await run(db);
                if (i > 0) times.Add(watch.Elapsed.TotalMilliseconds); // the first run warms the page cache
            }
            times.Sort();
            Console.WriteLine($"{name,-34} {times[times.Count / 2],10:0.0} {times[^1],8:0.0}");
        }

        await using (var db = await factory.CreateDbContextAsync())
        {
            var file = Path.Combine(Path.GetTempPath(), $"cc-bench-investor-revenue-{Guid.NewGuid():N}.xlsx");
            var before = Process.GetCurrentProcess().PeakWorkingSet64;
            var watch = Stopwatch.StartNew();
            var rows = 0;
            await using (var stream = File.Create(file))
                await stream.SaveAsAsync(ReportQueries.ExportInvestorRevenue(db, staff, month).Select(r => { rows++; return r; }));
            var process = Process.GetCurrentProcess();
            process.Refresh();
            Console.WriteLine($"export 投资人收益 (one month): {rows:N0} rows, {new FileInfo(file).Length / 1024 / 1024.0:0.0} MB, {watch.Elapsed.TotalSeconds:0.0} s, " +
                              $"peak working set {process.PeakWorkingSet64 / 1024 / 1024} MB (before the export {before / 1024 / 1024} MB)");
            File.Delete(file);
        }
        SqliteConnection.ClearAllPools();
        return 0;
    }

    /// <summary>As the 投资人收益 page loads: the count from the roll-ups, then one sorted page.</summary>
    private static async Task RevenuePageAsync(ChargeDbContext db, AccessScope scope, ReportFilter filter)
    {
        var total = await ReportQueries.InvestorRevenueCountAsync(db, scope, filter, CancellationToken.None);
        await ReportQueries.InvestorRevenue(db, scope, filter)
            .ToGridDataAsync(new GridState<InvestorRevenueRow> { PageSize = 20 }, CancellationToken.None, x => x.Id, knownTotal: total);
    }

    /// <summary>
    /// Issue 20, item 26: a console started on N orders settled before splits were kept answers at once, while the
    /// backfill runs behind it. Seeds PATH (kept for reruns, never backfilled here), starts the real console process on
    /// it, and reports when it first answered, how fast it answered while the backfill ran, and when the backfill ended.
    /// </summary>
    public static async Task<int> StartDuringBackfillAsync(string path, int orders)
    {
        path = Path.GetFullPath(path);
        if (!File.Exists(path))
        {
            var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Sqlite"] = $"Data Source={path}" }).Build();
            var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System);
            services.AddConsoleCore(config, Path.GetTempPath());
            await using var sp = services.BuildServiceProvider();
            await SeedAsync(sp.GetRequiredService<IDbContextFactory<ChargeDbContext>>(), orders);
            await using var seeded = new SqliteConnection($"Data Source={path}");
            await seeded.OpenAsync();
            await using var checkpoint = seeded.CreateCommand();
            checkpoint.CommandText = "PRAGMA wal_checkpoint(TRUNCATE);";
            await checkpoint.ExecuteNonQueryAsync();
        }
        SqliteConnection.ClearAllPools();
        // Each run starts on a fresh copy: the console backfills what it is given.
        var copy = path + ".run.db";
        foreach (var f in new[] { copy, copy + "-wal", copy + "-shm" }) File.Delete(f);
        File.Copy(path, copy);
        path = copy;
        var port = System.Net.NetworkInformation.IPGlobalProperties.GetIPGlobalProperties().GetActiveTcpListeners().Select(e => e.Port).DefaultIfEmpty(0).Max() + 1;
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "ChargeConsole.dll"), "--urls", $"http://127.0.0.1:{port}", "--Ykc:Port", "0", "--ConnectionStrings:Sqlite", $"Data Source={path}" })
            start.ArgumentList.Add(a);
        var watch = Stopwatch.StartNew();
        using var console = Process.Start(start)!;
        _ = console.StandardOutput.ReadToEndAsync();
        _ = console.StandardError.ReadToEndAsync();
        using var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}"), Timeout = TimeSpan.FromSeconds(5) };
        double? answered = null, done = null;
        var latencies = new List<double>();
        try
        {
            while (watch.Elapsed < TimeSpan.FromMinutes(30) && done is null && !console.HasExited)
            {
                var asked = Stopwatch.StartNew();
                try
                {
                    if ((await http.GetAsync("/login")).IsSuccessStatusCode)
                    {
                        answered ??= watch.Elapsed.TotalSeconds;
                        latencies.Add(asked.Elapsed.TotalMilliseconds);
                    }
                }
                catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
                if (answered is not null && await BackfillDoneAsync(path)) done = watch.Elapsed.TotalSeconds;
                await Task.Delay(500);
            }
        }
        finally { if (!console.HasExited) console.Kill(entireProcessTree: true); }
        latencies.Sort();
        Console.WriteLine($"{orders:N0} orders without splits: the console answered /login {answered:0.0} s after start; " +
                          $"the background backfill finished at {done:0.0} s; /login while it ran: median {Percentile(latencies, 0.5):0} ms, p99 {Percentile(latencies, 0.99):0} ms ({latencies.Count} requests)");
        return answered is not null && done is not null ? 0 : 1;
    }

    private static double Percentile(List<double> sorted, double p) => sorted.Count == 0 ? double.NaN : sorted[Math.Min(sorted.Count - 1, (int)(p * sorted.Count))];

    private static async Task<bool> BackfillDoneAsync(string path)
    {
        await using var db = new SqliteConnection($"Data Source={path};Mode=ReadOnly");
        await db.OpenAsync();
        await using var cmd = db.CreateCommand();
        cmd.CommandText = "SELECT State FROM JobProgress WHERE Key = 'revenue-backfill'";
        return await cmd.ExecuteScalarAsync() is long state && state == (long)JobState.Done;
    }

    private static async Task SeedAsync(IDbContextFactory<ChargeDbContext> factory, int orders)
    {
        var watch = Stopwatch.StartNew();
        await using var db = await factory.CreateDbContextAsync();
        await db.Database.MigrateAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        for (var s = 0; s < 50; s++) await LoadDatabase.SeedPilesAsync(db, $"33{s:00}", 2);
        var stations = await db.Stations.Select(s => s.Id).OrderBy(id => id).ToListAsync();
        // 20 investors: each station has one or two of them (the even ones two), some stations none.
        var investors = Enumerable.Range(1, 20).Select(i => new ConsoleUser { UserName = $"inv{i:00}", NormalizedUserName = $"INV{i:00}", DisplayName = $"投资人{i:00}", CreatedAt = DateTime.UtcNow }).ToList();
        db.Users.AddRange(investors);
        for (var i = 0; i < stations.Count; i++)
        {
            if (i % 10 == 9) continue; // the platform's own
            db.StationInvestors.Add(new StationInvestor { StationId = stations[i], InvestorId = investors[i % 20].Id, SharePercent = 40m + i % 3 * 5m });
            if (i % 2 == 0) db.StationInvestors.Add(new StationInvestor { StationId = stations[i], InvestorId = investors[(i + 7) % 20].Id, SharePercent = 33.33m });
        }
        await db.SaveChangesAsync();
        await db.Database.ExecuteSqlRawAsync("""
            WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 50000)
            INSERT INTO AppUsers (Phone, Nickname, RegisteredAt, Disabled) SELECT '139' || printf('%08d', n), '用户' || n, '2025-11-01 00:00:00', 0 FROM seq;
            """);
        await db.Database.ExecuteSqlRawAsync("CREATE TEMP TABLE g AS SELECT row_number() OVER (ORDER BY Id) - 1 AS k, Id, PileId, StationId, Code FROM Guns;");
        // A year of settled orders up to now, evenly spread, amounts varying by the order.
        await db.Database.ExecuteSqlAsync($"""
            WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < {orders})
            INSERT INTO ChargingOrders (OrderNo, TransactionSerial, AppUserId, StationId, PileId, GunId, GunCode, Status, Source, CreatedAt, StartedAt, EndedAt, SettledAt,
                Energy, SharpEnergy, PeakEnergy, FlatEnergy, ValleyEnergy, ElectricityFee, ServiceFee, TotalAmount, DiscountAmount, AmountMismatch,
                PaidPrincipal, PaidBonus, PointsEarned, RecordOverdue, Version)
            SELECT 'CD' || printf('%010d', n), NULL, n % 50000 + 1, g.StationId, g.PileId, g.Id, g.Code, 4, 0,
                strftime('%Y-%m-%d %H:%M:%S', '2025-11-25 00:00:00', '+' || (n * 31536000 / {orders}) || ' seconds'),
                strftime('%Y-%m-%d %H:%M:%S', '2025-11-25 00:00:00', '+' || (n * 31536000 / {orders}) || ' seconds'),
                strftime('%Y-%m-%d %H:%M:%S', '2025-11-25 00:40:00', '+' || (n * 31536000 / {orders}) || ' seconds'),
                strftime('%Y-%m-%d %H:%M:%S', '2025-11-25 00:41:00', '+' || (n * 31536000 / {orders}) || ' seconds'),
                100000 + n % 300000, 0, 0, 100000 + n % 300000, 0, 1000 + n % 3000, 500 + n % 1500, 1500 + n % 3000 + n % 1500, 0, 0, 1500 + n % 3000 + n % 1500, 0, 15, 0, 1
            FROM seq JOIN g ON g.k = n % (SELECT COUNT(*) FROM g);
            """);
        Console.WriteLine($"seeded {orders:N0} orders in {watch.Elapsed.TotalSeconds:0} s");
    }
}
