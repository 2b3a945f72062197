using ChargeConsole.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChargeConsole.Tests.EndToEnd;

/// <summary>计费模板 as an operator uses it: paint the day, save, give it to a pile, sync, read the log.</summary>
[Collection(BrowserCollection.Name)]
[Trait(TestKind.Name, TestKind.Browser)]
public class PricingScenarios(BrowserApp app)
{
    private const string PileCode = "32010200000040"; // station 4's last pile: no other scenario charges on it

    [Fact]
    public Task A_template_painted_in_the_48_slot_editor_is_saved_synced_to_its_pile_and_logged() =>
        app.RunAsync("pricing_paint_sync", async page =>
        {
            await BrowserApp.SignInAsync(page, "operator", "operator123");
            await page.GotoAsync("/billing-templates");
            await BrowserApp.WaitForCircuitAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = "新增" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByLabel("模板名称").FillAsync("夜间谷电");
            await dialog.Locator(".mud-select").Filter(new() { HasText = "基础电价" }).First.ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "江苏工商业电价" }).ClickAsync();
            foreach (var (period, fee) in new[] { ("尖", "0.9"), ("峰", "0.8"), ("平", "0.6"), ("谷", "0.3") })
                await dialog.GetByLabel($"{period} 服务费").FillAsync(fee);

            // Drag the valley brush over 00:00–08:00, then click one sharp half hour at 19:00.
            await dialog.GetByRole(AriaRole.Button, new() { Name = "谷", Exact = true }).ClickAsync();
            await DragAsync(page, dialog.Locator("div[title='00:00–00:30']"), dialog.Locator("div[title='07:30–08:00']"));
            await dialog.GetByRole(AriaRole.Button, new() { Name = "尖", Exact = true }).ClickAsync();
            await dialog.Locator("div[title='19:00–19:30']").ClickAsync();
            await Expect(dialog).ToContainTextAsync("00:00-08:00 谷；08:00-19:00 平；19:00-19:30 尖；19:30-24:00 平");
            await Expect(dialog.Locator("tbody tr", new() { HasText = "谷" })).ToContainTextAsync("0.5712"); // 0.2712 + 0.3 per kWh
            await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
            await Expect(dialog).ToHaveCountAsync(0);
            await Expect(page.Locator(".mud-table-body tr", new() { HasText = "夜间谷电" })).ToHaveCountAsync(1);

            await page.GotoAsync("/piles");
            await BrowserApp.WaitForCircuitAsync(page);
            await BrowserApp.FilterAsync(page, "电桩编码/名称", PileCode);
            await page.Locator(".mud-table-body tr", new() { HasText = PileCode }).GetByRole(AriaRole.Button, new() { Name = "编辑" }).ClickAsync();
            await dialog.Locator(".mud-select").Filter(new() { HasText = "计费模板" }).First.ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "夜间谷电" }).ClickAsync();
            await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
            await Expect(dialog).ToHaveCountAsync(0);
            await Expect(page.Locator(".mud-table-body tr", new() { HasText = PileCode })).ToContainTextAsync("夜间谷电");

            await page.GotoAsync("/billing-templates");
            await BrowserApp.WaitForCircuitAsync(page);
            await page.Locator(".mud-table-body tr", new() { HasText = "夜间谷电" }).GetByRole(AriaRole.Button, new() { Name = "同步" }).ClickAsync();
            await Expect(dialog).ToContainTextAsync("1 台单独指定的电桩");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "同步" }).ClickAsync();
            await Expect(page.Locator(".mud-snackbar", new() { HasText = "已同步 1 台电桩" })).ToBeVisibleAsync();

            await page.GotoAsync("/billing-sync-logs");
            await BrowserApp.WaitForCircuitAsync(page);
            await BrowserApp.FilterAsync(page, "电桩编码", PileCode);
            var synced = page.Locator(".mud-table-body tr", new() { HasText = "夜间谷电" });
            await Expect(synced.First).ToContainTextAsync("成功");
            var model = app.Piles[PileCode].Model!;
            Assert.Equal(Enumerable.Repeat((byte)3, 16), model.Slots.Take(16)); // the pile itself holds the painted valley night
            Assert.Equal(0, model.Slots[38]);
        });

    private static async Task DragAsync(IPage page, ILocator from, ILocator to)
    {
        var a = (await from.BoundingBoxAsync())!;
        var b = (await to.BoundingBoxAsync())!;
        await page.Mouse.MoveAsync(a.X + a.Width / 2, a.Y + a.Height / 2);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(b.X + b.Width / 2, b.Y + b.Height / 2, new() { Steps = 30 });
        await page.Mouse.UpAsync();
    }
}
