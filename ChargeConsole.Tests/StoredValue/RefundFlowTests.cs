using ChargeConsole.Domain.Wallets;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Values;
using ChargeConsole.Features.StoredValue;
using ChargeConsole.Infrastructure.Payments.Sandbox;
using ChargeConsole.Infrastructure.Payments.WeChatPay;
using ChargeConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static ChargeConsole.Tests.StoredValue.RechargeFlowTests;

namespace ChargeConsole.Tests.StoredValue;

/// <summary>SPEC "Refund of a recharge order": frozen on request, deducted or released only on WeChat Pay's word, never beyond refundable.</summary>
[Trait(TestKind.Name, TestKind.Live)]
public class RefundFlowTests
{
    private static async Task<(LiveWebApp App, HttpClient Http, int UserId, RechargeOrder Order)> PaidOrderAsync(IReadOnlyDictionary<string, string>? settings = null)
    {
        var app = LiveWebApp.Start(settings);
        var (http, userId) = await NewUserAsync(app);
        var (orderNo, _) = await BuyAsync(http, "buy-1");
        await app.Get<WeChatPaySandbox>().PayAsync(orderNo);
        return (app, http, userId, await OrderAsync(app, orderNo));
    }

    private static async Task<string> LatestRefundNoAsync(LiveWebApp app, int orderId)
    {
        await using var db = app.Context();
        return await db.Refunds.Where(r => r.RechargeOrderId == orderId).OrderByDescending(r => r.Id).Select(r => r.RefundNo).FirstAsync();
    }

    [Fact]
    public async Task Refunding_30_percent_twice_and_then_the_rest_moves_the_order_only_when_each_callback_arrives()
    {
        var (app, http, userId, order) = await PaidOrderAsync();
        await using var _ = app;
        var refunds = app.Get<RefundService>();
        var sandbox = app.Get<WeChatPaySandbox>();

        // The operator refunds 60.00 of 200.00: frozen, the order still 已支付 until WeChat Pay says so.
        var first = await refunds.RequestAsync(RefundAsker.Operator("operator", "op-refund-1"), order.Id, Money.FromFen(60_00), "用户来电申请");
        Assert.True(first.Succeeded, first.Error);
        var o = await OrderAsync(app, order.OrderNo);
        Assert.Equal((RechargeOrderStatus.Paid, 60_00L, 0L), (o.Status, o.RefundingAmount.Fen, o.RefundedAmount.Fen));
        Assert.Equal((200_00L, 60_00L), ((await Wallets.WalletAsync(app.Factory, userId)).Principal.Fen, (await Wallets.WalletAsync(app.Factory, userId)).Frozen.Fen));

        Assert.Equal([204], await sandbox.EndRefundAsync(first.RefundNo!, WxRefund.Success));
        o = await OrderAsync(app, order.OrderNo);
        Assert.Equal((RechargeOrderStatus.PartiallyRefunded, 0L, 60_00L), (o.Status, o.RefundingAmount.Fen, o.RefundedAmount.Fen));
        var w = await Wallets.WalletAsync(app.Factory, userId);
        // 140.00 principal left; the bonus goes back in proportion: 10.00 × 60 / 200 = 3.00 taken, 7.00 left.
        Assert.Equal((140_00L, 7_00L, 0L), (w.Principal.Fen, w.Bonus.Fen, w.Frozen.Fen));

        // The user asks for another 60.00 from the mini-program.
        var second = await http.PostAsJsonAsync($"/api/app/v1/recharge/orders/{order.OrderNo}/refunds", new { amount = 60.00m, reason = "不用了", requestId = "u-1" });
        Assert.Equal(HttpStatusCode.Accepted, second.StatusCode);
        var secondNo = (await second.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("refundNo").GetString()!;
        Assert.Equal(RechargeOrderStatus.PartiallyRefunded, (await OrderAsync(app, order.OrderNo)).Status);
        await sandbox.EndRefundAsync(secondNo, WxRefund.Success);

        // 80.00 is left: a cent more is refused in Chinese, the rest goes through.
        var tooMuch = await refunds.RequestAsync(RefundAsker.Operator("operator", "op-refund-2"), order.Id, Money.FromFen(80_01), "");
        Assert.Equal("退款金额 80.01 元超过可退金额 80.00 元", tooMuch.Error);
        var rest = await refunds.RequestAsync(RefundAsker.Operator("operator", "op-refund-3"), order.Id, Money.FromFen(80_00), "");
        Assert.True(rest.Succeeded, rest.Error);
        Assert.Equal(RechargeOrderStatus.PartiallyRefunded, (await OrderAsync(app, order.OrderNo)).Status);
        Assert.Equal([204, 204], await sandbox.EndRefundAsync(rest.RefundNo!, WxRefund.Success, copies: 2));

        o = await OrderAsync(app, order.OrderNo);
        Assert.Equal((RechargeOrderStatus.FullyRefunded, 200_00L, 10_00L), (o.Status, o.RefundedAmount.Fen, o.BonusReclaimed.Fen));
        w = await Wallets.WalletAsync(app.Factory, userId);
        Assert.Equal((0L, 0L, 0L), (w.Principal.Fen, w.Bonus.Fen, w.Frozen.Fen));
        await Wallets.AssertBalancesEqualLedgerAsync(app.Factory, userId);

        // A late duplicate of the first refund's callback changes nothing.
        await using var db = app.Context();
        var entries = await db.LedgerEntries.CountAsync(l => l.AppUserId == userId);
        Assert.Equal([204], await sandbox.EndRefundAsync(first.RefundNo!, WxRefund.Success));
        Assert.Equal(entries, await db.LedgerEntries.CountAsync(l => l.AppUserId == userId));
        var mine = await http.GetFromJsonAsync<JsonElement>("/api/app/v1/refunds");
        Assert.Equal(3, mine.GetProperty("total").GetInt32());
    }

    [Fact]
    public async Task A_refund_that_ends_abnormal_or_closed_releases_the_frozen_amount_and_the_order_stays_paid()
    {
        var (app, _, userId, order) = await PaidOrderAsync();
        await using var __ = app;
        var refunds = app.Get<RefundService>();
        var result = await refunds.RequestAsync(RefundAsker.Operator("operator", "r-1"), order.Id, Money.FromFen(50_00), "");

        await app.Get<WeChatPaySandbox>().EndRefundAsync(result.RefundNo!, WxRefund.Abnormal);

        var o = await OrderAsync(app, order.OrderNo);
        Assert.Equal((RechargeOrderStatus.Paid, 0L, 0L), (o.Status, o.RefundingAmount.Fen, o.RefundedAmount.Fen));
        var w = await Wallets.WalletAsync(app.Factory, userId);
        Assert.Equal((200_00L, 10_00L, 0L), (w.Principal.Fen, w.Bonus.Fen, w.Frozen.Fen));
        await using var db = app.Context();
        Assert.Equal(RefundStatus.Failed, await db.Refunds.Where(r => r.RefundNo == result.RefundNo).Select(r => r.Status).SingleAsync());
        Assert.Equal(Money.FromFen(200_00), await refunds.RefundableAsync(order.Id));
        await Wallets.AssertBalancesEqualLedgerAsync(app.Factory, userId);
    }

    [Fact]
    public async Task A_refund_wechat_pay_refuses_reads_as_refused_in_words_and_the_order_row_shows_it()
    {
        await using var app = LiveWebApp.Start();
        var userId = await Wallets.NewUserAsync(app.Factory, principalFen: 100_00);
        int orderId;
        await using (var db = app.Context())
        {
            // Paid, as far as the console knows, but WeChat Pay never saw it (a payment imported from elsewhere, say).
            var paid = new RechargeOrder
            {
                OrderNo = "CZ2612010000TEST01", AppUserId = userId, PaidAmount = Money.FromFen(100_00), Status = RechargeOrderStatus.Paid,
                ProviderTransactionId = "4200000000000000000000NEVER1", CreatedAt = DateTime.UtcNow.AddDays(-1), PaidAt = DateTime.UtcNow.AddDays(-1),
            };
            db.RechargeOrders.Add(paid);
            await db.SaveChangesAsync();
            orderId = paid.Id;
        }
        var refunds = app.Get<RefundService>();

        var outcome = await refunds.RequestAsync(RefundAsker.Operator("operator", "refused-1"), orderId, Money.FromFen(30_00), "用户来电");

        Assert.False(outcome.Succeeded);
        Assert.Equal($"微信支付拒绝退款：订单不存在或未支付（退款单 {outcome.RefundNo}，30.00 元已解冻，仍在用户余额中）", outcome.Error);
        // The same click again says the same, and refunds nothing.
        var again = await refunds.RequestAsync(RefundAsker.Operator("operator", "refused-1"), orderId, Money.FromFen(30_00), "用户来电");
        Assert.Equal((outcome.RefundNo, outcome.Error), (again.RefundNo, again.Error));
        var w = await Wallets.WalletAsync(app.Factory, userId);
        Assert.Equal((100_00L, 0L), (w.Principal.Fen, w.Frozen.Fen));
        await using (var db = app.Context())
        {
            var row = await StoredValueQueries.Orders(db, TestDatabase.Operator, new RechargeOrderFilter { OrderNo = "CZ2612010000TEST01" }).SingleAsync();
            Assert.Equal("微信支付拒绝退款：订单不存在或未支付", row.LastRefundFailure);
        }
        await Wallets.AssertBalancesEqualLedgerAsync(app.Factory, userId);
    }

    [Fact]
    public async Task The_mini_program_and_the_console_dialog_refuse_a_refund_by_the_same_rules()
    {
        var (app, http, _, order) = await PaidOrderAsync();
        await using var _ = app;
        var url = $"/api/app/v1/recharge/orders/{order.OrderNo}/refunds";
        async Task<string> ErrorsOf(object body)
        {
            var answer = await http.PostAsJsonAsync(url, body);
            Assert.Equal(HttpStatusCode.BadRequest, answer.StatusCode);
            return (await answer.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetRawText();
        }

        Assert.Contains("退款金额过大", await ErrorsOf(new { amount = 1_000_001m, requestId = "v-1" }));
        Assert.Contains("退款原因不能超过 80 个字", await ErrorsOf(new { amount = 1m, reason = new string('因', 81), requestId = "v-2" }));
        Assert.Contains("退款金额最多两位小数", await ErrorsOf(new { amount = 1.001m, requestId = "v-3" }));

        // The dialog's form goes through the very same validator (the one the API resolves).
        var validator = app.Get<FluentValidation.IValidator<RefundForm>>();
        var dialog = await validator.ValidateAsync(new RefundForm { Amount = 1_000_001m, Reason = new string('因', 81), RequestId = "d-1" });
        Assert.Equal(["退款金额过大", "退款原因不能超过 80 个字"], dialog.Errors.Select(e => e.ErrorMessage));
        // The console asks for a reason; the mini-program's missing one is recorded as 用户申请退款.
        Assert.Equal("请填写退款原因", (await validator.ValidateAsync(new RefundForm { Amount = 1m, RequestId = "d-2" })).Errors.Single().ErrorMessage);
        Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsJsonAsync(url, new { amount = 1m, requestId = "v-4" })).StatusCode);
        await using var db = app.Context();
        Assert.Equal("用户申请退款", await db.Refunds.Where(r => r.RechargeOrderId == order.Id).Select(r => r.Reason).SingleAsync());
    }

    [Fact]
    public async Task A_refund_success_reported_after_it_ended_abnormal_is_recorded_and_flagged_for_an_operator_and_moves_no_money()
    {
        var (app, _, userId, order) = await PaidOrderAsync();
        await using var _ = app;
        var sandbox = app.Get<WeChatPaySandbox>();
        var refund = await app.Get<RefundService>().RequestAsync(RefundAsker.Operator("operator", "abn-1"), order.Id, Money.FromFen(50_00), "用户来电");
        await sandbox.EndRefundAsync(refund.RefundNo!, WxRefund.Abnormal);

        // Handled by hand at the merchant platform, WeChat Pay then says it succeeded after all.
        Assert.Equal([204], await sandbox.EndRefundAsync(refund.RefundNo!, WxRefund.Success));

        await using var db = app.Context();
        var r = await db.Refunds.AsNoTracking().SingleAsync(x => x.RefundNo == refund.RefundNo);
        Assert.Equal(RefundStatus.Failed, r.Status);
        Assert.StartsWith($"微信支付报告退款 {refund.RefundNo} 已成功", r.Anomaly);
        Assert.Contains("请人工核对", r.Anomaly);
        var w = await Wallets.WalletAsync(app.Factory, userId);
        Assert.Equal((200_00L, 10_00L, 0L), (w.Principal.Fen, w.Bonus.Fen, w.Frozen.Fen)); // nothing moved on its own
        Assert.Equal(1, await db.AuditLogs.CountAsync(a => a.Action == "储值退款结果" && !a.Succeeded && a.Result.Contains("此前已按失败处理")));
        var row = await StoredValueQueries.Orders(db, TestDatabase.Operator, new RechargeOrderFilter { OrderNo = order.OrderNo }).SingleAsync();
        Assert.Equal(r.Anomaly, row.RefundAnomaly);
        await Wallets.AssertBalancesEqualLedgerAsync(app.Factory, userId);
    }

    [Fact]
    public async Task Concurrent_refund_requests_from_the_operator_and_the_user_never_exceed_what_is_refundable()
    {
        var (app, http, userId, order) = await PaidOrderAsync();
        await using var _ = app;
        var refunds = app.Get<RefundService>();

        // 16 requests of 30.00 at once against 200.00: six fit (180.00), the rest are refused.
        var tasks = Enumerable.Range(0, 16).Select(i => i % 2 == 0
            ? refunds.RequestAsync(RefundAsker.Operator("operator", $"op-{i}"), order.Id, Money.FromFen(30_00), "")
                .ContinueWith(t => t.Result.Succeeded)
            : http.PostAsJsonAsync($"/api/app/v1/recharge/orders/{order.OrderNo}/refunds", new { amount = 30m, requestId = $"u-{i}" })
                .ContinueWith(t => t.Result.StatusCode == HttpStatusCode.Accepted)).ToList();
        var outcomes = await Task.WhenAll(tasks);

        Assert.Equal(6, outcomes.Count(ok => ok));
        var o = await OrderAsync(app, order.OrderNo);
        Assert.Equal(180_00L, o.RefundingAmount.Fen);
        Assert.Equal(180_00L, (await Wallets.WalletAsync(app.Factory, userId)).Frozen.Fen);
        await Wallets.AssertBalancesEqualLedgerAsync(app.Factory, userId);
    }

    [Fact]
    public async Task The_recovery_job_credits_a_payment_whose_callback_was_lost_ends_a_refund_likewise_and_closes_an_unpaid_order()
    {
        await using var app = LiveWebApp.Start(new Dictionary<string, string> { ["Recharge:QueryAfterSeconds"] = "0", ["Recharge:RecoverySeconds"] = "3600" });
        var (http, userId) = await NewUserAsync(app);
        var sandbox = app.Get<WeChatPaySandbox>();
        var (paidNo, _) = await BuyAsync(http, "buy-1");
        Assert.Empty(await sandbox.PayAsync(paidNo, copies: 0)); // paid, but the callback never arrives
        var (refundedNo, _) = await BuyAsync(http, "buy-2");
        await sandbox.PayAsync(refundedNo);
        var refund = await app.Get<RefundService>().RequestAsync(RefundAsker.Operator("operator", "r-1"), (await OrderAsync(app, refundedNo)).Id, Money.FromFen(20_00), "");
        Assert.Empty(await sandbox.EndRefundAsync(refund.RefundNo!, WxRefund.Success, copies: 0));
        Assert.Equal(RechargeOrderStatus.Unpaid, (await OrderAsync(app, paidNo)).Status);

        await RunRecoveryAsync(app);

        Assert.Equal(RechargeOrderStatus.Paid, (await OrderAsync(app, paidNo)).Status);
        Assert.Equal(RechargeOrderStatus.PartiallyRefunded, (await OrderAsync(app, refundedNo)).Status);
        var w = await Wallets.WalletAsync(app.Factory, userId);
        Assert.Equal((380_00L, 0L), (w.Principal.Fen, w.Frozen.Fen));
        await Wallets.AssertBalancesEqualLedgerAsync(app.Factory, userId);

        // An order nobody pays is closed once it is older than the limit: at WeChat Pay and here.
        var (unpaidNo, _) = await BuyAsync(http, "buy-3");
        await using (var db = app.Context())
            await db.RechargeOrders.Where(o => o.OrderNo == unpaidNo).ExecuteUpdateAsync(u => u.SetProperty(o => o.CreatedAt, DateTime.UtcNow.AddHours(-1)));
        await RunRecoveryAsync(app);
        Assert.Equal(RechargeOrderStatus.Closed, (await OrderAsync(app, unpaidNo)).Status);
        Assert.Empty(await sandbox.PayAsync(unpaidNo)); // WeChat Pay will not take a payment for it any more
    }

    private static async Task RunRecoveryAsync(LiveWebApp app) =>
        await ActivatorUtilities.CreateInstance<PaymentRecoveryJob>(app.Services).Execute(null!, CancellationToken.None);

    [Fact]
    public async Task A_user_may_have_only_three_refunds_waiting_and_only_five_unpaid_orders()
    {
        var (app, http, _, order) = await PaidOrderAsync();
        await using var _ = app;
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Accepted, (await http.PostAsJsonAsync($"/api/app/v1/recharge/orders/{order.OrderNo}/refunds", new { amount = 1m, requestId = $"u-{i}" })).StatusCode);
        var fourth = await http.PostAsJsonAsync($"/api/app/v1/recharge/orders/{order.OrderNo}/refunds", new { amount = 1m, requestId = "u-3" });
        Assert.Equal("您已有退款在处理中，请等待完成后再申请", (await fourth.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());

        for (var i = 0; i < 5; i++) await BuyAsync(http, $"more-{i}"); // five orders left unpaid
        var sixth = await http.PostAsJsonAsync("/api/app/v1/recharge/orders", new { packageId = order.RechargePackageId, openId = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o", requestId = "more-5" });
        Assert.Equal(HttpStatusCode.Conflict, sixth.StatusCode);
        Assert.Equal("您有 5 笔待支付的充值订单，请先完成支付或稍后再试", (await sixth.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString());
    }
}
