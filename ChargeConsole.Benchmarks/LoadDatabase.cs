using ChargeConsole.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Benchmarks;

/// <summary>A console database with many registered piles, for the pile-host load test.</summary>
internal static class LoadDatabase
{
    public const string FirstCode = "32990000000001", FirstOcppCode = "32980000000001";

    /// <summary><c>load-db PATH [N]</c> makes a fresh SQLite file; <c>load-db --postgres CONN [N]</c> adds the piles
    /// to a PostgreSQL console database (migrated first; a cluster's nodes may already run on it).</summary>
    public static async Task<int> CreateAsync(string[] args)
    {
        if (args.ElementAtOrDefault(1) == "--postgres")
        {
            var connection = args.ElementAtOrDefault(2) ?? throw new ArgumentException("load-db --postgres CONNECTION [N]");
            var count = int.TryParse(args.ElementAtOrDefault(3), out var n) ? n : 10_000;
            var pgOptions = new DbContextOptionsBuilder<PostgresChargeDbContext>().UseNpgsql(connection).Options;
            await using var pg = new PostgresChargeDbContext(pgOptions);
            await pg.Database.MigrateAsync();
            await SeedPostgresPilesAsync(pg, "3299", count);
            Console.WriteLine($"PostgreSQL: {count} piles with 2 guns each, codes {FirstCode}…");
            return 0;
        }
        var path = Path.GetFullPath(args.ElementAtOrDefault(1) ?? "data/load.db");
        var piles = int.TryParse(args.ElementAtOrDefault(2), out var m) ? m : 10_000;
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (File.Exists(path)) File.Delete(path);
        var options = new DbContextOptionsBuilder<SqliteChargeDbContext>().UseSqlite($"Data Source={path}").Options;
        var ocpp = Array.IndexOf(args, "--ocpp") is var at and >= 0 && int.TryParse(args.ElementAtOrDefault(at + 1), out var k) ? k : 0;
        await using (var db = new SqliteChargeDbContext(options))
        {
            await db.Database.MigrateAsync();
            await SeedPilesAsync(db, "3299", piles);
            if (ocpp > 0) await SeedPilesAsync(db, "3298", ocpp, protocol: 160);
        }
        SqliteConnection.ClearAllPools();
        Console.WriteLine($"{path}: {piles} YKC piles with 2 guns each, codes {FirstCode}…" + (ocpp > 0 ? $"; {ocpp} OCPP 1.6J piles, codes {FirstOcppCode}…" : ""));
        return 0;
    }

    /// <summary>
    /// A station with <paramref name="piles"/> two-gun piles coded <paramref name="prefix"/> + serial, inserted with
    /// set-based SQL so that seeding costs the process next to no memory.
    /// </summary>
    public static async Task SeedPilesAsync(ChargeDbContext db, string prefix, int piles, int protocol = 15)
    {
        var width = 14 - prefix.Length;
        await db.Database.ExecuteSqlRawAsync("INSERT INTO Stations (Name, Address, Latitude, Longitude, IsOpen, SplitBase, CreatedAt) VALUES ('压测电站', '南京', 32, 118, 1, 0, '2026-01-01 00:00:00');");
        var stationId = await db.Stations.MaxAsync(s => s.Id);
        await db.Database.ExecuteSqlAsync($"""
            WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < {piles})
            INSERT INTO Piles (Code, Name, StationId, Model, Type, PowerKw, GunCount, Protocol, Online, MissingBillingTemplate, CreatedAt)
            SELECT {prefix} || printf('%0' || {width} || 'd', n), n || '号桩', {stationId}, 'DC120', 0, '120.0', 2, {protocol}, 0, 0, '2026-01-01 00:00:00' FROM seq;
            """);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO Guns (Code, Number, PileId, StationId, Status, PluggedIn, FaultBits)
            SELECT p.Code || printf('%02d', g.n), g.n, p.Id, p.StationId, 0, 0, 0
            FROM Piles p CROSS JOIN (SELECT 1 AS n UNION ALL SELECT 2) g WHERE p.StationId = {stationId};
            """);
    }

    /// <summary>The same piles in PostgreSQL's words (quoted names, real booleans, generate_series).</summary>
    private static async Task SeedPostgresPilesAsync(ChargeDbContext db, string prefix, int piles)
    {
        var width = 14 - prefix.Length;
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO "Stations" ("Name", "Address", "Latitude", "Longitude", "IsOpen", "SplitBase", "CreatedAt")
            VALUES ('压测电站', '南京', 32, 118, TRUE, 0, TIMESTAMPTZ '2026-01-01 00:00:00+00');
            """);
        var stationId = await db.Stations.MaxAsync(s => s.Id);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Piles" ("Code", "Name", "StationId", "Model", "Type", "PowerKw", "GunCount", "Protocol", "Online", "MissingBillingTemplate", "CreatedAt")
            SELECT {prefix} || lpad(n::text, {width}, '0'), n::text || '号桩', {stationId}, 'DC120', 0, 120.0, 2, 15, FALSE, FALSE, TIMESTAMPTZ '2026-01-01 00:00:00+00'
            FROM generate_series(1, {piles}) AS n;
            """);
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO "Guns" ("Code", "Number", "PileId", "StationId", "Status", "PluggedIn", "FaultBits")
            SELECT p."Code" || lpad(g.n::text, 2, '0'), g.n, p."Id", p."StationId", 0, FALSE, 0
            FROM "Piles" p CROSS JOIN (VALUES (1), (2)) AS g(n) WHERE p."StationId" = {stationId};
            """);
    }
}
