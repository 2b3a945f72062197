using ChargeConsole.Tests.Support;
using System.Net.Http.Json;
using System.Text.Json;
using ChargeConsole.Features.StoredValue;
using ChargeConsole.Infrastructure.Payments.Sandbox;
using ChargeConsole.Infrastructure.Payments.WeChatPay;
using ChargeConsole.Tests.StoredValue;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace ChargeConsole.Tests.EndToEnd;

/// <summary>储值管理 as an operator works it: refunding a recharge order in parts, and the package catalogue.</summary>
[Collection(BrowserCollection.Name)]
[Trait(TestKind.Name, TestKind.Browser)]
public class StoredValueScenarios(BrowserApp app)
{
    private static ILocator Row(IPage page, string text) => page.Locator(".mud-table-body tr", new() { HasText = text });

    [Fact]
    public Task A_partial_refund_is_refused_beyond_refundable_and_the_order_moves_to_partly_refunded_only_when_wechat_pay_confirms() =>
        app.RunAsync("recharge_refund", async page =>
        {
            var (http, _) = await RechargeFlowTests.NewUserAsync(app.App);
            var (orderNo, _) = await RechargeFlowTests.BuyAsync(http, "browser-buy");
            await app.App.Get<WeChatPaySandbox>().PayAsync(orderNo);

            await BrowserApp.SignInAsync(page, "operator", "operator123");
            await page.GotoAsync("/recharge-orders");
            await BrowserApp.WaitForCircuitAsync(page);
            await BrowserApp.FilterAsync(page, "订单号", orderNo);
            var row = Row(page, orderNo);
            await Expect(row.GetByTestId("order-status")).ToHaveTextAsync("已支付");

            await row.GetByRole(AriaRole.Button, new() { Name = "申请退款" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await Expect(dialog.GetByTestId("refundable")).ToHaveTextAsync("¥200.00");
            var amount = dialog.GetByLabel("退款金额(元)");
            await amount.FillAsync("200.01");
            await amount.BlurAsync();
            await Expect(dialog).ToContainTextAsync("退款金额不能超过可退金额 200.00 元");
            await amount.FillAsync("60");
            await amount.BlurAsync();
            await dialog.GetByLabel("退款原因").FillAsync("浏览器测试：用户来电");
            await dialog.First.GetByRole(AriaRole.Button, new() { Name = "确定退款" }).ClickAsync();
            await Expect(dialog.Last).ToContainTextAsync("退款 60.00 元");
            await dialog.Last.GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
            await Expect(dialog).ToHaveCountAsync(0);
            await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("已提交退款 60.00 元，等待微信支付确认");

            // Frozen and asked for, but not refunded until WeChat Pay says so.
            await Expect(row.Locator("td[data-label='退款中']")).ToHaveTextAsync("¥60.00");
            await Expect(row.GetByTestId("order-status")).ToHaveTextAsync("已支付");
            string refundNo;
            await using (var db = app.App.Context())
                refundNo = await db.Refunds.Where(r => r.RechargeOrder.OrderNo == orderNo).Select(r => r.RefundNo).SingleAsync();
            await app.App.Get<WeChatPaySandbox>().EndRefundAsync(refundNo, WxRefund.Success);

            // The open page follows: no reload.
            await Expect(row.GetByTestId("order-status")).ToHaveTextAsync("部分退款");
            await Expect(row.Locator("td[data-label='已退款']")).ToHaveTextAsync("¥60.00");
            await row.GetByRole(AriaRole.Button, new() { Name = "退款记录" }).ClickAsync();
            await Expect(page.GetByRole(AriaRole.Dialog)).ToContainTextAsync(refundNo);
            await Expect(page.GetByRole(AriaRole.Dialog)).ToContainTextAsync("退款成功");
        });

    [Fact]
    public Task A_refund_wechat_pay_refuses_is_shown_as_refused_in_the_dialog_and_on_the_row() =>
        app.RunAsync("recharge_refund_refused", async page =>
        {
            const string orderNo = "CZ2612010000BROWSR";
            await using (var db = app.App.Context())
            {
                var userId = await Support.Wallets.NewUserAsync(app.App.Factory, principalFen: 50_00);
                // Paid as far as the console knows; WeChat Pay never issued its transaction.
                db.RechargeOrders.Add(new Data.Entities.RechargeOrder
                {
                    OrderNo = orderNo, AppUserId = userId, PaidAmount = ChargeConsole.Domain.Values.Money.FromFen(50_00), Status = ChargeConsole.Domain.Wallets.RechargeOrderStatus.Paid,
                    ProviderTransactionId = "4200000000000000000000NEVER2", CreatedAt = DateTime.UtcNow.AddHours(-2), PaidAt = DateTime.UtcNow.AddHours(-2),
                });
                await db.SaveChangesAsync();
            }
            await BrowserApp.SignInAsync(page, "operator", "operator123");
            await page.GotoAsync("/recharge-orders");
            await BrowserApp.WaitForCircuitAsync(page);
            await BrowserApp.FilterAsync(page, "订单号", orderNo);
            var row = Row(page, orderNo);
            await Expect(row.GetByTestId("order-status")).ToHaveTextAsync("已支付");
            await BrowserApp.OpenDialogAsync(row.GetByRole(AriaRole.Button, new() { Name = "申请退款" }));
            var dialog = page.GetByRole(AriaRole.Dialog);
            await Expect(dialog.GetByTestId("refundable")).ToHaveTextAsync("¥50.00");
            await dialog.GetByLabel("退款金额(元)").FillAsync("20");
            await dialog.GetByLabel("退款原因").FillAsync("浏览器测试：微信支付拒绝");
            await dialog.First.GetByRole(AriaRole.Button, new() { Name = "确定退款" }).ClickAsync();
            await Expect(dialog.Last).ToContainTextAsync("退款 20.00 元");
            await dialog.Last.GetByRole(AriaRole.Button, new() { Name = "确定", Exact = true }).ClickAsync();

            // Not a green toast with a number: the dialog says WeChat Pay refused and why, and that the money stayed.
            await Expect(dialog.First).ToContainTextAsync("微信支付拒绝退款：订单不存在或未支付");
            await Expect(dialog.First).ToContainTextAsync("20.00 元已解冻");
            await dialog.First.GetByRole(AriaRole.Button, new() { Name = "取消" }).ClickAsync();
            await Expect(row.GetByTestId("refund-failed")).ToHaveTextAsync("退款失败");
            await Expect(row.Locator("td[data-label='退款中']")).ToHaveTextAsync("¥0.00");
        });

    [Fact]
    public Task A_package_shows_what_is_credited_and_one_that_was_bought_cannot_be_deleted_only_taken_off_sale() =>
        app.RunAsync("recharge_packages", async page =>
        {
            await BrowserApp.SignInAsync(page, "operator", "operator123");
            await page.GotoAsync("/recharge-packages");
            await BrowserApp.WaitForCircuitAsync(page);

            await page.GetByRole(AriaRole.Button, new() { Name = "新增" }).ClickAsync();
            var dialog = page.GetByRole(AriaRole.Dialog);
            await dialog.GetByLabel("套餐名称").FillAsync("浏览器测试套餐");
            await dialog.GetByLabel("充值金额(元)").FillAsync("88");
            await dialog.GetByLabel("赠送金额(元)").FillAsync("8.8");
            await dialog.GetByLabel("赠送金额(元)").BlurAsync();
            await Expect(dialog.GetByTestId("credited")).ToContainTextAsync("¥96.80");
            await dialog.GetByRole(AriaRole.Button, new() { Name = "保存" }).ClickAsync();
            var fresh = Row(page, "浏览器测试套餐");
            await Expect(fresh.Locator("td[data-label='实际到账']")).ToHaveTextAsync("¥96.80");

            // The demo's history bought 充100元: it stays, and the message says to take it off sale, before any confirmation.
            await Row(page, "充100元").GetByRole(AriaRole.Button, new() { Name = "删除" }).ClickAsync();
            await Expect(page.Locator(".mud-snackbar", new() { HasText = "无法删除" })).ToContainTextAsync("如不再销售，请将其下架");
            await Expect(page.GetByRole(AriaRole.Dialog)).ToHaveCountAsync(0);
            await Expect(Row(page, "充100元")).ToHaveCountAsync(1);

            await fresh.GetByRole(AriaRole.Button, new() { Name = "删除" }).ClickAsync();
            await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "删除" }).ClickAsync();
            await Expect(fresh).ToHaveCountAsync(0);
        });

    [Fact]
    public Task Withdrawals_switched_on_with_a_fee_are_approved_and_paid_out_as_refunds_the_open_page_following() =>
        app.RunAsync("withdrawals", async page =>
        {
            await BrowserApp.SignInAsync(page, "operator", "operator123");
            await page.GotoAsync("/withdrawals");
            await BrowserApp.WaitForCircuitAsync(page);
            var settings = page.GetByTestId("withdrawal-settings");
            await settings.GetByLabel("允许用户提现").CheckAsync();
            await settings.GetByLabel("手续费率(%)").FillAsync("1");
            await settings.GetByLabel("手续费率(%)").BlurAsync();
            await settings.GetByRole(AriaRole.Button, new() { Name = "保存设置" }).ClickAsync();
            await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
            await Expect(page.Locator(".mud-snackbar")).ToContainTextAsync("提现已开启，手续费率 1%");

            try
            {
                var (http, _) = await RechargeFlowTests.NewUserAsync(app.App);
                var (orderNo, _) = await RechargeFlowTests.BuyAsync(http, "browser-withdraw-buy");
                await app.App.Get<WeChatPaySandbox>().PayAsync(orderNo);
                var asked = await http.PostAsJsonAsync("/api/app/v1/withdrawals", new { amount = 100m, requestId = "browser-withdraw" });
                var no = (await asked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("no").GetString()!;

                var row = Row(page, no);
                await Expect(row.GetByTestId("withdrawal-status")).ToHaveTextAsync("待审核"); // the open page shows it arrive
                await row.GetByRole(AriaRole.Button, new() { Name = "通过" }).ClickAsync();
                await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "确定" }).ClickAsync();
                await Expect(row.GetByTestId("withdrawal-status")).ToHaveTextAsync("已通过");
                await Expect(row.Locator("td[data-label='手续费']")).ToHaveTextAsync("¥1.00");

                string refundNo;
                await using (var db = app.App.Context())
                    refundNo = await db.Refunds.Where(r => r.RechargeOrder.OrderNo == orderNo).Select(r => r.RefundNo).SingleAsync();
                await app.App.Get<WeChatPaySandbox>().EndRefundAsync(refundNo, WxRefund.Success);
                await Expect(row.GetByTestId("withdrawal-status")).ToHaveTextAsync("已打款");
                await Expect(row.Locator("td[data-label='已打款']")).ToHaveTextAsync("¥99.00");
            }
            finally
            {
                await app.App.Get<WithdrawalService>().SaveSettingsAsync(Support.TestDatabase.Operator, new WithdrawalSettings(false, 0m));
            }
        });
}
