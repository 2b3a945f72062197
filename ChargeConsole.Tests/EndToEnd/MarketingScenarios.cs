using ChargeConsole.Tests.Support;
using System.Net.Http.Json;
using System.Text.Json;
using ChargeConsole.Infrastructure.Payments.Sandbox;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChargeConsole.Tests.EndToEnd;

/// <summary>营销管理: an activity and a package linked to it, as the mini-program then offers and sells them.</summary>
[Collection(BrowserCollection.Name)]
[Trait(TestKind.Name, TestKind.Browser)]
public class MarketingScenarios(BrowserApp app)
{
    private static ILocator Row(IPage page, string text) => page.Locator(".mud-table-body tr", new() { HasText = text });

    [Fact]
    public Task A_stackable_activity_with_a_package_is_offered_to_the_mini_program_bought_with_a_coupon_and_the_discount_shown_on_the_recharge_order() =>
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
            await dialog.GetByText("优惠叠加（可同时使用优惠券）").ClickAsync();
            await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
            await Expect(Row(page, title)).ToContainTextAsync("开启");
            await Expect(Row(page, title).Locator("td[data-label='优惠叠加']")).ToHaveTextAsync("可叠加");

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
            await Expect(Row(page, name).GetByTestId("package-activities")).ToHaveTextAsync(title); // 关联活动 in the list

            var user = await app.App.AppUserAsync("13910000111");
            var offered = await user.GetFromJsonAsync<JsonElement>("/api/app/v1/marketing/activities");
            var activity = offered.EnumerateArray().Single(a => a.GetProperty("title").GetString() == title);
            Assert.Equal(name, activity.GetProperty("packages")[0].GetProperty("name").GetString());

            // The user pays 90.00 of it with a 满100减10 coupon; the operator sees the discount on the order and that only the cash is refundable.
            int userId;
            await using (var db = app.App.Context())
                userId = await db.AppUsers.Where(u => u.Phone == "13910000111").Select(u => u.Id).SingleAsync();
            var claim = await Marketing.RechargeCouponTests.ClaimAsync(app.App, userId, 100, 10);
            var package = activity.GetProperty("packages")[0].GetProperty("id").GetInt32();
            var bought = await user.PostAsJsonAsync("/api/app/v1/recharge/orders",
                new { marketingPackageId = package, openId = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", requestId = "browser-" + title, couponClaimId = claim });
            var orderNo = (await bought.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("order").GetProperty("orderNo").GetString()!;
            await app.App.Get<WeChatPaySandbox>().PayAsync(orderNo);

            await page.GotoAsync("/recharge-orders");
            await BrowserApp.WaitForCircuitAsync(page);
            await BrowserApp.FilterAsync(page, "订单号", orderNo);
            var row = Row(page, orderNo);
            await Expect(row.GetByTestId("order-status")).ToHaveTextAsync("已支付");
            await Expect(row.Locator("td[data-label='支付金额']")).ToHaveTextAsync("¥90.00");
            await Expect(row.Locator("td[data-label='赠送金额']")).ToHaveTextAsync("¥30.00");
            await Expect(row.GetByTestId("order-discount")).ToHaveTextAsync("¥10.00");
            await row.GetByRole(AriaRole.Button, new() { Name = "申请退款" }).ClickAsync();
            var refund = page.GetByRole(AriaRole.Dialog);
            await Expect(refund.GetByTestId("refundable")).ToHaveTextAsync("¥90.00");
            await Expect(refund).ToContainTextAsync("计入赠送金额，不退现金");
        });
}
