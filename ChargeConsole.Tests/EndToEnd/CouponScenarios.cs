using ChargeConsole.Features.Coupons;
using ChargeConsole.Api;
using ChargeConsole.Tests.Support;
using Microsoft.Playwright;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.PixelFormats;
using static Microsoft.Playwright.Assertions;

namespace ChargeConsole.Tests.EndToEnd;

/// <summary>优惠券管理: a QR coupon with a poster claimed from its mobile page, issued to all with progress, and its claim records.</summary>
[Collection(BrowserCollection.Name)]
[Trait(TestKind.Name, TestKind.Browser)]
public class CouponScenarios(BrowserApp app)
{
    private static ILocator Row(IPage page, string text) => page.Locator(".mud-table-body tr", new() { HasText = text });

    internal static byte[] Png()
    {
        using var image = new Image<Rgba32>(64, 32, new Rgba32(228, 57, 60));
        using var stream = new MemoryStream();
        image.SaveAsPng(stream);
        return stream.ToArray();
    }

    [Fact]
    public Task A_qr_coupon_needs_its_poster_is_claimed_on_its_mobile_page_and_issued_to_all_once() =>
        app.RunAsync("coupons", async page =>
        {
            var name = "浏览器券" + Random.Shared.Next(1000, 9999);
            await BrowserApp.SignInAsync(page, "operator", "operator123");
            await page.GotoAsync("/coupons");
            await BrowserApp.WaitForCircuitAsync(page);

            await page.GetByRole(AriaRole.Button, new() { Name = "新增优惠券" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByLabel("优惠券名称").FillAsync(name);
            await dialog.GetByLabel("减(元)").FillAsync("3");
            await dialog.GetByLabel("满(元)，无门槛填 0").FillAsync("10");
            await dialog.GetByLabel("发放总量").FillAsync("1000");
            // A start in the past is refused with the manual's message.
            await dialog.GetByLabel("生效时间").FillAsync("2020-01-01 08:00");
            await dialog.GetByLabel("生效时间").BlurAsync();
            await dialog.GetByLabel("领取方式").ClickAsync();
            await page.Locator(".mud-popover-open .mud-list-item", new() { HasText = "扫码领取" }).ClickAsync();
            await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
            await Expect(dialog).ToContainTextAsync(CouponService.StartInThePast);
            // Today's date typed by hand, without leading zeros: on from now. The refusal goes as soon as it is fixed.
            var today = DateTime.UtcNow.AddHours(8).ToString("yyyy/M/d");
            await dialog.GetByLabel("生效时间").FillAsync(today);
            await dialog.GetByLabel("生效时间").BlurAsync();
            await Expect(dialog).Not.ToContainTextAsync(CouponService.StartInThePast);
            await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
            var row = Row(page, name);
            await Expect(row).ToContainTextAsync("满 10.00 减 3.00");

            // Without a poster the link says the coupon has expired.
            await row.GetByRole(AriaRole.Button, new() { Name = "查看" }).ClickAsync();
            await Expect(page.GetByTestId("coupon-qr")).Not.ToHaveJSPropertyAsync("naturalWidth", 0); // the PNG really loads
            var link = await page.GetByRole(AriaRole.Dialog).Locator(".mud-typography-caption").First.InnerTextAsync();
            await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "关闭" }).ClickAsync();
            var phone = await page.Context.Browser!.NewPageAsync(new() { ViewportSize = new() { Width = 390, Height = 844 } });
            await LiveWebApp.Eventually(async () => { await phone.GotoAsync(link); return await phone.GetByTestId("claim-error").CountAsync() > 0 || await phone.Locator("#claim").CountAsync() > 0; }, "claim page");
            await Expect(phone.GetByTestId("claim-error")).ToHaveTextAsync("优惠券已过期");

            await BrowserApp.RowActionAsync(row, "上传海报");
            var posterDialog = page.GetByRole(AriaRole.Dialog);
            await BrowserApp.PickFileAsync(posterDialog.Locator("input[type=file]").Last, new FilePayload { Name = "海报.png", MimeType = "image/png", Buffer = "not an image"u8.ToArray() });
            await Expect(posterDialog).ToContainTextAsync("文件不是图片");
            await BrowserApp.PickFileAsync(posterDialog.Locator("input[type=file]").Last, new FilePayload { Name = "海报.png", MimeType = "image/png", Buffer = Png() });
            await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0); // saved, the dialog closes
            await LiveWebApp.Eventually(async () => (await BrowserApp.MoreMenuTextAsync(row)).Contains("更换海报"), "the poster is kept: 更换海报 is offered");

            // A new user claims on the phone page: poster, phone, code, 立即领取.
            var newcomer = "137" + Random.Shared.Next(10_000_000, 99_999_999);
            await phone.GotoAsync(link);
            await Expect(phone.Locator("img")).ToHaveJSPropertyAsync("naturalWidth", 64);
            await phone.ClickAsync("#claim"); // nothing typed yet: told what to type, in words
            await Expect(phone.GetByTestId("claim-message")).ToHaveTextAsync("请输入 11 位手机号");
            await phone.FillAsync("#phone", newcomer);
            await phone.ClickAsync("#send");
            await Expect(phone.GetByTestId("claim-message")).ToHaveTextAsync("验证码已发送");
            await phone.FillAsync("#code", (await app.App.Get<OneTimeCodes>().PeekAsync(newcomer))!);
            await phone.ClickAsync("#claim");
            await Expect(phone.GetByTestId("claim-message")).ToHaveTextAsync("领取成功，可在小程序“我的优惠券”中查看");
            await phone.CloseAsync();
            await Expect(row.Locator("td[data-label='已领取']")).ToHaveTextAsync("1"); // the open list follows the claim: no 查询

            // 全体发放: the confirmation counts the users without one; the run finishes and shows it.
            await BrowserApp.RowActionAsync(row, "全体发放");
            await Expect(page.GetByRole(AriaRole.Dialog)).ToContainTextAsync("位尚未持有");
            await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
            await Expect(row.GetByTestId("issue-progress")).ToContainTextAsync("已完成：发放", new() { Timeout = 60_000 });

            await page.GotoAsync("/coupon-claims");
            await BrowserApp.WaitForCircuitAsync(page);
            await BrowserApp.FilterAsync(page, "用户手机号/昵称", newcomer);
            var claim = Row(page, newcomer);
            await Expect(claim).ToContainTextAsync("扫码领取");
            await Expect(claim).ToHaveCountAsync(1); // the run gave the claimer no second copy
            await claim.GetByRole(AriaRole.Button, new() { Name = "删除" }).ClickAsync();
            await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "删除" }).ClickAsync();
            await Expect(claim).ToHaveCountAsync(0);
        });
}
