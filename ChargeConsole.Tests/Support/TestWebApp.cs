using System.Net;
using System.Text.RegularExpressions;
using ChargeConsole.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChargeConsole.Tests.Support;

/// <summary>The whole web app with the demo seed on a fresh SQLite file.</summary>
public sealed partial class TestWebApp : WebApplicationFactory<Program>, IAsyncDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"cc-web-{Guid.NewGuid():N}.db");

    public static async Task<TestWebApp> StartAsync()
    {
        var app = new TestWebApp();
        _ = app.Server; // builds the host: migrations and demo seed run now
        await Task.CompletedTask;
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={_path}");
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Demo:SimulatePiles", "false"); // the test server opens no pile port
    }

    public ChargeDbContext Context() => Services.GetRequiredService<IDbContextFactory<ChargeDbContext>>().CreateDbContext();

    public HttpClient Client() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true });

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

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            if (File.Exists(file)) File.Delete(file);
        }
    }
}
