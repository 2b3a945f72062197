using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChargeConsole.Tests.EndToEnd;

/// <summary>电桩管理 as an operator uses it.</summary>
[Collection(BrowserCollection.Name)]
public class PileScenarios(BrowserApp app)
{
    [Fact]
    public Task Five_piles_added_in_one_batch_appear_in_the_list() =>
        app.RunAsync("piles_batch", async page =>
        {
            await BrowserApp.SignInAsync(page, "operator", "operator123");
            await page.GotoAsync("/piles");
            await BrowserApp.WaitForCircuitAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = "批量新增" }).ClickAsync();

            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByLabel("编码前缀").FillAsync("32010288");
            await dialog.GetByLabel("起始序号").FillAsync("1");
            await dialog.GetByLabel("数量").FillAsync("5");
            await Expect(dialog).ToContainTextAsync("将新增 5 台：32010288000001 ~ 32010288000005");
            await dialog.Locator(".mud-select").Filter(new() { HasText = "所属电站" }).First.ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "南京新街口充电站" }).ClickAsync();
            await dialog.GetByLabel("功率(kW)").FillAsync("60");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "批量新增" }).ClickAsync();
            await Expect(dialog).ToHaveCountAsync(0);

            await BrowserApp.FilterAsync(page, "电桩编码/名称", "32010288");
            await Expect(page.Locator(".mud-table-body tr", new() { HasText = "32010288" })).ToHaveCountAsync(5);
            await Expect(page.Locator(".mud-table-body")).ToContainTextAsync("32010288000005");
        });
}
