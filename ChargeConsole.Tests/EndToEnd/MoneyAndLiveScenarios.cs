using ChargeConsole.Tests.Support;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChargeConsole.Tests.EndToEnd;

/// <summary>What an operator watches and does with money: a live charge stopped from the orders page, wallet top-ups and refusals, guns going offline.</summary>
[Collection(BrowserCollection.Name)]
[Trait(TestKind.Name, TestKind.Browser)]
public class MoneyAndLiveScenarios(BrowserApp app)
{

    private static ILocator Row(IPage page, string text) => page.Locator(".mud-table-body tr", new() { HasText = text });

    [Fact]
    public Task A_charge_started_in_the_app_appears_grows_and_is_stopped_and_settled_from_the_open_orders_page() =>
        app.RunAsync("orders_live", async page =>
        {
            const string phone = "13910000000";
            await BrowserApp.SignInAsync(page, "operator", "operator123");
            await page.GotoAsync("/orders");
            await BrowserApp.WaitForCircuitAsync(page);
            await BrowserApp.FilterAsync(page, "手机号", phone);

            var user = await app.App.AppUserAsync(phone);
            var started = await user.PostAsJsonAsync("/api/app/v1/orders", new { gunCode = "3201020000000201" });
            Assert.True(started.IsSuccessStatusCode, await started.Content.ReadAsStringAsync());
            var orderNo = (await started.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderNo").GetString()!;

            // The rows the operator is reading stay put: the new order is announced, and shown when asked for.
            var row = Row(page, orderNo);
            await Expect(page.GetByTestId("new-orders")).ToContainTextAsync("1 条新订单");
            await Expect(row).ToHaveCountAsync(0);
            await page.GetByTestId("new-orders").ClickAsync();
            // No reload from here on: the open page follows the order.
            await Expect(row).ToContainTextAsync("充电中");
            var energy = row.Locator("td[data-label='电量(kWh)']");
            await Expect(energy).Not.ToHaveTextAsync("0.0000");
            var first = await energy.InnerTextAsync();
            await Expect(energy).Not.ToHaveTextAsync(first); // and it grows

            await row.GetByRole(AriaRole.Button, new() { Name = "结束充电" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Dialog)).ToContainTextAsync("请谨慎使用");
            await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "结束充电" }).ClickAsync();
            await Expect(row).ToContainTextAsync("已结算");

            await row.GetByRole(AriaRole.Button, new() { Name = "账单明细" }).ClickAsync();
            var bill = page.GetByRole(AriaRole.Dialog);
            await Expect(bill).ToContainTextAsync("资金变动");
            await Expect(bill).ToContainTextAsync("充电消费");
        });

    [Fact]
    public Task A_top_up_with_a_reason_shows_in_the_ledger_and_a_deduction_beyond_the_balance_is_refused() =>
        app.RunAsync("wallets", async page =>
        {
            const string phone = "13910000037";
            await BrowserApp.SignInAsync(page, "operator", "operator123");
            await page.GotoAsync("/wallets");
            await BrowserApp.WaitForCircuitAsync(page);
            await BrowserApp.FilterAsync(page, "手机号/昵称", phone);
            await Expect(page.Locator(".mud-table-body td[data-label]").First).ToContainTextAsync(phone);

            await Row(page, phone).GetByRole(AriaRole.Button, new() { Name = "充值划扣" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            var amount = dialog.GetByLabel("金额(元)");
            await amount.FillAsync("12a");
            await amount.BlurAsync();
            await Expect(dialog).ToContainTextAsync("请输入有效的数字"); // in Chinese, not MudBlazor's "Not a valid number"
            await amount.FillAsync("12.34");
            await amount.BlurAsync();
            await Expect(dialog).Not.ToContainTextAsync("请输入有效的数字"); // and gone once the value is fixed
            await dialog.GetByLabel("原因").FillAsync("浏览器测试线下转账");
            await dialog.First.GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
            await Expect(dialog).ToHaveCountAsync(2);
            await Expect(dialog.Last).ToContainTextAsync("充值 12.34 元");
            await dialog.Last.GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
            await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("12.34");

            await Row(page, phone).GetByRole(AriaRole.Button, new() { Name = "充值划扣" }).ClickAsync();
            await dialog.GetByText("划扣", new() { Exact = true }).ClickAsync();
            await dialog.GetByLabel("金额(元)").FillAsync("99999");
            await dialog.GetByLabel("原因").FillAsync("超额划扣");
            await dialog.First.GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
            // Refused in the form, before any confirmation is asked for (issue 20, item 23).
            await Expect(dialog.First).ToContainTextAsync("划扣金额 99999.00 元超过可扣除本金");
            await Expect(dialog).ToHaveCountAsync(1);
            await dialog.First.GetByRole(AriaRole.Button, new() { Name = "取消" }).ClickAsync();

            await page.GotoAsync("/ledger");
            await BrowserApp.WaitForCircuitAsync(page);
            await BrowserApp.FilterAsync(page, "手机号", phone);
            await Expect(Row(page, "浏览器测试线下转账").First).ToContainTextAsync("12.34");
        });

    [Fact]
    public Task A_pile_that_disconnects_turns_its_guns_offline_on_the_open_guns_page() =>
        app.RunAsync("guns_offline", async page =>
        {
            const string pileCode = "32010200000040";
            await BrowserApp.SignInAsync(page, "operator", "operator123");
            await page.GotoAsync("/guns");
            await BrowserApp.WaitForCircuitAsync(page);
            await BrowserApp.FilterAsync(page, "电桩编码", pileCode);
            var row = Row(page, pileCode + "01");
            await Expect(row).Not.ToContainTextAsync("离线");

            await app.Piles[pileCode].StopAsync();

            // Within the heartbeat limit (3 × 10 s); a closed connection shows at once.
            await Expect(row).ToContainTextAsync("离线", new() { Timeout = 30_000 });
        });
}
