using ChargeConsole.Data;
using ChargeConsole.Features;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ChargeConsole.Benchmarks;

/// <summary>A fresh SQLite file with the app's migrations and services, deleted afterwards.</summary>
internal sealed class BenchDatabase : IAsyncDisposable
{
    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"cc-bench-{Guid.NewGuid():N}.db");
    public ServiceProvider Services { get; }

    private BenchDatabase()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["ConnectionStrings:Sqlite"] = $"Data Source={Path}",
        }).Build();
        var services = new ServiceCollection().AddLogging().AddSingleton(TimeProvider.System);
        services.AddConsoleCore(config, System.IO.Path.GetTempPath());
        Services = services.BuildServiceProvider();
    }

    public static async Task<BenchDatabase> CreateAsync()
    {
        var db = new BenchDatabase();
        await using var ctx = db.Context();
        await ctx.Database.MigrateAsync();
        await ctx.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        return db;
    }

    public ChargeDbContext Context() => Services.GetRequiredService<IDbContextFactory<ChargeDbContext>>().CreateDbContext();

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var f in new[] { Path, Path + "-wal", Path + "-shm" }) if (File.Exists(f)) File.Delete(f);
    }
}
