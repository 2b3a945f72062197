using System.Diagnostics;
using System.Net;
using ChargeConsole.Tests.Support;

namespace ChargeConsole.Tests.Web;

/// <summary>The console's own doors: sign-out, cookies behind a TLS proxy, unknown pages, health probes, a database it cannot use.</summary>
public class ConsoleHardeningTests
{
    [Fact]
    public async Task Signing_out_needs_the_antiforgery_token()
    {
        await using var web = await TestWebApp.StartAsync();
        var client = web.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await TestWebApp.SignInAsync(client, "operator", "operator123")).StatusCode);

        // A cross-site form (no token) cannot sign the operator out.
        var forged = await client.PostAsync("/account/logout", new FormUrlEncodedContent([]));
        Assert.Equal(HttpStatusCode.BadRequest, forged.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/orders")).StatusCode);
    }

    [Fact]
    public async Task Behind_a_tls_proxy_the_sign_in_cookie_is_secure()
    {
        await using var app = LiveWebApp.Start(new Dictionary<string, string> { ["ForwardedHeaders:Enabled"] = "true" });
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = app.Http().BaseAddress };
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        var signedIn = await TestWebApp.SignInAsync(client, "operator", "operator123");

        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var cookie = signedIn.Headers.GetValues("Set-Cookie").Single(c => c.StartsWith(".AspNetCore.Identity.Application"));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task An_unknown_page_shows_the_chinese_404_and_the_probes_answer()
    {
        await using var web = await TestWebApp.StartAsync();
        var client = web.Client();

        var missing = await client.GetAsync("/no-such-page");
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("您访问的页面不存在", await missing.Content.ReadAsStringAsync());
        Assert.Contains("您访问的页面不存在", await client.GetStringAsync("/not-found"));
        Assert.Contains("处理请求时发生错误", await client.GetStringAsync("/error")); // where unhandled errors land outside Development
        Assert.Equal("Healthy", await (await client.GetAsync("/healthz")).Content.ReadAsStringAsync());
        Assert.Equal("Healthy", await (await client.GetAsync("/readyz")).Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Demo_users_read_family_name_first_as_chinese_names_do()
    {
        await using var web = await TestWebApp.StartAsync();
        await using var db = web.Context();
        var names = await Microsoft.EntityFrameworkCore.EntityFrameworkQueryableExtensions.ToListAsync(db.AppUsers.Select(u => u.Nickname));
        Assert.NotEmpty(names);
        Assert.All(names, n => Assert.DoesNotContain(" ", n));
    }

    [Fact]
    public async Task A_database_that_cannot_be_opened_stops_the_start_with_one_chinese_line_and_a_non_zero_exit()
    {
        var start = new ProcessStartInfo("dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "ChargeConsole.dll"), "--urls", "http://127.0.0.1:0", "--Ykc:Port", "0",
                "--ConnectionStrings:Sqlite", "Data Source=/proc/chargeconsole-test.db" },
            RedirectStandardError = true, RedirectStandardOutput = true, WorkingDirectory = AppContext.BaseDirectory,
        };
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEndAsync();
        _ = process.StandardOutput.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(90));
        await process.WaitForExitAsync(timeout.Token);

        Assert.Equal(1, process.ExitCode);
        var lines = (await stderr).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var line = Assert.Single(lines);
        Assert.StartsWith("启动失败：无法使用数据库 /proc/chargeconsole-test.db", line);
        Assert.DoesNotContain(" at ", line);
    }
}
