using System.Diagnostics;
using ChargeConsole.Data.Entities;
using ChargeConsole.Features.Coupons;
using ChargeConsole.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChargeConsole.Benchmarks;

/// <summary>
/// 全体发放 to N users: a fresh database with N registered users and one coupon, then the console's own background run
/// (the same service the app hosts) issues to all while a reader polls its progress as the page does; reports the
/// time, the peak working set, and the slowest progress read (the page stays responsive while it runs).
/// </summary>
internal static class CouponIssueLoad
{
    public static async Task<int> RunAsync(int users)
    {
        await using var bench = await BenchDatabase.CreateAsync();
        await using (var db = bench.Context())
        {
            await db.Database.ExecuteSqlAsync($"""
                WITH RECURSIVE seq(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM seq WHERE n < {users})
                INSERT INTO AppUsers (Phone, Nickname, RegisteredAt, Disabled) SELECT '13' || printf('%09d', n), '用户' || n, '2026-01-01', 0 FROM seq;
                """);
            db.Coupons.Add(new Coupon
            {
                Name = "压测券", Threshold = Domain.Values.Money.FromFen(10_00), Discount = Domain.Values.Money.FromFen(2_00), TotalQuantity = users + 1000, PerUserLimit = 1,
                ValidFrom = DateTime.UtcNow.AddMinutes(-1), ValidTo = DateTime.UtcNow.AddDays(30), ClaimMethod = CouponClaimMethod.Issued, ClaimToken = "0123456789abcdef01234567",
                CreatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }
        int couponId;
        await using (var db = bench.Context()) couponId = await db.Coupons.Select(c => c.Id).SingleAsync();
        var runs = bench.Services.GetRequiredService<CouponIssueRuns>();
        var started = await runs.StartAsync(new AccessScope("bench", "压测", false, null), couponId);
        if (!started.Succeeded) { Console.Error.WriteLine(started.Error); return 1; }

        var process = Process.GetCurrentProcess();
        process.Refresh();
        var before = process.WorkingSet64;
        var watch = Stopwatch.StartNew();
        await runs.StartAsync(CancellationToken.None);
        var slowestRead = TimeSpan.Zero;
        CouponIssueRun? run;
        do
        {
            await Task.Delay(200);
            var read = Stopwatch.StartNew();
            run = await runs.LatestAsync(couponId);
            slowestRead = read.Elapsed > slowestRead ? read.Elapsed : slowestRead;
        } while (run!.Status == IssueRunStatus.Running && watch.Elapsed < TimeSpan.FromMinutes(10));
        var elapsed = watch.Elapsed;
        await runs.StopAsync(CancellationToken.None);
        process.Refresh();
        await using var check = bench.Context();
        var claims = await check.CouponClaims.CountAsync();
        Console.WriteLine($"全体发放 to {users:N0} users: {elapsed.TotalSeconds:0.0} s, issued {run.Issued:N0}, claims in the database {claims:N0}");
        Console.WriteLine($"process peak working set {process.PeakWorkingSet64 / 1024 / 1024} MB (before the run {before / 1024 / 1024} MB); slowest progress read while running {slowestRead.TotalMilliseconds:0} ms");
        return claims == users ? 0 : 1;
    }
}
