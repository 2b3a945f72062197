using System.Net;
using ChargeConsole.Tests.Support;
using MiniExcelLibs;

namespace ChargeConsole.Tests.Web;

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

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_and_the_message_does_not_tell_which_accounts_exist()
    {
        await using var web = await TestWebApp.StartAsync();
        var client = web.Client();
        for (var i = 0; i < 5; i++)
        {
            var wrong = await TestWebApp.SignInAsync(client, "operator", "wrong-password1");
            Assert.Equal(HttpStatusCode.OK, wrong.StatusCode);
        }
        var locked = await TestWebApp.SignInAsync(client, "operator", "operator123");
        Assert.Equal(HttpStatusCode.OK, locked.StatusCode); // no redirect: not signed in
        var lockedPage = await locked.Content.ReadAsStringAsync();
        var stranger = await (await TestWebApp.SignInAsync(web.Client(), "nobody-here", "whatever123")).Content.ReadAsStringAsync();
        Assert.Contains("账号或密码错误", lockedPage);
        Assert.Contains("账号或密码错误", stranger);
        Assert.DoesNotContain("已锁定", lockedPage);
    }
}
