using ChargeConsole.Domain.Wallets;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ChargeConsole.Data.Entities;
using ChargeConsole.Features.StoredValue;
using ChargeConsole.Infrastructure.Payments.Sandbox;
using ChargeConsole.Infrastructure.Payments.WeChatPay;
using ChargeConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Tests.StoredValue;

/// <summary>
/// Recharges and refunds end to end: the mini-program API, the console's WeChat Pay client over real HTTP to the
/// sandbox, and the sandbox's signed, encrypted callbacks back to the console.
/// </summary>
[Trait(TestKind.Name, TestKind.Live)]
public class RechargeFlowTests
{
    private const string OpenId = "oUpF8uMuAJO_M2pxb1Q9zNjWeS6o";

    internal static async Task<(HttpClient Http, int UserId)> NewUserAsync(LiveWebApp app)
    {
        var phone = "137" + Random.Shared.Next(10_000_000, 99_999_999);
        var http = await app.AppUserAsync(phone);
        await using var db = app.Context();
        return (http, await db.AppUsers.Where(u => u.Phone == phone).Select(u => u.Id).SingleAsync());
    }

    /// <summary>Buys 充200送10 through the API; returns the order number and the answer's JSON.</summary>
    internal static async Task<(string OrderNo, JsonElement Answer)> BuyAsync(HttpClient http, string requestId)
    {
        var packages = await http.GetFromJsonAsync<JsonElement>("/api/app/v1/recharge/packages");
        var package = packages.EnumerateArray().Single(p => p.GetProperty("name").GetString() == "充200送10");
        Assert.Equal(210m, package.GetProperty("credited").GetDecimal());
        var created = await http.PostAsJsonAsync("/api/app/v1/recharge/orders", new { packageId = package.GetProperty("id").GetInt32(), openId = OpenId, requestId });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var answer = await created.Content.ReadFromJsonAsync<JsonElement>();
        return (answer.GetProperty("order").GetProperty("orderNo").GetString()!, answer);
    }

    internal static async Task<RechargeOrder> OrderAsync(LiveWebApp app, string orderNo)
    {
        await using var db = app.Context();
        return await db.RechargeOrders.AsNoTracking().SingleAsync(o => o.OrderNo == orderNo);
    }

    [Fact]
    public async Task A_recharge_is_credited_principal_and_bonus_once_when_the_payment_callback_arrives_however_often()
    {
        await using var app = LiveWebApp.Start();
        var (http, userId) = await NewUserAsync(app);

        var (orderNo, answer) = await BuyAsync(http, "buy-1");
        var (again, _) = await BuyAsync(http, "buy-1");
        Assert.Equal(orderNo, again); // a retried request is the same order

        // The payment parameters are signed with the merchant key over appId, timeStamp, nonceStr and package.
        var p = answer.GetProperty("payment");
        Assert.Equal(SandboxOptions.AppId, p.GetProperty("appId").GetString());
        Assert.StartsWith("prepay_id=wx", p.GetProperty("package").GetString());
        Assert.Equal("RSA", p.GetProperty("signType").GetString());
        using var merchant = RSA.Create();
        merchant.ImportFromPem(File.ReadAllText(Path.Combine(AppFactory.SandboxKeys, "merchant_key.pem")));
        var signed = $"{SandboxOptions.AppId}\n{p.GetProperty("timeStamp").GetString()}\n{p.GetProperty("nonceStr").GetString()}\n{p.GetProperty("package").GetString()}\n";
        Assert.True(merchant.VerifyData(Encoding.UTF8.GetBytes(signed), Convert.FromBase64String(p.GetProperty("paySign").GetString()!), HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1));
        Assert.Equal(RechargeOrderStatus.Unpaid, (await OrderAsync(app, orderNo)).Status);

        var answers = await app.Get<WeChatPaySandbox>().PayAsync(orderNo, copies: 3);

        Assert.Equal([204, 204, 204], answers);
        var order = await OrderAsync(app, orderNo);
        Assert.Equal((RechargeOrderStatus.Paid, 200_00L, 10_00L), (order.Status, order.PaidAmount.Fen, order.BonusAmount.Fen));
        var wallet = await Wallets.WalletAsync(app.Factory, userId);
        Assert.Equal((200_00L, 10_00L), (wallet.Principal.Fen, wallet.Bonus.Fen));
        await using (var db = app.Context())
            Assert.Equal(2, await db.LedgerEntries.CountAsync(l => l.SourceNo == orderNo));
        await Wallets.AssertBalancesEqualLedgerAsync(app.Factory, userId);
        var status = await http.GetFromJsonAsync<JsonElement>($"/api/app/v1/recharge/orders/{orderNo}");
        Assert.Equal(("已支付", 200m), (status.GetProperty("statusName").GetString(), status.GetProperty("refundable").GetDecimal()));
    }

    [Fact]
    public async Task A_payment_whose_amount_differs_from_the_order_is_not_credited_and_is_flagged()
    {
        await using var app = LiveWebApp.Start();
        var (http, userId) = await NewUserAsync(app);
        var (orderNo, _) = await BuyAsync(http, "buy-1");

        Assert.Equal([204], await app.Get<WeChatPaySandbox>().PayAsync(orderNo, reportedTotal: 1));

        var order = await OrderAsync(app, orderNo);
        Assert.Equal(RechargeOrderStatus.Unpaid, order.Status);
        Assert.Equal("微信支付金额 0.01 元与订单金额 200.00 元不符，未入账", order.PaymentIssue);
        Assert.Equal(0L, (await Wallets.WalletAsync(app.Factory, userId)).Principal.Fen);
    }

    [Fact]
    public async Task A_forged_or_altered_callback_gets_401_and_changes_nothing_a_replay_changes_nothing()
    {
        await using var app = LiveWebApp.Start();
        var (http, userId) = await NewUserAsync(app);
        var (orderNo, _) = await BuyAsync(http, "buy-1");
        var sandbox = app.Get<WeChatPaySandbox>();
        var order = await OrderAsync(app, orderNo);
        var resource = new WxTransaction(SandboxOptions.AppId, SandboxOptions.MchId, orderNo, "4200000000000000000000000001", WxTransaction.Success, "支付成功",
            null, new WxPayer(OpenId), new WxTransactionAmount(order.PaidAmount.Fen, order.PaidAmount.Fen));
        var (body, headers) = sandbox.Callback(WxNotification.TransactionSuccess, "transaction", "支付成功", resource);
        var raw = app.Http();

        async Task<HttpStatusCode> Post(string b, IDictionary<string, string> h)
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, "/api/pay/wechat/notify/transaction") { Content = new StringContent(b, Encoding.UTF8, "application/json") };
            foreach (var (k, v) in h) request.Headers.TryAddWithoutValidation(k, v);
            return (await raw.SendAsync(request)).StatusCode;
        }

        // One character of the signed body changed; the right body under another key's signature; no signature at all.
        Assert.Equal(HttpStatusCode.Unauthorized, await Post(body.Replace("\"id\":\"", "\"id\":\"x"), headers));
        using var other = RSA.Create(2048);
        var ts = headers["Wechatpay-Timestamp"];
        var forged = new Dictionary<string, string>(headers) { ["Wechatpay-Signature"] = WeChatPaySignature.Sign(other, $"{ts}\n{headers["Wechatpay-Nonce"]}\n{body}\n") };
        Assert.Equal(HttpStatusCode.Unauthorized, await Post(body, forged));
        Assert.Equal(HttpStatusCode.Unauthorized, await Post(body, new Dictionary<string, string>()));
        Assert.Equal(RechargeOrderStatus.Unpaid, (await OrderAsync(app, orderNo)).Status);
        Assert.Equal(0L, (await Wallets.WalletAsync(app.Factory, userId)).Principal.Fen);

        // The genuine message credits once; sent again it changes nothing.
        Assert.Equal(HttpStatusCode.NoContent, await Post(body, headers));
        Assert.Equal(HttpStatusCode.NoContent, await Post(body, headers));
        Assert.Equal(200_00L, (await Wallets.WalletAsync(app.Factory, userId)).Principal.Fen);
        await Wallets.AssertBalancesEqualLedgerAsync(app.Factory, userId);
    }
}
