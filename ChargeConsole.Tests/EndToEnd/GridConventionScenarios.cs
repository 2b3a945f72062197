using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChargeConsole.Tests.EndToEnd;

/// <summary>What every list page promises: money as money, sortable columns, nothing hidden behind the actions column.</summary>
[Collection(BrowserCollection.Name)]
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
            var amounts = page.Locator(".mud-table-body tr td:nth-child(7)");

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

    private static decimal[] Yuan(IEnumerable<string> cells) =>
        cells.Select(c => decimal.Parse(c.Trim().TrimStart('¥'), NumberStyles.Number, CultureInfo.InvariantCulture)).ToArray();
}
