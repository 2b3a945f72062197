using ChargeConsole.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ChargeConsole.Tests.Support;

/// <summary>The whole app with the demo seed on its own fresh SQLite file, deleted afterwards.</summary>
public abstract class AppFactory : WebApplicationFactory<Program>, IAsyncDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"cc-app-{Guid.NewGuid():N}.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Database:Provider", "Sqlite");
        builder.UseSetting("ConnectionStrings:Sqlite", $"Data Source={_path}");
        builder.UseSetting("Demo:Enabled", "true");
        builder.UseSetting("Demo:SimulatePiles", "false"); // tests connect the piles they need
        builder.UseSetting("Demo:HistoryDays", "0");
        builder.UseSetting("Demo:Marketing", "false"); // its coupon would take 10 yuan off demo users' charges that tests price by hand
        // WeChat Pay is the sandbox at the app's own address, told by each test when to pay or end a refund.
        builder.UseSetting("WeChatPay:Sandbox:Enabled", "true");
        builder.UseSetting("WeChatPay:Sandbox:KeyFolder", SandboxKeys);
        builder.UseSetting("WeChatPay:Sandbox:StorePath", SandboxStorePath);
    }

    /// <summary>The sandbox's generated keys, shared by every test app of a run (made once).</summary>
    public static readonly string SandboxKeys = Path.Combine(Path.GetTempPath(), "cc-wechatpay-test-keys");

    /// <summary>This app's sandbox store (WeChat Pay's memory), deleted with the app; a test restarting "the console" may pass it on.</summary>
    public string SandboxStorePath { get; init; } = Path.Combine(Path.GetTempPath(), $"cc-wxsandbox-{Guid.NewGuid():N}.db");

    /// <summary>The app's SQLite file, for tests that lock it from outside.</summary>
    public string DatabasePath => _path;

    public IDbContextFactory<ChargeDbContext> Factory => Services.GetRequiredService<IDbContextFactory<ChargeDbContext>>();

    public ChargeDbContext Context() => Services.GetRequiredService<IDbContextFactory<ChargeDbContext>>().CreateDbContext();

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    private readonly List<IAsyncDisposable> _owned = [];

    /// <summary>Disposes <paramref name="thing"/> (a simulated pile) before the app stops.</summary>
    public void OnDispose(IAsyncDisposable thing) => _owned.Add(thing);

    public override async ValueTask DisposeAsync()
    {
        foreach (var thing in _owned) await thing.DisposeAsync();
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm", SandboxStorePath, SandboxStorePath + "-wal", SandboxStorePath + "-shm" })
        {
            if (File.Exists(file)) File.Delete(file);
        }
    }
}
