using ChargeConsole.Tests.Support;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChargeConsole.Tests.EndToEnd;

/// <summary>电站管理 as an operator uses it.</summary>
[Collection(BrowserCollection.Name)]
[Trait(TestKind.Name, TestKind.Browser)]
public class StationScenarios(BrowserApp app)
{
    [Fact]
    public Task The_station_form_shows_its_investors_and_refuses_shares_over_100_percent() =>
        app.RunAsync("station_investors", async page =>
        {
            await BrowserApp.SignInAsync(page, "operator", "operator123");
            await page.GotoAsync("/stations");
            await BrowserApp.WaitForCircuitAsync(page);
            var row = page.Locator(".mud-table-body tr", new() { HasText = "南京新街口充电站" });
            await BrowserApp.OpenDialogAsync(row.GetByRole(AriaRole.Button, new() { Name = "编辑" }));

            var dialog = page.GetByRole(AriaRole.Dialog);
            await Expect(dialog).ToContainTextAsync("投资人与占比");
            await Expect(dialog.GetByLabel("占比(%)").First).ToHaveValueAsync("60"); // investor1's 60 % from the demo
            await Expect(dialog).ToContainTextAsync("合计 60%");

            await dialog.GetByRole(AriaRole.Button, new() { Name = "添加投资人" }).ClickAsync();
            await Expect(dialog.GetByLabel("占比(%)")).ToHaveCountAsync(2);
            await dialog.Locator(".mud-select").Filter(new() { HasText = "投资人" }).Last.ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = "investor2" }).ClickAsync();
            await Expect(page.Locator(".mud-popover-open")).ToHaveCountAsync(0);
            await dialog.GetByLabel("占比(%)").Last.FillAsync("50");
            await dialog.GetByLabel("占比(%)").Last.BlurAsync();
            await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();

            await Expect(dialog).ToContainTextAsync("投资人占比合计 110%，不能超过 100%");
        });

    [Fact]
    public Task A_tag_given_to_a_station_in_its_form_finds_it_in_the_mini_program_and_cannot_be_deleted_while_used() =>
        app.RunAsync("station_tags", async page =>
        {
            var tag = "浏览器标签" + Random.Shared.Next(1000, 9999);
            await BrowserApp.SignInAsync(page, "operator", "operator123");
            await page.GotoAsync("/station-tags");
            await BrowserApp.WaitForCircuitAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = "新增" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByLabel("标签名称").FillAsync(tag);
            await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
            var tagRow = page.Locator(".mud-table-body tr", new() { HasText = tag });
            await Expect(tagRow.Locator("td[data-label='使用电站数']")).ToHaveTextAsync("0");

            await page.GotoAsync("/stations");
            await BrowserApp.WaitForCircuitAsync(page);
            await page.Locator(".mud-table-body tr", new() { HasText = "江宁大学城充电站" }).GetByRole(AriaRole.Button, new() { Name = "编辑" }).ClickAsync();
            dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.Locator(".mud-select").Filter(new() { HasText = "标签" }).First.ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = tag }).ClickAsync();
            await page.Keyboard.PressAsync("Escape");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
            await Expect(dialog).ToHaveCountAsync(0);

            await page.GotoAsync("/station-tags");
            await BrowserApp.WaitForCircuitAsync(page);
            await Expect(tagRow.Locator("td[data-label='使用电站数']")).ToHaveTextAsync("1");
            await tagRow.GetByRole(AriaRole.Button, new() { Name = "删除" }).ClickAsync();
            await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "删除" }).ClickAsync();
            await Expect(page.Locator(".mud-snackbar.mud-alert-filled-error")).ToContainTextAsync("该标签正在被电站【江宁大学城充电站】使用，无法删除");
            await Expect(tagRow).ToHaveCountAsync(1);

            // The mini-program finds the station by the tag, and only it.
            var user = await app.App.AppUserAsync("13910000148");
            int tagId;
            await using (var db = app.App.Context())
                tagId = await db.StationTags.Where(t => t.Name == tag).Select(t => t.Id).SingleAsync();
            var near = await user.GetFromJsonAsync<JsonElement>($"/api/app/v1/stations/nearby?lat=31.91&lng=118.89&radiusKm=50&tagId={tagId}");
            Assert.Equal(["江宁大学城充电站"], near.EnumerateArray().Select(s => s.GetProperty("name").GetString()!).ToArray());
        });

    [Fact]
    public Task A_stations_template_name_opens_what_the_template_charges() =>
        app.RunAsync("station_tariff", async page =>
        {
            await BrowserApp.SignInAsync(page, "operator", "operator123");
            await page.GotoAsync("/stations");
            await BrowserApp.WaitForCircuitAsync(page);
            var row = page.Locator(".mud-table-body tr", new() { HasText = "南京新街口充电站" });
            await row.GetByText("标准分时计费").ClickAsync();

            var dialog = page.GetByRole(AriaRole.Dialog);
            await Expect(dialog).ToContainTextAsync("计费模板 - 标准分时计费");
            await Expect(dialog).ToContainTextAsync("江苏工商业电价");
            // The demo's valley: 0.2712 electricity + 0.40 service per kWh.
            await Expect(dialog.Locator("tbody tr", new() { HasText = "谷" })).ToContainTextAsync("0.27120");
            await Expect(dialog.Locator("tbody tr", new() { HasText = "谷" })).ToContainTextAsync("0.67120");
            await Expect(dialog).ToContainTextAsync("00:00-08:00 谷");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "关闭" }).ClickAsync();
            await Expect(dialog).ToHaveCountAsync(0);
        });
}
