using ChargeConsole.Domain.Infrastructure;
using ChargeConsole.Domain.Orders;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using ChargeConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Tests.Demo;

/// <summary>Issue 20, item 24: the demo's past reads like a real network's, as an operator looking at it first would check.</summary>
[Trait(TestKind.Name, TestKind.Live)]
public sealed class DemoSeedTests
{
    /// <summary>
    /// Seeded at these China times (on fixed days, so the seed's random history is the same on every run): just after
    /// midnight once left charges running into the future and top-ups crowded at one minute.
    /// </summary>
    [Theory]
    [InlineData("2026-12-02 00:20")]
    [InlineData("2026-12-02 03:02")]
    [InlineData("2026-12-05 14:45")]
    public async Task The_demo_history_has_no_future_logins_no_midnight_burst_of_recharges_and_no_charge_faster_than_its_pile(string chinaTime)
    {
        var now = ChinaTime.ToUtc(DateTime.ParseExact(chinaTime, "yyyy-MM-dd HH:mm", System.Globalization.CultureInfo.InvariantCulture));
        await using var app = LiveWebApp.Start(new Dictionary<string, string> { ["Demo:HistoryDays"] = "14", ["Demo:SimulatePiles"] = "false" },
            services => services.AddSingleton<TimeProvider>(new FakeTimeProvider(new DateTimeOffset(now, TimeSpan.Zero)) { AutoAdvanceAmount = TimeSpan.FromMilliseconds(1) }));
        await using var db = app.Context();

        var users = await db.AppUsers.AsNoTracking().Select(u => new { u.Phone, u.RegisteredAt, u.LastLoginAt }).ToListAsync();
        Assert.Equal(200, users.Count);
        Assert.All(users, u => Assert.True(u.LastLoginAt is null || u.LastLoginAt <= now, $"{u.Phone} 最近登录 {u.LastLoginAt:u} is after now"));
        Assert.All(users, u => Assert.True(u.LastLoginAt is null || u.LastLoginAt >= u.RegisteredAt, $"{u.Phone} logged in before registering"));

        var paid = await db.RechargeOrders.AsNoTracking().Where(o => o.PaidAt != null).Select(o => o.PaidAt!.Value).ToListAsync();
        Assert.NotEmpty(paid);
        Assert.All(paid, at => Assert.True(at <= now, $"a recharge paid at {at:u}, after now"));
        // People top up one by one: never a crowd of wallets at one minute (the seed once dated 214 of them at midnight).
        var busiestMinute = paid.GroupBy(at => new DateTime(at.Year, at.Month, at.Day, at.Hour, at.Minute, 0)).Max(g => g.Count());
        Assert.True(busiestMinute <= 3, $"{busiestMinute} recharges paid in one minute");

        var orders = await db.ChargingOrders.AsNoTracking().Where(o => o.Status == ChargingOrderStatus.Settled)
            .Select(o => new { o.OrderNo, o.Energy, o.StartedAt, o.EndedAt, PowerKw = db.Piles.Where(p => p.Id == o.PileId).Select(p => p.PowerKw).First() }).ToListAsync();
        Assert.True(orders.Count > 500, $"only {orders.Count} history orders");
        Assert.All(orders, o =>
        {
            var hours = (decimal)(o.EndedAt!.Value - o.StartedAt!.Value).TotalHours;
            Assert.True(o.Energy.Kwh <= o.PowerKw * hours, $"{o.OrderNo}: {o.Energy.Kwh} kWh in {hours * 60:0} min on a {o.PowerKw} kW pile");
            Assert.True(o.EndedAt <= now, $"{o.OrderNo} ended after now");
        });
    }
}
