using System.Diagnostics;
using ChargeConsole.Data;
using ChargeConsole.Devices.Simulator;
using ChargeConsole.Devices.Ykc;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Benchmarks;

/// <summary>
/// Settlement throughput: a console database whose piles each have orders charging for funded users
/// (<c>settle-db</c>), then many simulated piles that connect and send the transaction records of those
/// orders (<c>settle</c>). A record counts once the console's 0x40 arrives, which it sends only after the
/// settlement committed, so confirmations per second is settled records per second.
/// </summary>
internal static class SettlementLoad
{
    /// <summary>The serial of the pile's n-th benchmark order (32 digits, gun 1).</summary>
    public static string Serial(string pileCode, int n) => $"{pileCode}01" + "2611250000" + n.ToString("000000");

    public static async Task<int> CreateDatabaseAsync(string path, int piles, int recordsPerPile)
    {
        path = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        if (File.Exists(path)) File.Delete(path);
        var options = new DbContextOptionsBuilder<SqliteChargeDbContext>().UseSqlite($"Data Source={path}").Options;
        await using (var db = new SqliteChargeDbContext(options))
        {
            await db.Database.MigrateAsync();
            await LoadDatabase.SeedPilesAsync(db, "3299", piles);
            // Flat 1.00 + 0.50 yuan/kWh all day, on the station; users with 10,000 yuan each and its opening ledger entry.
            await db.Database.ExecuteSqlRawAsync("""
                INSERT INTO ElectricityPrices (Name, Sharp, Peak, Flat, Valley, CreatedAt, UpdatedAt) VALUES ('压测电价', 100000, 100000, 100000, 100000, '2026-01-01', '2026-01-01');
                INSERT INTO BillingTemplates (Name, ElectricityPriceId, SharpServiceFee, PeakServiceFee, FlatServiceFee, ValleyServiceFee, Slots, ModelNumber, CreatedAt, UpdatedAt)
                  VALUES ('压测模板', (SELECT MAX(Id) FROM ElectricityPrices), 50000, 50000, 50000, 50000, '222222222222222222222222222222222222222222222222', 1, '2026-01-01', '2026-01-01');
                UPDATE Stations SET BillingTemplateId = (SELECT MAX(Id) FROM BillingTemplates);
                """);
            await db.Database.ExecuteSqlAsync($"""
                WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < {piles})
                INSERT INTO AppUsers (Phone, Nickname, RegisteredAt, Disabled) SELECT '136' || printf('%08d', n), '压测' || n, '2026-01-01', 0 FROM seq;
                INSERT INTO Wallets (AppUserId, Principal, Bonus, Points, Frozen, Version) SELECT Id, 1000000, 0, 0, 0, 1 FROM AppUsers WHERE Phone LIKE '136%';
                INSERT INTO LedgerEntries (WalletId, AppUserId, Account, Amount, BalanceAfter, Source, SourceNo, Remark, CreatedAt)
                  SELECT w.Id, w.AppUserId, 0, 1000000, 1000000, 3, 'BENCH-OPEN', '压测初始余额', '2026-01-01' FROM Wallets w;
                """);
            // One funded user per pile, and recordsPerPile orders charging on its gun 1.
            await db.Database.ExecuteSqlAsync($"""
                WITH RECURSIVE r(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM r WHERE n < {recordsPerPile})
                INSERT INTO ChargingOrders (OrderNo, TransactionSerial, AppUserId, StationId, PileId, GunId, GunCode, Status, Source, BillingTemplateId, ModelNumber,
                    CreatedAt, StartedAt, Energy, SharpEnergy, PeakEnergy, FlatEnergy, ValleyEnergy, ElectricityFee, ServiceFee, TotalAmount, DiscountAmount,
                    AmountMismatch, PaidPrincipal, PaidBonus, PointsEarned, RecordOverdue, Version)
                SELECT 'YC' || p.Code || printf('%04d', r.n), p.Code || '01' || '2611250000' || printf('%06d', r.n), u.Id, p.StationId, p.Id, g.Id, g.Code, 1, 0,
                    (SELECT MAX(Id) FROM BillingTemplates), 1, '2026-11-25 02:00:00', '2026-11-25 02:00:00', 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1
                FROM Piles p JOIN Guns g ON g.PileId = p.Id AND g.Number = 1
                JOIN AppUsers u ON u.Phone = '136' || printf('%08d', CAST(substr(p.Code, 5) AS INTEGER))
                CROSS JOIN r;
                """);
        }
        SqliteConnection.ClearAllPools();
        Console.WriteLine($"{path}: {piles} piles (codes {LoadDatabase.FirstCode}…), {piles} users with 10000 yuan, {piles * recordsPerPile} orders charging");
        return 0;
    }

    public static async Task<int> RunAsync(string[] args)
    {
        string Arg(string name, string fallback) => args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback;
        var host = Arg("--host", "127.0.0.1");
        var port = int.Parse(Arg("--port", "8767"));
        var count = int.Parse(Arg("--count", "1000"));
        var records = int.Parse(Arg("--records", "5"));
        var from = long.Parse(Arg("--from", LoadDatabase.FirstCode));

        var piles = Enumerable.Range(0, count).Select(i => new SimulatedPile(new SimulatedPileOptions
        {
            PileCode = (from + i).ToString("00000000000000"), GunCount = 2, HeartbeatInterval = TimeSpan.FromSeconds(10),
            RecordResendInterval = TimeSpan.FromSeconds(5), // a record the console left unanswered (its per-pile cap) comes back, as from a real pile
        }, host, port)).ToList();
        Console.WriteLine($"connecting {count} piles to {host}:{port}");
        foreach (var chunk in piles.Chunk(200)) { foreach (var p in chunk) p.Start(); await Task.Delay(100); }
        var wait = Stopwatch.StartNew();
        while (piles.Any(p => p.State != SimulatedPileState.Online) && wait.Elapsed < TimeSpan.FromMinutes(2)) await Task.Delay(200);
        Console.WriteLine($"{piles.Count(p => p.State == SimulatedPileState.Online)} online after {wait.Elapsed.TotalSeconds:0.0} s; sending {count * records} transaction records");

        var total = count * records;
        var watch = Stopwatch.StartNew();
        // As real piles do: each gun has at most one record awaiting its 0x40, so a pile sends its next record when
        // one of its two in flight is confirmed (the console also caps the records a pile may have waiting).
        var sending = Task.WhenAll(piles.Select(async p =>
        {
            for (var n = 1; n <= records; n++)
            {
                while (p.Confirmations < n - 2 && watch.Elapsed < TimeSpan.FromMinutes(10)) await Task.Delay(20);
                await p.ResendRecordAsync(Record(p.PileCode, n));
            }
        }));
        var timeline = new List<(double Seconds, int Confirmed)>();
        var limit = TimeSpan.FromSeconds(double.Parse(Arg("--seconds", "300")));
        while (piles.Sum(p => p.Confirmations) < total && watch.Elapsed < limit)
        {
            await Task.Delay(250);
            timeline.Add((watch.Elapsed.TotalSeconds, piles.Sum(p => p.Confirmations)));
        }
        var elapsed = watch.Elapsed;
        var confirmed = piles.Sum(p => p.Confirmations);
        Console.WriteLine($"sent {total} records, two in flight per pile; {confirmed} confirmed (0x40 after commit) in {elapsed.TotalSeconds:0.00} s");
        Console.WriteLine($"settlement throughput: {confirmed / elapsed.TotalSeconds:0} records/s with {piles.Count(p => p.State == SimulatedPileState.Online)} piles connected");
        foreach (var (s, c) in timeline.Where((_, i) => i % 4 == 0)) Console.WriteLine($"  t={s,6:0.0}s confirmed={c}");
        await Task.WhenAll(piles.Select(p => p.StopAsync()));
        return confirmed == total ? 0 : 1;
    }

    /// <summary>10 kWh in the flat period at 1.50 yuan/kWh: 15.00 yuan, as the benchmark template prices it.</summary>
    private static TransactionRecord Record(string pileCode, int n)
    {
        const uint energy = 100_000;
        var start = new DateTime(2026, 11, 25, 10, 0, 0);
        PeriodUsage None() => new(0, 0, 0, 0);
        return new TransactionRecord(Serial(pileCode, n), pileCode, 1, start, start.AddMinutes(20),
            [None(), None(), new PeriodUsage(150_000, energy, energy, 150_000), None()], 0, energy, energy, energy, 150_000,
            "", 0x01, start.AddMinutes(20), 0x45, "0000000000000000");
    }
}
