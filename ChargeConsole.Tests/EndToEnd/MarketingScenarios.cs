using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChargeConsole.Tests.EndToEnd;

/// <summary>营销管理: an activity and a package linked to it, as the mini-program then offers them.</summary>
[Collection(BrowserCollection.Name)]
public class MarketingScenarios(BrowserApp app)
{
    private static ILocator Row(IPage page, string text) => page.Locator(".mud-table-body tr", new() { HasText = text });

    [Fact]
    public Task An_activity_with_a_package_showing_what_is_credited_is_offered_to_the_mini_program() =>
        app.RunAsync("marketing", async page =>
        {
            var title = "浏览器营销" + Random.Shared.Next(1000, 9999);
            await BrowserApp.SignInAsync(page, "operator", "operator123");
            await page.GotoAsync("/marketing/activities");
            await BrowserApp.WaitForCircuitAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = "新增" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByLabel("活动标题").FillAsync(title);
            var editor = dialog.Locator(".rz-html-editor-content");
            await editor.ClickAsync();
            await editor.PressSequentiallyAsync("充值即送");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
            await Expect(Row(page, title)).ToContainTextAsync("开启");

            await page.GotoAsync("/marketing/packages");
            await BrowserApp.WaitForCircuitAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = "新增" }).ClickAsync();
            dialog = page.GetByRole(AriaRole.Dialog);
            var name = title + "套餐";
            await dialog.GetByLabel("套餐名称").FillAsync(name);
            await dialog.GetByLabel("充值金额(元)").FillAsync("100");
            await dialog.GetByLabel("赠送金额(元)").FillAsync("20");
            await dialog.GetByLabel("赠送金额(元)").BlurAsync();
            await Expect(dialog.GetByTestId("marketing-credited")).ToContainTextAsync("¥120.00");
            await dialog.GetByLabel("关联活动").ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = title }).ClickAsync();
            await page.Keyboard.PressAsync("Escape");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
            await Expect(Row(page, name).Locator("td[data-label='实际到账']")).ToHaveTextAsync("¥120.00");

            var user = await app.App.AppUserAsync("13910000111");
            var offered = await user.GetFromJsonAsync<JsonElement>("/api/app/v1/marketing/activities");
            var activity = offered.EnumerateArray().Single(a => a.GetProperty("title").GetString() == title);
            Assert.Equal(name, activity.GetProperty("packages")[0].GetProperty("name").GetString());
        });
}
