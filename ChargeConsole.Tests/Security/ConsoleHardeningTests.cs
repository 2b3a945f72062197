using System.Net;
using ChargeConsole.Tests.Support;

namespace ChargeConsole.Tests.Security;

/// <summary>The console's own doors: sign-out, cookies behind a TLS proxy, unknown pages, health probes, a database it cannot use.</summary>
[Trait(TestKind.Name, TestKind.Live)]
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

    /// <summary>Issue 20, item 15.</summary>
    [Fact]
    public async Task Pages_files_and_the_claim_page_forbid_sniffing_framing_and_scripts_from_elsewhere()
    {
        await using var web = await TestWebApp.StartAsync();
        var client = web.Client();
        foreach (var path in new[] { "/login", "/c/no-such-coupon", "/media/posters/202612/0123456789abcdef0123456789abcdef.png", "/favicon.ico", "/api/app/v1/stations/tags" })
        {
            var answer = await client.GetAsync(path);
            Assert.True(answer.Headers.TryGetValues("X-Content-Type-Options", out var sniff) && sniff.Single() == "nosniff", $"{path}: no nosniff");
            var csp = answer.Headers.GetValues("Content-Security-Policy").Single();
            Assert.Contains("frame-ancestors 'none'", csp);
            if (answer.Content.Headers.ContentType?.MediaType == "text/html")
                Assert.Matches("script-src 'self' 'nonce-[A-Za-z0-9+/=]{24}'", csp);
            else
                Assert.StartsWith("default-src 'none'", csp);
        }
        Assert.Equal("image/x-icon", (await client.GetAsync("/favicon.ico")).Content.Headers.ContentType?.MediaType);
        // The claim page's one inline script carries this request's nonce, and no other script runs.
        var claim = await client.GetAsync("/c/no-such-coupon");
        Assert.DoesNotContain("<script>", await claim.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_database_that_cannot_be_opened_stops_the_start_with_one_chinese_line_and_a_non_zero_exit()
    {
        var exit = await ConsoleProcess.RunAsync(["--ConnectionStrings:Sqlite", "Data Source=/proc/chargeconsole-test.db"]);

        Assert.Equal(1, exit.Code);
        var line = Assert.Single(exit.ErrorLines);
        Assert.StartsWith("启动失败：无法使用数据库 /proc/chargeconsole-test.db", line);
        Assert.DoesNotContain(" at ", line);
    }

    /// <summary>Issue 20, items 9, 10 and 12: a setting the console cannot start with is named in one Chinese line, exit code 1, no stack trace.</summary>
    [Fact]
    public async Task A_bad_setting_stops_the_start_with_one_chinese_line_naming_it_and_exit_code_1()
    {
        var keys = Directory.CreateTempSubdirectory("cc-keys-");
        try
        {
            using var merchant = System.Security.Cryptography.RSA.Create(2048);
            var garbage = Path.Combine(keys.FullName, "garbage.pem");
            var publicHalf = Path.Combine(keys.FullName, "merchant_pub.pem");
            var privateKey = Path.Combine(keys.FullName, "apiclient_key.pem");
            await File.WriteAllTextAsync(garbage, "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----\n");
            await File.WriteAllTextAsync(publicHalf, merchant.ExportSubjectPublicKeyInfoPem());
            await File.WriteAllTextAsync(privateKey, merchant.ExportPkcs8PrivateKeyPem());
            Dictionary<string, string> Merchant(string key, string platform) => new()
            {
                ["WeChatPay__Enabled"] = "true", ["WeChatPay__MchId"] = "1900000109", ["WeChatPay__AppId"] = "wx0000000000000001",
                ["WeChatPay__CertificateSerialNo"] = "SERIAL0001", ["WeChatPay__PrivateKeyPath"] = key, ["WeChatPay__ApiV3Key"] = new string('k', 32),
                ["WeChatPay__PlatformPublicKeys__PUB_KEY_ID_1"] = platform, ["WeChatPay__NotifyBaseUrl"] = "https://console.example.com",
            };

            var cases = new (string[] Args, Dictionary<string, string> Env, string Expected)[]
            {
                ([], new() { ["ASPNETCORE_ENVIRONMENT"] = "Production", ["WeChatPay__Sandbox__Enabled"] = "true" }, "启动失败：WeChatPay:Sandbox:Enabled（微信支付沙箱）只用于演示和测试"),
                ([], Merchant(garbage, publicHalf), "启动失败：WeChatPay:PrivateKeyPath（商户私钥 apiclient_key.pem）无法读取为 RSA 密钥"),
                ([], Merchant(publicHalf, publicHalf), "启动失败：WeChatPay:PrivateKeyPath（商户私钥 apiclient_key.pem）不是私钥"),
                ([], Merchant(privateKey, privateKey), "启动失败：WeChatPay:PlatformPublicKeys:PUB_KEY_ID_1（微信支付公钥）是私钥"),
                (["--Ykc:Port", "abc"], new(), "启动失败：配置项 Ykc:Port 的值无法识别（应为整数）"),
            };
            foreach (var (args, env, expected) in cases)
            {
                var exit = await ConsoleProcess.RunAsync(args, env);
                Assert.True(exit.Code == 1, $"{expected}: exit code {exit.Code}\n{string.Join("\n", exit.ErrorLines)}");
                var line = Assert.Single(exit.ErrorLines);
                Assert.StartsWith(expected, line);
                Assert.DoesNotContain(" at ", line);
            }
        }
        finally { keys.Delete(recursive: true); }
    }
}
