using ChargeConsole.Domain.Infrastructure;
using ChargeConsole.Domain.Orders;
using ChargeConsole.Shared;
using ChargeConsole.Domain.Values;
using ChargeConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChargeConsole.Tests.EndToEnd;

/// <summary>运营首页 and 投资人首页 against an independent sum over the orders of the same stations and days.</summary>
[Collection(BrowserCollection.Name)]
[Trait(TestKind.Name, TestKind.Browser)]
public class HomeScenarios(BrowserApp app)
{
    private sealed record Sums(int Orders, Money Amount, Money Recharged);

    /// <summary>Straight over the orders (not the roll-ups): what settled orders of these stations charged since the China day began, and all recharges paid.</summary>
    private async Task<Sums> SumsAsync(int[]? stations)
    {
        await using var db = app.App.Context();
        var dayStart = ChinaTime.StartOfDayUtc(DateTime.UtcNow);
        var today = await db.ChargingOrders.AsNoTracking()
            .Where(o => o.Status == ChargingOrderStatus.Settled && o.SettledAt >= dayStart && (stations == null || stations.Contains(o.StationId)))
            .Select(o => new { o.TotalAmount, o.DiscountAmount }).ToListAsync();
        var recharged = await db.RechargeOrders.AsNoTracking().Where(r => r.PaidAt != null).Select(r => r.PaidAmount).ToListAsync();
        // What was charged: a coupon's discount is not revenue.
        return new Sums(today.Count, Money.FromFen(today.Sum(m => m.TotalAmount.Fen - m.DiscountAmount.Fen)), Money.FromFen(recharged.Sum(m => m.Fen)));
    }

    /// <summary>What the page and the database said at the last comparison, for the failure message.</summary>
    private static string _lastSeen = "";

    private static async Task<bool> ShowsAsync(IPage page, Sums sums, bool staff)
    {
        var orders = await page.GetByTestId("orders-today").InnerTextAsync();
        var amount = await page.GetByTestId("amount-today").InnerTextAsync();
        var recharged = staff ? await page.GetByTestId("recharge-amount-total").InnerTextAsync() : null;
        _lastSeen = $"page: {orders} orders, {amount}, recharged {recharged}; database: {sums.Orders} orders, {MoneyText.Yuan(sums.Amount)}, recharged {MoneyText.Yuan(sums.Recharged)}";
        return orders == sums.Orders.ToString("#,##0") && amount == MoneyText.Yuan(sums.Amount)
               && (!staff || recharged == MoneyText.Yuan(sums.Recharged));
    }

    [Fact]
    public Task The_operators_home_matches_the_orders_and_recharges_and_shows_charts_and_ranking() =>
        app.RunAsync("home_operator", async page =>
        {
            await BrowserApp.SignInAsync(page, "operator", "operator123");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "运营首页" })).ToBeVisibleAsync();
            await Expect(page.GetByTestId("orders-today")).ToBeVisibleAsync();
            // Orders settle live on this console, so compare until page and database agree at one moment.
            await LiveWebApp.Eventually(async () => await ShowsAsync(page, await SumsAsync(null), staff: true), "home cards equal the sums over orders", seconds: 30)
                .ContinueWith(t => t.IsFaulted ? throw new Xunit.Sdk.XunitException(t.Exception!.InnerException!.Message + " — " + _lastSeen) : t).Unwrap();
            await Expect(page.GetByText("近7日订单数")).ToBeVisibleAsync();
            await Expect(page.Locator(".mud-chart svg").First).ToBeVisibleAsync();
            await Expect(page.GetByTestId("new-users")).ToContainTextAsync("累计");
        });

    [Fact]
    public Task An_investors_home_counts_only_their_stations_and_shows_their_share() =>
        app.RunAsync("home_investor", async page =>
        {
            await BrowserApp.SignInAsync(page, "investor1", "investor123");
            await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "投资人首页" })).ToBeVisibleAsync();
            int[] stations;
            await using (var db = app.App.Context())
            {
                var investor = await db.Users.SingleAsync(u => u.UserName == "investor1");
                stations = await db.StationInvestors.Where(s => s.InvestorId == investor.Id).Select(s => s.StationId).ToArrayAsync();
            }
            await LiveWebApp.Eventually(async () => await ShowsAsync(page, await SumsAsync(stations), staff: false), "investor cards equal the sums over their stations", seconds: 30)
                .ContinueWith(t => t.IsFaulted ? throw new Xunit.Sdk.XunitException(t.Exception!.InnerException!.Message + " — " + _lastSeen) : t).Unwrap();
            await Expect(page.GetByTestId("my-share")).ToBeVisibleAsync();
            await Expect(page.GetByTestId("recharges")).ToHaveCountAsync(0);
            await Expect(page.Locator("body")).Not.ToContainTextAsync("南京南站P4充电站"); // investor2's and the platform's stations
            await Expect(page.Locator("body")).Not.ToContainTextAsync("江宁大学城充电站");
        });
}
