using ChargeConsole.Tests.Support;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChargeConsole.Tests.EndToEnd;

/// <summary>小程序管理 → 协议公告: a notice written in the rich-text editor reaches the mini-program, and a tag page.</summary>
[Collection(BrowserCollection.Name)]
[Trait(TestKind.Name, TestKind.Browser)]
public class ContentScenarios(BrowserApp app)
{
    private static ILocator Row(IPage page, string text) => page.Locator(".mud-table-body tr", new() { HasText = text });

    [Fact]
    public Task A_notice_written_in_the_editor_is_published_to_the_mini_program() =>
        app.RunAsync("articles", async page =>
        {
            var title = "浏览器公告" + Random.Shared.Next(1000, 9999);
            await BrowserApp.SignInAsync(page, "operator", "operator123");
            await page.GotoAsync("/articles");
            await BrowserApp.WaitForCircuitAsync(page);

            await page.GetByRole(AriaRole.Button, new() { Name = "新增" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByLabel("标题").FillAsync(title);
            var editor = dialog.GetByTestId("article-editor").Locator(".rz-html-editor-content");
            await editor.ClickAsync();
            await editor.PressSequentiallyAsync("周末全部电站服务费八折");
            await Expect(editor).ToContainTextAsync("周末全部电站服务费八折");

            // The toolbar speaks Chinese, and its link and image tools open the console's own dialogs (issue 20, item 22).
            var titles = await dialog.GetByTestId("article-editor").Locator(".rz-html-editor-toolbar [title]").EvaluateAllAsync<string[]>("els => els.map(e => e.title)");
            Assert.NotEmpty(titles);
            Assert.All(titles, t => Assert.Matches("[\u4e00-\u9fff]", t));
            await dialog.GetByTestId("article-editor").Locator("[title='插入链接']").ClickAsync();
            var link = page.GetByRole(AriaRole.Dialog).Last;
            await link.GetByLabel("链接文字").FillAsync("帮助中心");
            await link.GetByLabel("链接地址（http:// 或 https:// 开头）").FillAsync("javascript:alert(1)");
            await link.GetByRole(AriaRole.Button, new() { Name = "插入" }).ClickAsync();
            await Expect(link).ToContainTextAsync("请填写 http:// 或 https:// 开头的完整地址");
            await link.GetByLabel("链接地址（http:// 或 https:// 开头）").FillAsync("https://example.com/help");
            await link.GetByRole(AriaRole.Button, new() { Name = "插入" }).ClickAsync();
            await Expect(editor.Locator("a[href='https://example.com/help']")).ToHaveTextAsync("帮助中心");
            await dialog.GetByTestId("article-editor").Locator("[title='插入图片']").ClickAsync();
            var image = page.GetByRole(AriaRole.Dialog).Last;
            await BrowserApp.PickFileAsync(image.Locator("input[type=file]"), new FilePayload { Name = "配图.png", MimeType = "image/png", Buffer = CouponScenarios.Png() });
            await Expect(editor.Locator("img[src^='/media/posters/']")).ToHaveCountAsync(1);

            await Expect(editor).ToContainTextAsync("周末全部电站服务费八折"); // still there after both dialogs
            await dialog.GetByText("已发布").ClickAsync();
            await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
            await Expect(Row(page, title)).ToContainTextAsync("已发布");

            var notices = await app.App.Http().GetFromJsonAsync<JsonElement>("/api/app/v1/content/notices");
            var notice = notices.EnumerateArray().Single(n => n.GetProperty("title").GetString() == title);
            Assert.Contains("周末全部电站服务费八折", notice.GetProperty("html").GetString());
            Assert.Contains("<a href=\"https://example.com/help\"", notice.GetProperty("html").GetString());
            Assert.Matches("<img src=\"/media/posters/\\d{6}/[0-9a-f]{32}\\.png\"", notice.GetProperty("html").GetString());

            // The console's own inputs keep their look beside Radzen's stylesheet.
            var size = await page.GetByLabel("标题").EvaluateAsync<string>("e => getComputedStyle(e).fontSize");
            await page.GotoAsync("/station-tags");
            await BrowserApp.WaitForCircuitAsync(page);
            Assert.Equal(await page.GetByLabel("标签名称").EvaluateAsync<string>("e => getComputedStyle(e).fontSize"), size);
        });

    [Fact]
    public Task A_banner_with_an_uploaded_image_is_served_to_the_mini_program_and_a_renamed_file_is_refused() =>
        app.RunAsync("banners", async page =>
        {
            var title = "浏览器轮播" + Random.Shared.Next(1000, 9999);
            await BrowserApp.SignInAsync(page, "operator", "operator123");
            await page.GotoAsync("/banners");
            await BrowserApp.WaitForCircuitAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = "新增" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByLabel("标题").FillAsync(title);
            await BrowserApp.PickFileAsync(dialog.Locator("input[type=file]").Last, new FilePayload { Name = "banner.png", MimeType = "image/png", Buffer = "这是改了扩展名的文本文件"u8.ToArray() });
            await Expect(dialog).ToContainTextAsync("文件不是图片");
            using (var image = new SixLabors.ImageSharp.Image<SixLabors.ImageSharp.PixelFormats.Rgba32>(750, 300))
            using (var png = new MemoryStream())
            {
                SixLabors.ImageSharp.ImageExtensions.SaveAsPng(image, png);
                await BrowserApp.PickFileAsync(dialog.Locator("input[type=file]").Last, new FilePayload { Name = "banner.png", MimeType = "image/png", Buffer = png.ToArray() });
            }
            await Expect(dialog.GetByTestId("banner-thumb")).Not.ToHaveJSPropertyAsync("naturalWidth", 0);
            await dialog.GetByLabel("链接（/pages/… 或 article:内容编号，可空）").FillAsync("/pages/recharge/index");
            await dialog.GetByText("已发布").ClickAsync();
            await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
            await Expect(Row(page, title)).ToContainTextAsync("已发布");

            var live = await app.App.Http().GetFromJsonAsync<JsonElement>("/api/app/v1/content/banners");
            Assert.Contains(live.EnumerateArray(), b => b.GetProperty("title").GetString() == title && b.GetProperty("link").GetString() == "/pages/recharge/index");
        });

    [Fact]
    public Task A_campaign_for_the_station_page_is_shown_to_a_user_once_when_set_to_once() =>
        app.RunAsync("campaigns", async page =>
        {
            var title = "浏览器活动" + Random.Shared.Next(1000, 9999);
            await BrowserApp.SignInAsync(page, "operator", "operator123");
            await page.GotoAsync("/campaigns");
            await BrowserApp.WaitForCircuitAsync(page);
            await page.GetByRole(AriaRole.Button, new() { Name = "新增" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByLabel("标题").FillAsync(title);
            await dialog.GetByLabel("展示位置").ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "电站页" }).ClickAsync();
            await dialog.GetByLabel("展示频率").ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "仅一次" }).ClickAsync();
            var editor = dialog.Locator(".rz-html-editor-content");
            await editor.ClickAsync();
            await editor.PressSequentiallyAsync("本站新增超充桩");
            await dialog.GetByText("已发布").ClickAsync();
            await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
            await Expect(Row(page, title)).ToContainTextAsync("仅一次");

            var user = await app.App.AppUserAsync("13910000074");
            async Task<bool> ShownAsync() => (await user.GetFromJsonAsync<JsonElement>("/api/app/v1/campaigns?placement=StationPage"))
                .EnumerateArray().Any(c => c.GetProperty("title").GetString() == title && c.GetProperty("html").GetString()!.Contains("本站新增超充桩"));
            Assert.True(await ShownAsync());
            Assert.False(await ShownAsync());
        });
}
