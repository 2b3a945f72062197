using ChargeConsole.Features.StoredValue;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using ChargeConsole.Api;
using ChargeConsole.Domain.Orders;
using ChargeConsole.Infrastructure.Auth;
using ChargeConsole.Tests.Support;

namespace ChargeConsole.Tests.Api;

/// <summary>The mini-program API over real HTTP, against the demo network and a simulated pile.</summary>
[Trait(TestKind.Name, TestKind.Live)]
public class AppApiTests
{
    private static readonly AccessScope Operator = new("op", "operator", false, null);
    private const string Gun1 = "32010200000001" + "01";
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);


    private static async Task<string> DetailAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString()!;

    [Fact]
    public async Task Sign_in_takes_a_valid_phone_and_the_one_time_code_and_everything_else_needs_the_token()
    {
        await using var app = LiveWebApp.Start();
        var http = app.Http();

        var badPhone = await http.PostAsJsonAsync("/api/app/v1/auth/sms-code", new { phone = "12345" });
        Assert.Equal(HttpStatusCode.BadRequest, badPhone.StatusCode);
        Assert.Contains("请输入正确的 11 位手机号", await badPhone.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NoContent, (await http.PostAsJsonAsync("/api/app/v1/auth/sms-code", new { phone = "13800001111" })).StatusCode);
        var again = await http.PostAsJsonAsync("/api/app/v1/auth/sms-code", new { phone = "13800001111" });
        Assert.Equal(HttpStatusCode.TooManyRequests, again.StatusCode);
        Assert.Contains("秒后再获取", await DetailAsync(again));

        var code = (await app.Get<OneTimeCodes>().PeekAsync("13800001111"))!;
        var wrong = await http.PostAsJsonAsync("/api/app/v1/auth/token", new { phone = "13800001111", code = code == "000000" ? "111111" : "000000" });
        Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
        Assert.Equal("验证码错误", await DetailAsync(wrong));

        Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/api/app/v1/me")).StatusCode);
        var token = await http.PostAsJsonAsync("/api/app/v1/auth/token", new { phone = "13800001111", code });
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer",
            (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString());
        var me = await http.GetFromJsonAsync<ProfileView>("/api/app/v1/me", Json);
        Assert.Equal("13800001111", me!.Phone);
        Assert.Equal(0m, me.Wallet.Principal);

        // A code works once.
        var reuse = await app.Http().PostAsJsonAsync("/api/app/v1/auth/token", new { phone = "13800001111", code });
        Assert.Equal(HttpStatusCode.BadRequest, reuse.StatusCode);
    }

    [Fact]
    public async Task A_user_starts_a_charge_by_gun_code_watches_it_and_stops_it_and_the_wallet_and_ledger_show_the_settled_amount()
    {
        await using var app = LiveWebApp.Start();
        var http = await app.AppUserAsync("13800002222");
        var me = (await http.GetFromJsonAsync<ProfileView>("/api/app/v1/me", Json))!;
        await using var pile = app.Pile("32010200000001", powerKw: 7_200);
        await LiveWebApp.Eventually(async () =>
        {
            var near = await http.GetFromJsonAsync<List<NearbyStation>>("/api/app/v1/stations/nearby?lat=32.04&lng=118.78&radiusKm=5", Json);
            return near![0].Name == "南京新街口充电站" && near[0].FreeGuns >= 2;
        }, "the pile's guns free at the nearest station");

        var poor = await http.PostAsJsonAsync("/api/app/v1/orders", new { gunCode = Gun1 });
        Assert.Equal(HttpStatusCode.Conflict, poor.StatusCode);
        Assert.Contains("余额不足", await DetailAsync(poor));
        var badGun = await http.PostAsJsonAsync("/api/app/v1/orders", new { gunCode = "123" });
        Assert.Equal(HttpStatusCode.BadRequest, badGun.StatusCode);
        Assert.Contains("枪编号是 16 位数字", await badGun.Content.ReadAsStringAsync());

        Assert.True((await app.Get<WalletService>().AdjustAsync(Operator, new AdjustmentForm { AppUserId = me.Id, Amount = 100m, Reason = "测试充值" })).Succeeded);
        var started = await http.PostAsJsonAsync("/api/app/v1/orders", new { gunCode = Gun1 });
        Assert.Equal(HttpStatusCode.Created, started.StatusCode);
        var order = (await started.Content.ReadFromJsonAsync<OrderView>(Json))!;
        Assert.Equal(ChargingOrderStatus.Charging, order.Status);
        OrderView? live = null;
        await LiveWebApp.Eventually(async () => (live = await http.GetFromJsonAsync<OrderView>($"/api/app/v1/orders/{order.OrderNo}", Json))!.EnergyKwh > 0, "live energy");
        Assert.Null(live!.ElectricityFee); // the running amount is not split by period: no fees to show yet
        Assert.Null(live.ServiceFee);

        var stopped = await http.PostAsync($"/api/app/v1/orders/{order.OrderNo}/stop", null);
        Assert.Equal(HttpStatusCode.OK, stopped.StatusCode);
        OrderView? final = null;
        await LiveWebApp.Eventually(async () => (final = await http.GetFromJsonAsync<OrderView>($"/api/app/v1/orders/{order.OrderNo}", Json))!.Status == ChargingOrderStatus.Settled, "settled");

        var wallet = (await http.GetFromJsonAsync<ProfileView>("/api/app/v1/me", Json))!.Wallet;
        Assert.Equal(100m - final!.Amount, wallet.Principal);
        Assert.Equal(final.Amount - final.Discount, final.ElectricityFee + final.ServiceFee);
        Assert.Equal("用户结束充电", final.StopReason); // the pile says 远程停止; the console knows who asked
        Assert.Equal(final.Amount, final.PaidPrincipal);
        var ledger = (await http.GetFromJsonAsync<Paged<LedgerItem>>("/api/app/v1/me/ledger", Json))!;
        Assert.Contains(ledger.Items, l => l.SourceNo == order.OrderNo && l.Amount == -final.Amount && l.Account == "本金");
        Assert.Equal(wallet.Principal, ledger.Items.Where(l => l.Account == "本金").Sum(l => l.Amount));

        var other = await app.AppUserAsync("13800003333");
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/app/v1/orders/{order.OrderNo}")).StatusCode);
    }

    [Fact]
    public async Task Bad_coordinates_are_refused_in_chinese_and_the_api_is_described_by_an_openapi_document()
    {
        await using var app = LiveWebApp.Start();
        var http = await app.AppUserAsync("13800004444");
        var bad = await http.GetAsync("/api/app/v1/stations/nearby?lat=95&lng=118");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Contains("纬度必须在 -90 到 90 之间", await bad.Content.ReadAsStringAsync());

        var doc = await app.Http().GetStringAsync("/openapi/app.json");
        Assert.Contains("/api/app/v1/orders/{orderNo}/stop", doc);
        Assert.Contains("/api/app/v1/auth/token", doc);
    }
}
