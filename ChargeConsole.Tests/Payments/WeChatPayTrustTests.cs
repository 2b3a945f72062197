using ChargeConsole.Domain.Wallets;
using System.Net;
using System.Text;
using ChargeConsole.Domain.Values;
using ChargeConsole.Features.StoredValue;
using ChargeConsole.Infrastructure.Payments.Sandbox;
using ChargeConsole.Infrastructure.Payments.WeChatPay;
using ChargeConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static ChargeConsole.Tests.StoredValue.RechargeFlowTests;

namespace ChargeConsole.Tests.Payments;

/// <summary>
/// Issue 20, items 5, 8, 11 and 13: the sandbox remembers across restarts and never issues an id twice, the demo's past
/// can be refunded, and a payment the console cannot credit is logged, audited and flagged — never silently taken.
/// </summary>
[Trait(TestKind.Name, TestKind.Live)]
public class WeChatPayTrustTests
{
    private static async Task<HttpStatusCode> PostCallbackAsync(LiveWebApp app, string body, IDictionary<string, string> headers)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/pay/wechat/notify/transaction") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
        foreach (var (k, v) in headers) request.Headers.TryAddWithoutValidation(k, v);
        return (await app.Http().SendAsync(request)).StatusCode;
    }

    [Fact]
    public async Task After_a_console_restart_the_sandbox_issues_new_ids_and_a_new_payment_and_refund_go_through()
    {
        var database = Path.Combine(Path.GetTempPath(), $"cc-restart-{Guid.NewGuid():N}.db");
        var store = Path.Combine(Path.GetTempPath(), $"cc-restart-wx-{Guid.NewGuid():N}.db");
        var settings = new Dictionary<string, string> { ["ConnectionStrings:Sqlite"] = $"Data Source={database}", ["WeChatPay:Sandbox:StorePath"] = store };
        try
        {
            string firstTransaction, firstRefund;
            await using (var app = LiveWebApp.Start(settings))
            {
                var (http, _) = await NewUserAsync(app);
                var (orderNo, _) = await BuyAsync(http, "before-restart");
                await app.Get<WeChatPaySandbox>().PayAsync(orderNo);
                var order = await OrderAsync(app, orderNo);
                var refund = await app.Get<RefundService>().RequestAsync(RefundAsker.Operator("operator", "r-before"), order.Id, Money.FromFen(10_00), "重启前退款");
                Assert.True(refund.Succeeded, refund.Error);
                firstTransaction = order.ProviderTransactionId!;
                await using var db = app.Context();
                firstRefund = (await db.Refunds.SingleAsync(r => r.RefundNo == refund.RefundNo)).ProviderRefundId!;
            }

            // The same database and the same WeChat Pay (its store), a console started again.
            await using (var app = LiveWebApp.Start(settings))
            {
                var (http, userId) = await NewUserAsync(app);
                var (orderNo, _) = await BuyAsync(http, "after-restart");
                Assert.Equal([204], await app.Get<WeChatPaySandbox>().PayAsync(orderNo));
                var order = await OrderAsync(app, orderNo);
                Assert.Equal(RechargeOrderStatus.Paid, order.Status);
                Assert.NotEqual(firstTransaction, order.ProviderTransactionId);
                Assert.Equal((200_00L, 10_00L), ((await Wallets.WalletAsync(app.Factory, userId)).Principal.Fen, (await Wallets.WalletAsync(app.Factory, userId)).Bonus.Fen));
                var refund = await app.Get<RefundService>().RequestAsync(RefundAsker.Operator("operator", "r-after"), order.Id, Money.FromFen(10_00), "重启后退款");
                Assert.True(refund.Succeeded, refund.Error);
                await using var db = app.Context();
                Assert.Equal(1, await db.AuditLogs.CountAsync(a => a.Action == "储值到账" && a.Target == orderNo && a.Succeeded));
                Assert.NotEqual(firstRefund, (await db.Refunds.SingleAsync(r => r.RefundNo == refund.RefundNo)).ProviderRefundId);
                // And the order paid before the restart is still known to WeChat Pay: it can be refunded too.
                var before = await db.RechargeOrders.SingleAsync(o => o.ProviderTransactionId == firstTransaction);
                Assert.True((await app.Get<RefundService>().RequestAsync(RefundAsker.Operator("operator", "r-old"), before.Id, Money.FromFen(5_00), "重启后退旧单")).Succeeded);
            }
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            foreach (var f in new[] { database, store }.SelectMany(p => new[] { p, p + "-wal", p + "-shm" }))
                if (File.Exists(f)) File.Delete(f);
        }
    }

    [Fact]
    public async Task A_seeded_demo_recharge_is_known_to_the_sandbox_so_the_demos_first_refund_works()
    {
        await using var app = LiveWebApp.Start(new Dictionary<string, string> { ["Demo:HistoryDays"] = "3" });
        var refunds = app.Get<RefundService>();
        await using var db = app.Context();
        var seeded = await db.RechargeOrders.AsNoTracking().Where(o => o.Status == RechargeOrderStatus.Paid).OrderByDescending(o => o.PaidAt).Take(50).ToListAsync();
        Assert.NotEmpty(seeded);
        var order = (await Task.WhenAll(seeded.Select(async o => (o, Left: await refunds.RefundableAsync(o.Id))))).First(x => x.Left > Money.Zero).o;

        var refund = await refunds.RequestAsync(RefundAsker.Operator("operator", "demo-first"), order.Id, Money.FromFen(1_00), "演示：第一笔退款");

        Assert.True(refund.Succeeded, refund.Error);
        Assert.StartsWith("已提交退款 1.00 元", refund.Result.Message);
        Assert.Equal([204], await app.Get<WeChatPaySandbox>().EndRefundAsync(refund.RefundNo!, WxRefund.Success));
        Assert.Equal(RefundStatus.Succeeded, await db.Refunds.Where(r => r.RefundNo == refund.RefundNo).Select(r => r.Status).SingleAsync());
    }

    [Fact]
    public async Task A_signed_payment_the_console_cannot_credit_is_logged_audited_and_flagged_never_silently_accepted()
    {
        await using var app = LiveWebApp.Start();
        var sandbox = app.Get<WeChatPaySandbox>();
        var (http, userId) = await NewUserAsync(app);
        var (paidNo, _) = await BuyAsync(http, "paid");
        await sandbox.PayAsync(paidNo);
        var paid = await OrderAsync(app, paidNo);
        var (otherNo, _) = await BuyAsync(http, "other");

        // A payment of the second order that names the first one's transaction id (a reused id), and a payment for another merchant.
        var reused = new WxTransaction(SandboxOptions.AppId, SandboxOptions.MchId, otherNo, paid.ProviderTransactionId, WxTransaction.Success, "支付成功", null,
            new WxPayer("o1"), new WxTransactionAmount(200_00, 200_00));
        var (body, headers) = sandbox.Callback(WxNotification.TransactionSuccess, "transaction", "支付成功", reused);
        Assert.Equal(HttpStatusCode.NoContent, await PostCallbackAsync(app, body, headers));
        var foreign = reused with { Mchid = "1900000999", TransactionId = "4200000000000000000000FOREIGN" };
        (body, headers) = sandbox.Callback(WxNotification.TransactionSuccess, "transaction", "支付成功", foreign);
        Assert.Equal(HttpStatusCode.NoContent, await PostCallbackAsync(app, body, headers));

        var other = await OrderAsync(app, otherNo);
        Assert.Equal(RechargeOrderStatus.Unpaid, other.Status);
        Assert.Contains("商户号 1900000999", other.PaymentIssue);
        Assert.Equal((200_00L, 10_00L), ((await Wallets.WalletAsync(app.Factory, userId)).Principal.Fen, (await Wallets.WalletAsync(app.Factory, userId)).Bonus.Fen));
        await using var db = app.Context();
        var audited = await db.AuditLogs.Where(a => a.Action == "储值到账" && a.Target == otherNo && !a.Succeeded).Select(a => a.Result).ToListAsync();
        Assert.Contains(audited, r => r.Contains("已记在另一笔储值订单上"));
        Assert.Contains(audited, r => r.Contains("与本商户不符"));
        lock (app.Errors.Warnings) Assert.Contains(app.Errors.Warnings, e => e.Contains("not credited") && e.Contains(otherNo));
    }

    [Fact]
    public async Task A_wrong_merchant_serial_reports_what_wechat_pay_said_not_a_missing_signature()
    {
        await using var app = LiveWebApp.Start();
        var options = app.Get<IOptions<WeChatPayOptions>>().Value;
        var wrong = Options.Create(new WeChatPayOptions
        {
            Enabled = true, MchId = options.MchId, AppId = options.AppId, PrivateKeyPath = options.PrivateKeyPath, ApiV3Key = options.ApiV3Key,
            PlatformPublicKeys = options.PlatformPublicKeys, CertificateSerialNo = "0000WRONGSERIAL", UseOwnAddress = true, BaseUrl = "", NotifyBaseUrl = "",
        });
        var client = new WeChatPayClient(app.Get<IHttpClientFactory>().CreateClient(), app.Get<WeChatPayKeys>(), app.Get<WeChatPayVerifier>(), app.Get<WeChatPayAddresses>(),
            wrong, TimeProvider.System, NullLogger<WeChatPayClient>.Instance);

        var e = await Assert.ThrowsAsync<WeChatPayException>(() => client.QueryAsync("CZNOSUCHORDER", CancellationToken.None));

        Assert.Equal((401, "SIGN_ERROR", "商户证书序列号不匹配"), (e.Status, e.Code, e.ProviderMessage));
    }
}
