using System.Security.Claims;
using ChargeConsole.Data;
using ChargeConsole.Data.Entities;
using ChargeConsole.Features;
using ChargeConsole.Infrastructure.Auth;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace ChargeConsole.Tests.Support;

/// <summary>
/// A real SQLite file with the app's migrations applied, and the app's feature services wired to it
/// exactly as Program.cs wires them (no mocks of our own code).
/// </summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string _path = Path.Combine(Path.GetTempPath(), $"cc-test-{Guid.NewGuid():N}.db");

    public ServiceProvider Services { get; }
    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero));
    public IDbContextFactory<ChargeDbContext> Factory => Services.GetRequiredService<IDbContextFactory<ChargeDbContext>>();

    public static readonly AccessScope Operator = new("op-1", "operator", false, null);

    private TestDatabase(string? postgres)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(postgres is null
            ? new Dictionary<string, string?> { ["Database:Provider"] = "Sqlite", ["ConnectionStrings:Sqlite"] = $"Data Source={_path}" }
            : new Dictionary<string, string?> { ["Database:Provider"] = "Postgres", ["ConnectionStrings:Postgres"] = postgres }).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton<IConfiguration>(config);
        services.AddSingleton<TimeProvider>(Clock);
        services.AddConsoleCore(config, Path.GetTempPath());
        Services = services.BuildServiceProvider();
    }

    /// <summary>A fresh database with the migrations applied: a SQLite file, or a database of its own on the test cluster.</summary>
    public static async Task<TestDatabase> CreateAsync(Engine engine = Engine.Sqlite)
    {
        var db = new TestDatabase(engine == Engine.Postgres ? await (await PostgresServer.GetAsync()).CreateDatabaseAsync() : null);
        await using var ctx = db.Factory.CreateDbContext();
        await ctx.Database.MigrateAsync();
        return db;
    }

    public T Get<T>() where T : notnull => Services.GetRequiredService<T>();

    public ChargeDbContext Context() => Factory.CreateDbContext();

    public async Task<Station> AddStationAsync(string name = "测试电站")
    {
        await using var ctx = Context();
        var station = new Station { Name = name, Address = "南京市", Latitude = 32, Longitude = 118, CreatedAt = Clock.GetUtcNow().UtcDateTime };
        ctx.Stations.Add(station);
        await ctx.SaveChangesAsync();
        return station;
    }

    /// <summary>An investor account holding the given share of each station, and the scope it signs in with.</summary>
    public async Task<AccessScope> AddInvestorAsync(string userName, params (int StationId, decimal Share)[] shares)
    {
        await using var ctx = Context();
        var user = new ConsoleUser { UserName = userName, NormalizedUserName = userName.ToUpperInvariant(), DisplayName = userName, CreatedAt = DateTime.UtcNow };
        ctx.Users.Add(user);
        ctx.StationInvestors.AddRange(shares.Select(s => new StationInvestor { InvestorId = user.Id, StationId = s.StationId, SharePercent = s.Share }));
        await ctx.SaveChangesAsync();
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Name, userName), new Claim(ClaimTypes.Role, Roles.Investor)], "test"));
        return await AccessScope.ForAsync(principal, ctx);
    }

    public async ValueTask DisposeAsync()
    {
        await Services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { _path, _path + "-wal", _path + "-shm" })
        {
            if (File.Exists(file)) File.Delete(file);
        }
    }
}
