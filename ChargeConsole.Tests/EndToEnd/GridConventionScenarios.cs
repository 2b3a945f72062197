using ChargeConsole.Tests.Support;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChargeConsole.Tests.EndToEnd;

/// <summary>What every list page promises: money as money, sortable columns, nothing hidden behind the actions column.</summary>
[Collection(BrowserCollection.Name)]
[Trait(TestKind.Name, TestKind.Browser)]
public class GridConventionScenarios(BrowserApp app)
{
    [Fact]
    public Task Money_reads_with_yuan_sign_and_thousands_and_the_balance_checkbox_starts_off() =>
        app.RunAsync("grid_money", async page =>
        {
            await BrowserApp.SignInAsync(page, "operator", "operator123");
            await page.GotoAsync("/wallets");
            await BrowserApp.WaitForCircuitAsync(page);

            var principalTotal = page.Locator(".mud-paper", new() { HasText = "本金总额" }).Locator("h5");
            await Expect(principalTotal).ToHaveTextAsync(new Regex(@"^¥\d{1,3}(,\d{3})+\.\d{2}$")); // 200 demo wallets hold tens of thousands
            await Expect(page.GetByLabel("仅显示有余额")).Not.ToBeCheckedAsync();
            Assert.False(await page.GetByLabel("仅显示有余额").EvaluateAsync<bool>("e => e.indeterminate"));
            var cells = await page.Locator(".mud-table-body tr td:nth-child(3)").AllInnerTextsAsync();
            Assert.NotEmpty(cells);
            Assert.All(cells, c => Assert.Matches(@"^¥\d{1,3}(,\d{3})*\.\d{2}$", c.Trim()));
            var favicon = await page.Locator("link[rel=icon]").GetAttributeAsync("href");
            Assert.True((await page.APIRequest.GetAsync(favicon!)).Ok, "the favicon is served");
        });

    [Fact]
    public Task Clicking_a_money_header_sorts_the_orders_by_amount_both_ways() =>
        app.RunAsync("grid_sort", async page =>
        {
            await BrowserApp.SignInAsync(page, "operator", "operator123");
            await page.GotoAsync("/orders");
            await BrowserApp.WaitForCircuitAsync(page);
            var header = page.Locator(".mud-table-head th", new() { HasText = "金额" }).Locator(".sortable-column-header, .column-header").First;
            var amounts = page.Locator(".mud-table-body tr td[data-label='金额']");

            var ascending = await SortedAsync(header, amounts, a => a.Order());
            var descending = await SortedAsync(header, amounts, a => a.OrderDescending());
            Assert.True(descending[0] > ascending[0], "the most expensive order first, then the cheapest");
        });

    /// <summary>Clicks the header, then waits until the rows read in the expected order.</summary>
    private static async Task<decimal[]> SortedAsync(ILocator header, ILocator cells, Func<decimal[], IEnumerable<decimal>> order)
    {
        await header.ClickAsync();
        decimal[] shown = [];
        await Support.LiveWebApp.Eventually(async () =>
        {
            shown = Yuan(await cells.AllInnerTextsAsync());
            return shown.Length > 1 && shown.SequenceEqual(order(shown)) && shown.Distinct().Count() > 1;
        }, "rows sorted by amount");
        return shown;
    }

    [Fact]
    public Task On_a_laptop_screen_the_last_column_of_a_wide_grid_can_be_scrolled_into_view_beside_the_actions() =>
        app.RunAsync("grid_wide", async page =>
        {
            await page.SetViewportSizeAsync(1280, 800);
            await BrowserApp.SignInAsync(page, "operator", "operator123");
            await page.GotoAsync("/orders");
            await BrowserApp.WaitForCircuitAsync(page);
            await page.Locator(".mud-table-body tr").First.WaitForAsync();

            // Scrolled fully right, the last column sits left of the sticky actions column, not underneath it.
            await page.WaitForFunctionAsync(@"() => {
                const box = document.querySelector('.mud-table-container');
                box.scrollLeft = box.scrollWidth;
                const th = [...box.querySelectorAll('thead th')];
                const last = th.find(t => t.textContent.includes('停止原因')).getBoundingClientRect();
                const actions = th.find(t => t.textContent.includes('操作')).getBoundingClientRect();
                return last.right <= actions.left + 1 && last.left >= box.getBoundingClientRect().left;
            }");
        });

    /// <summary>Issue 20, items 18 and 19: at 1366×768 a row's status and money are in view, not under 操作, and a chosen date reads whole.</summary>
    [Fact]
    public Task At_1366_pixels_status_and_money_are_in_view_on_the_busiest_lists_and_dates_read_whole() =>
        app.RunAsync("grid_1366", async page =>
        {
            await BrowserApp.SignInAsync(page, "operator", "operator123");
            foreach (var (path, status, money) in new[] { ("/orders", "状态", "金额"), ("/recharge-orders", "状态", "支付金额"), ("/invoices", "状态", "开票金额"), ("/coupons", "状态", "规则") })
            {
                await page.GotoAsync(path);
                await BrowserApp.WaitForCircuitAsync(page);
                await page.Locator(".mud-table-head th").First.WaitForAsync();
                var visible = await page.EvaluateAsync<string>(@"([status, money]) => {
                    const th = [...document.querySelectorAll('.mud-table-head th')];
                    const label = t => t.textContent.trim().replace(/\d+$/, '').trim(); // a sortable header ends with its sort index
                    const find = name => th.find(t => label(t) === name)?.getBoundingClientRect();
                    const actions = find('操作'), s = find(status), m = find(money);
                    if (!actions || !s || !m) return 'missing a header';
                    const ok = r => r.left >= 0 && r.right <= actions.left + 1 && r.right <= window.innerWidth;
                    return ok(s) && ok(m) ? 'ok' : `status ${s.left}-${s.right}, money ${m.left}-${m.right}, actions from ${actions.left}`;
                }", new[] { status, money });
                Assert.True(visible == "ok", $"{path} at {BrowserApp.Width} px: {visible}");
            }

            // A chosen period reads whole in its field (not 「2026-11-」).
            await page.GotoAsync("/orders");
            await BrowserApp.WaitForCircuitAsync(page);
            var inputs = page.Locator(".cc-date-range input");
            await inputs.Nth(0).FillAsync("2026-11-30");
            await inputs.Nth(0).PressAsync("Tab");
            await inputs.Nth(1).FillAsync("2026-12-31");
            await inputs.Nth(1).PressAsync("Tab");
            foreach (var i in new[] { 0, 1 })
                Assert.True(await inputs.Nth(i).EvaluateAsync<bool>("e => e.scrollWidth <= e.clientWidth"), $"date {i} is cut: {await inputs.Nth(i).InputValueAsync()}");
        });

    private static decimal[] Yuan(IEnumerable<string> cells) =>
        cells.Select(c => decimal.Parse(c.Trim().TrimStart('¥'), NumberStyles.Number, CultureInfo.InvariantCulture)).ToArray();
}
