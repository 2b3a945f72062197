using ChargeConsole.Features.Auth;
using ChargeConsole.Infrastructure.Auth;
using Microsoft.EntityFrameworkCore;
using System.Net;
using ChargeConsole.Tests.Support;
using MiniExcelLibs;

namespace ChargeConsole.Tests.Auth;

[Trait(TestKind.Name, TestKind.Live)]
public class SignInAndExportTests
{
    private static List<IDictionary<string, object>> Sheet(byte[] xlsx) =>
        new MemoryStream(xlsx).Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();

    [Fact]
    public async Task Every_page_sends_an_anonymous_visitor_to_sign_in()
    {
        await using var web = await TestWebApp.StartAsync();
        var response = await web.Client().GetAsync("/stations");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/login", response.Headers.Location!.PathAndQuery);
        Assert.Equal(HttpStatusCode.Redirect, (await web.Client().GetAsync("/export/piles")).StatusCode);
    }

    [Fact]
    public async Task Demo_operator_signs_in_and_exports_exactly_the_filtered_piles()
    {
        await using var web = await TestWebApp.StartAsync();
        var client = web.Client();
        var signIn = await TestWebApp.SignInAsync(client, "operator", "operator123");
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal("/", new Uri(client.BaseAddress!, signIn.Headers.Location!).AbsolutePath);

        var response = await client.GetAsync("/export/piles?Type=AC");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", response.Content.Headers.ContentType!.MediaType);
        var rows = Sheet(await response.Content.ReadAsByteArrayAsync());
        Assert.Equal(10, rows.Count); // every fourth demo pile is AC
        Assert.All(rows, r => Assert.Equal("交流", r["类型"]));
        foreach (var staffExport in new[] { "/export/audit", "/export/electricity-prices", "/export/billing-templates", "/export/billing-sync-logs",
                     "/export/ledger", "/export/users", "/export/vehicles", "/export/wallets", "/export/orders" })
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(staffExport)).StatusCode);
        var users = Sheet(await client.GetByteArrayAsync("/export/users?Keyword=1391000003"));
        Assert.Equal(["13910000037"], users.Select(u => (string)u["手机号"]));
        var ledger = Sheet(await client.GetByteArrayAsync("/export/ledger?Phone=13910000037"));
        Assert.All(ledger, l => Assert.Equal("13910000037", l["手机号"]));
        foreach (var page in new[] { "/orders", "/ledger", "/users", "/vehicles", "/wallets" })
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(page)).StatusCode);
    }

    [Fact]
    public async Task An_investor_export_holds_only_their_stations()
    {
        await using var web = await TestWebApp.StartAsync();
        var client = web.Client();
        await TestWebApp.SignInAsync(client, "investor2", "investor123");

        var stations = Sheet(await client.GetByteArrayAsync("/export/stations"));

        Assert.Equal(["南京河西万达充电站", "南京南站P4充电站"], stations.Select(s => (string)s["电站名称"]));
        Assert.DoesNotContain(stations, s => ((string)s["投资人"]).Contains("张三")); // another investor's share stays private
        foreach (var staffOnly in new[] { "/export/audit", "/export/electricity-prices", "/export/billing-templates", "/export/billing-sync-logs",
                     "/export/ledger", "/export/users", "/export/vehicles", "/export/wallets" })
            Assert.StartsWith("/access-denied", (await client.GetAsync(staffOnly)).Headers.Location!.AbsolutePath);
        // Users' wallets and the ledger are the operator's business; the orders of an investor's stations are theirs to see.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/export/orders")).StatusCode);

        // Reports export with their filters bound from the query string, scoped to the investor.
        foreach (var report in new[] { "monthly", "investor-revenue", "stations", "investor-stations", "station-shares" })
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/export/reports/{report}?From=2025-01-01T00:00:00&To=2030-12-31T00:00:00&OrderNo=")).StatusCode);
        // (What an investor's report exports hold is checked on settled orders in ReportConsistencyTests; this app has no history.)
    }

    /// <summary>Issue 20, item 16: a stranger's guesses stop at the stranger's address; the operator at their desk still signs in.</summary>
    [Fact]
    public async Task Five_wrong_passwords_stop_that_address_not_the_account_and_the_message_does_not_tell_which_accounts_exist()
    {
        await using var web = await TestWebApp.StartAsync();
        var attacker = web.Client("203.0.113.9");
        for (var i = 0; i < 5; i++)
        {
            var wrong = await TestWebApp.SignInAsync(attacker, "operator", "wrong-password1");
            Assert.Contains(LoginPage.FailedSignIn, await wrong.Content.ReadAsStringAsync());
        }
        // The sixth try from there is refused before the password is even checked, right password or not.
        var stopped = await TestWebApp.SignInAsync(attacker, "operator", "operator123");
        Assert.Equal(HttpStatusCode.OK, stopped.StatusCode); // no redirect: not signed in
        Assert.Contains(LoginPage.TooManyTries, await stopped.Content.ReadAsStringAsync());
        var stranger = await (await TestWebApp.SignInAsync(web.Client("203.0.113.10"), "nobody-here", "whatever123")).Content.ReadAsStringAsync();
        Assert.Contains(LoginPage.FailedSignIn, stranger);
        Assert.DoesNotContain("锁定", stranger);

        // The operator, from their own address, is not locked out.
        Assert.Equal(HttpStatusCode.Redirect, (await TestWebApp.SignInAsync(web.Client("198.51.100.7"), "operator", "operator123")).StatusCode);
        await using var db = web.Context();
        Assert.Null((await db.Users.SingleAsync(u => u.UserName == "operator")).LockoutEnd);
    }

    [Fact]
    public async Task Sign_in_tries_racing_on_one_account_and_address_never_pass_five()
    {
        await using var db = await TestDatabase.CreateAsync();
        var throttle = db.Get<SignInThrottle>();

        var granted = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => Task.Run(() => throttle.TryReserveAsync("operator", "203.0.113.9"))));

        Assert.Equal(5, granted.Count(g => g));
        Assert.True(await throttle.TryReserveAsync("operator", "198.51.100.7")); // another address has its own five
        db.Clock.Advance(SignInThrottle.Window + TimeSpan.FromSeconds(1));
        Assert.True(await throttle.TryReserveAsync("operator", "203.0.113.9")); // and the window passes
    }

    [Fact]
    public async Task Wrong_sms_codes_racing_on_one_phone_get_five_tries_in_all()
    {
        await using var db = await TestDatabase.CreateAsync();
        var codes = new ChargeConsole.Api.OneTimeCodes(db.Factory, db.Clock);
        var (code, _) = await codes.IssueAsync("13900001234");
        var wrong = code == "000000" ? "111111" : "000000";

        var answers = await Task.WhenAll(Enumerable.Range(0, 10).Select(_ => Task.Run(() => codes.VerifyAsync("13900001234", wrong))));

        Assert.Equal(5, answers.Count(a => a == "验证码错误"));
        Assert.Equal(5, answers.Count(a => a == "验证码错误次数过多，请重新获取"));
        Assert.Equal("验证码错误次数过多，请重新获取", await codes.VerifyAsync("13900001234", code!)); // spent: even the right code
    }

    [Fact]
    public async Task An_export_link_with_a_parameter_the_console_cannot_read_gets_a_chinese_page_not_an_error()
    {
        await using var web = await TestWebApp.StartAsync();
        var client = web.Client();
        await TestWebApp.SignInAsync(client, "operator", "operator123");

        var badStatus = await client.GetAsync("/export/recharge-orders?Status=abc");
        Assert.Equal(HttpStatusCode.BadRequest, badStatus.StatusCode);
        Assert.Contains("链接中的筛选条件无法识别", await badStatus.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync("/export/orders?From=not-a-date")).StatusCode);
        // A day far outside any data is simply a day: the list it finds (none) is exported.
        foreach (var path in new[] { "/export/recharge-orders?PaidFrom=0001-01-01T00:00:00&PaidTo=9999-12-31T00:00:00", "/export/coupons?From=0001-01-01T00:00:00&To=9999-12-31T00:00:00",
                     "/export/reports/monthly?From=0001-01-01T00:00:00&To=9999-12-31T00:00:00" })
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
    }
}
