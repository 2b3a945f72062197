using System.Diagnostics;
using ChargeConsole.Data;
using ChargeConsole.Domain.Orders;
using ChargeConsole.Features.Orders;
using ChargeConsole.Infrastructure.Auth;
using ChargeConsole.Infrastructure.Grid;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using MudBlazor;

namespace ChargeConsole.Benchmarks;

/// <summary>
/// The orders grid at scale: N orders over a year on 4 stations and 20,000 users, then each of the page's filters
/// timed as the page runs it (count + one sorted page, through the same query and grid code).
/// </summary>
internal static class OrdersGridBenchmark
{
    public static async Task<int> RunAsync(string path, int orders)
    {
        path = Path.GetFullPath(path);
        var options = new DbContextOptionsBuilder<SqliteChargeDbContext>().UseSqlite($"Data Source={path}").Options;
        if (!File.Exists(path)) await SeedAsync(options, path, orders);

        var scope = new AccessScope("bench", "bench", false, null);
        int stationId;
        string someOrderNo;
        await using (var db = new SqliteChargeDbContext(options))
        {
            stationId = await db.Stations.OrderBy(s => s.Id).Select(s => s.Id).Skip(1).FirstAsync();
            someOrderNo = await db.ChargingOrders.Where(o => o.Id == orders / 2).Select(o => o.OrderNo).FirstAsync();
            Console.WriteLine($"{path}: {await db.ChargingOrders.CountAsync()} orders");
        }
        var day = new DateTime(2026, 6, 15);
        var cases = new (string Name, ChargingOrderFilter Filter, int Page)[]
        {
            ("no filter, first page", new(), 0),
            ("no filter, page 500", new(), 500),
            ("one day", new() { From = day, To = day }, 0),
            ("one month", new() { From = day, To = day.AddDays(30) }, 0),
            ("status Unpaid", new() { Status = ChargingOrderStatus.Unpaid }, 0),
            ("station", new() { StationId = stationId }, 0),
            ("station + month + Settled", new() { StationId = stationId, From = day, To = day.AddDays(30), Status = ChargingOrderStatus.Settled }, 0),
            ("phone (part)", new() { Phone = "1380001234" }, 0),
            ("order no (full)", new() { OrderNo = someOrderNo }, 0),
            ("order no (first 8 chars)", new() { OrderNo = someOrderNo[..8] }, 0),
        };
        Console.WriteLine($"{"filter",-28} {"rows",9} {"median ms",10} {"max ms",8}");
        foreach (var (name, filter, page) in cases)
        {
            var times = new List<double>();
            var total = 0;
            for (var run = 0; run < 6; run++)
            {
                await using var db = new SqliteChargeDbContext(options);
                var watch = Stopwatch.StartNew();
                var data = await ChargingOrderService.Query(db, scope, filter)
                    .ToGridDataAsync(new GridState<ChargingOrderRow> { Page = page, PageSize = 20 }, CancellationToken.None, x => x.CreatedAt, defaultDescending: true);
                watch.Stop();
                total = data.TotalItems;
                if (run > 0) times.Add(watch.Elapsed.TotalMilliseconds); // the first run warms the page cache
            }
            times.Sort();
            Console.WriteLine($"{name,-28} {total,9} {times[times.Count / 2],10:0.0} {times[^1],8:0.0}");
        }
        return 0;
    }

    private static async Task SeedAsync(DbContextOptions<SqliteChargeDbContext> options, string path, int orders)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var watch = Stopwatch.StartNew();
        await using (var db = new SqliteChargeDbContext(options))
        {
            await db.Database.MigrateAsync();
            foreach (var prefix in new[] { "3291", "3292", "3293", "3294" }) await LoadDatabase.SeedPilesAsync(db, prefix, 10);
            await db.Database.ExecuteSqlRawAsync("""
                WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < 20000)
                INSERT INTO AppUsers (Phone, Nickname, RegisteredAt, Disabled) SELECT '138' || printf('%08d', n), '用户' || n, '2025-01-01 00:00:00', 0 FROM seq;
                INSERT INTO Wallets (AppUserId, Principal, Bonus, Points, Frozen, Version) SELECT Id, 0, 0, 0, 0, 1 FROM AppUsers;
                """);
            await db.Database.ExecuteSqlRawAsync("CREATE TEMP TABLE g AS SELECT row_number() OVER (ORDER BY Id) - 1 AS k, Id, PileId, StationId, Code FROM Guns;");
            // A year of orders, evenly spread; statuses as a live network has them (mostly settled).
            await db.Database.ExecuteSqlAsync($"""
                WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < {orders})
                INSERT INTO ChargingOrders (OrderNo, TransactionSerial, AppUserId, StationId, PileId, GunId, GunCode, Status, Source, CreatedAt, StartedAt, EndedAt,
                    Energy, SharpEnergy, PeakEnergy, FlatEnergy, ValleyEnergy, ElectricityFee, ServiceFee, TotalAmount, DiscountAmount, AmountMismatch,
                    PaidPrincipal, PaidBonus, PointsEarned, RecordOverdue, Version)
                SELECT 'CD' || printf('%010d', n), NULL, n % 20000 + 1, g.StationId, g.PileId, g.Id, g.Code,
                    CASE WHEN n % 20 = 0 THEN 5 WHEN n % 50 = 1 THEN 6 ELSE 4 END, 0,
                    strftime('%Y-%m-%d %H:%M:%S', '2025-11-25 00:00:00', '+' || (n * 31536000 / {orders}) || ' seconds'),
                    strftime('%Y-%m-%d %H:%M:%S', '2025-11-25 00:00:00', '+' || (n * 31536000 / {orders}) || ' seconds'),
                    strftime('%Y-%m-%d %H:%M:%S', '2025-11-25 00:40:00', '+' || (n * 31536000 / {orders}) || ' seconds'),
                    250000, 0, 0, 250000, 0, 2500, 1250, 3750, 0, 0, 3750, 0, 37, 0, 1
                FROM seq JOIN g ON g.k = n % (SELECT COUNT(*) FROM g);
                """);
            await db.Database.ExecuteSqlRawAsync("ANALYZE;");
        }
        SqliteConnection.ClearAllPools();
        Console.WriteLine($"seeded {orders} orders in {watch.Elapsed.TotalSeconds:0} s");
    }
}
