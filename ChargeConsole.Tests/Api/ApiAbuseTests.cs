using ChargeConsole.Features.StoredValue;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ChargeConsole.Api;
using ChargeConsole.Infrastructure.Auth;
using ChargeConsole.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Tests.Api;

/// <summary>The mini-program API fed what a careless client or an attacker sends: every error is Chinese problem details and changes nothing.</summary>
[Trait(TestKind.Name, TestKind.Live)]
public class ApiAbuseTests
{
    private static readonly AccessScope Operator = new("op", "operator", false, null);

    private static async Task<JsonElement> ProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var text = body.GetRawText();
        Assert.DoesNotContain("   at ", text); // no stack trace
        Assert.Matches("[\u4e00-\u9fff]", body.TryGetProperty("errors", out var errors) ? errors.GetRawText() : body.GetProperty("detail").GetString()!);
        return body;
    }

    private static StringContent Json(string raw) => new(raw, Encoding.UTF8, "application/json");


    [Fact]
    public async Task Missing_null_and_malformed_input_gets_chinese_problem_details_never_a_500()
    {
        await using var app = LiveWebApp.Start();
        var http = app.Http();

        var missing = await ProblemAsync(await http.PostAsync("/api/app/v1/auth/sms-code", Json("{}")), HttpStatusCode.BadRequest);
        Assert.Contains("请输入手机号", missing.GetRawText());
        await ProblemAsync(await http.PostAsync("/api/app/v1/auth/sms-code", Json("{\"phone\":null}")), HttpStatusCode.BadRequest);
        await ProblemAsync(await http.PostAsync("/api/app/v1/auth/token", Json("{\"phone\":\"13800001111\"}")), HttpStatusCode.BadRequest);
        await ProblemAsync(await http.PostAsync("/api/app/v1/auth/sms-code", Json("null")), HttpStatusCode.BadRequest);
        var malformed = await ProblemAsync(await http.PostAsync("/api/app/v1/auth/sms-code", Json("{\"phone\":")), HttpStatusCode.BadRequest);
        Assert.Contains("请求格式不正确", malformed.GetProperty("detail").GetString());
        await ProblemAsync(await http.PostAsync("/api/app/v1/auth/sms-code", Json("{\"phone\":13800001111}")), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task A_phone_with_a_trailing_newline_signs_in_the_same_account_and_junk_after_it_is_refused()
    {
        await using var app = LiveWebApp.Start();
        var http = app.Http();
        await using (var db = app.Context()) Assert.Equal(1, await db.AppUsers.CountAsync(u => u.Phone == "13910000185"));

        Assert.Equal(HttpStatusCode.NoContent, (await http.PostAsync("/api/app/v1/auth/sms-code", Json("{\"phone\":\"13910000185\\n\"}"))).StatusCode);
        var code = await app.Get<OneTimeCodes>().PeekAsync("13910000185");
        var token = await http.PostAsync("/api/app/v1/auth/token", Json($"{{\"phone\":\"13910000185\\n\",\"code\":\"{code}\"}}"));
        Assert.Equal(HttpStatusCode.OK, token.StatusCode);
        await ProblemAsync(await http.PostAsync("/api/app/v1/auth/sms-code", Json("{\"phone\":\"13910000185x\"}")), HttpStatusCode.BadRequest);

        await using var check = app.Context();
        Assert.Equal(1, await check.AppUsers.CountAsync(u => u.Phone.StartsWith("13910000185")));
    }

    [Fact]
    public async Task Paging_routes_tokens_and_sizes_are_bounded_and_answered_in_chinese()
    {
        await using var app = LiveWebApp.Start();
        var anonymous = app.Http();
        var http = await app.AppUserAsync("13800005555");

        var deep = await ProblemAsync(await http.GetAsync("/api/app/v1/orders?page=2147483647"), HttpStatusCode.BadRequest);
        Assert.Contains("页码不能超过", deep.GetRawText());
        await ProblemAsync(await http.GetAsync("/api/app/v1/me/ledger?page=abc"), HttpStatusCode.BadRequest);
        await ProblemAsync(await http.GetAsync("/api/app/v1/no-such-thing"), HttpStatusCode.NotFound);
        await ProblemAsync(await anonymous.GetAsync("/api/app/v1/me"), HttpStatusCode.Unauthorized);
        var huge = "{\"gunCode\":\"" + new string('1', 100_000) + "\"}";
        var tooLarge = await ProblemAsync(await http.PostAsync("/api/app/v1/orders", Json(huge)), HttpStatusCode.RequestEntityTooLarge);
        Assert.Contains("请求内容过大", tooLarge.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task Sign_in_codes_are_limited_per_address_across_phone_numbers()
    {
        await using var app = LiveWebApp.Start(new Dictionary<string, string> { ["Sms:PerAddressPerMinute"] = "3" });
        var http = app.Http();
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.NoContent, (await http.PostAsJsonAsync("/api/app/v1/auth/sms-code", new { phone = $"1370000000{i}" })).StatusCode);

        var fourth = await ProblemAsync(await http.PostAsJsonAsync("/api/app/v1/auth/sms-code", new { phone = "13700000009" }), HttpStatusCode.TooManyRequests);
        Assert.Contains("过于频繁", fourth.GetProperty("detail").GetString());
        Assert.Null(await app.Get<OneTimeCodes>().PeekAsync("13700000009"));
    }

    [Fact]
    public async Task Sign_in_codes_have_a_global_ceiling_too()
    {
        await using var app = LiveWebApp.Start(new Dictionary<string, string> { ["Sms:PerAddressPerMinute"] = "100", ["Sms:GlobalPerMinute"] = "2" });
        var http = app.Http();
        for (var i = 0; i < 2; i++)
            Assert.Equal(HttpStatusCode.NoContent, (await http.PostAsJsonAsync("/api/app/v1/auth/sms-code", new { phone = $"1370000001{i}" })).StatusCode);
        await ProblemAsync(await http.PostAsJsonAsync("/api/app/v1/auth/sms-code", new { phone = "13700000019" }), HttpStatusCode.TooManyRequests);
    }

    [Fact]
    public async Task Codes_expire_and_are_removed_from_the_database()
    {
        await using var db = await TestDatabase.CreateAsync();
        var codes = new OneTimeCodes(db.Factory, db.Clock);
        var (first, _) = await codes.IssueAsync("13700000021");
        Assert.NotNull(first);

        db.Clock.Advance(OneTimeCodes.Lifetime + TimeSpan.FromSeconds(1));
        await codes.IssueAsync("13700000022");

        await using var ctx = db.Context();
        Assert.False(await ctx.SmsCodes.AnyAsync(c => c.Phone == "13700000021"));
        Assert.Equal("验证码已过期，请重新获取", await codes.VerifyAsync("13700000021", first!));
    }

    [Fact]
    public async Task A_start_retried_with_its_request_id_returns_the_same_order_and_starts_once()
    {
        await using var app = LiveWebApp.Start();
        var http = await app.AppUserAsync("13800006666");
        await using var pile = app.Pile("32010200000001");
        await app.PileReadyAsync(pile);
        int userId;
        await using (var db = app.Context()) userId = await db.AppUsers.Where(u => u.Phone == "13800006666").Select(u => u.Id).SingleAsync();
        Assert.True((await app.Get<WalletService>().AdjustAsync(Operator, new AdjustmentForm { AppUserId = userId, Amount = 50m, Reason = "测试充值" })).Succeeded);

        var body = new { gunCode = "3201020000000101", requestId = "start-0001-abcdef" };
        var first = await http.PostAsJsonAsync("/api/app/v1/orders", body);
        var again = await http.PostAsJsonAsync("/api/app/v1/orders", body);

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, again.StatusCode);
        var a = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderNo").GetString();
        var b = (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderNo").GetString();
        Assert.Equal(a, b);
        await using var check = app.Context();
        Assert.Equal(1, await check.ChargingOrders.CountAsync(o => o.AppUserId == userId));
    }
}
