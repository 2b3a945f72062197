using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ChargeConsole.Tests.Support;

/// <summary>The whole web app on the in-memory test server (no sockets), demo data seeded.</summary>
public sealed partial class TestWebApp : AppFactory
{
    public static Task<TestWebApp> StartAsync()
    {
        var app = new TestWebApp();
        _ = app.Server; // builds the host: migrations and demo seed run now
        return Task.FromResult(app);
    }

    public HttpClient Client() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

    /// <summary>A client whose requests come from <paramref name="address"/> (the test server has no sockets to tell).</summary>
    public HttpClient Client(string address)
    {
        var client = Client();
        client.DefaultRequestHeaders.Add(ClientAddressHeader, address);
        return client;
    }

    private const string ClientAddressHeader = "X-Test-Client-Address";

    protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureServices(s => s.AddSingleton<Microsoft.AspNetCore.Hosting.IStartupFilter>(new ClientAddressFilter()));
    }

    /// <summary>Test-only: gives each request the address its client said it comes from.</summary>
    private sealed class ClientAddressFilter : Microsoft.AspNetCore.Hosting.IStartupFilter
    {
        public Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> Configure(Action<Microsoft.AspNetCore.Builder.IApplicationBuilder> next) => app =>
        {
            app.Use(async (Microsoft.AspNetCore.Http.HttpContext context, Func<Task> nextMiddleware) =>
            {
                if (context.Request.Headers.TryGetValue(ClientAddressHeader, out var a) && IPAddress.TryParse(a.ToString(), out var ip)) context.Connection.RemoteIpAddress = ip;
                await nextMiddleware();
            });
            next(app);
        };
    }

    /// <summary>Posts the static sign-in form as a browser would; returns the response.</summary>
    public static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string userName, string password)
    {
        var page = await client.GetStringAsync("/login");
        var token = TokenPattern().Match(page).Groups[1].Value;
        return await client.PostAsync("/login", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token),
            ["_handler"] = "login",
            ["Input.UserName"] = userName,
            ["Input.Password"] = password,
        }));
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenPattern();
}
