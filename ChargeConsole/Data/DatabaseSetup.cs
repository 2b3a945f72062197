using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ChargeConsole.Data;

/// <summary>Chooses the provider from <c>Database:Provider</c> and registers the context factory for it.</summary>
public static class DatabaseSetup
{
    public const string Sqlite = "Sqlite";
    public const string SqlServer = "SqlServer";
    public const string Postgres = "Postgres";

    public static IServiceCollection AddChargeDatabase(this IServiceCollection services, IConfiguration config, string contentRoot)
    {
        var provider = config["Database:Provider"] ?? Sqlite;
        if (provider.Equals(SqlServer, StringComparison.OrdinalIgnoreCase))
        {
            var cs = config.GetConnectionString(SqlServer)
                     ?? throw new InvalidOperationException("ConnectionStrings:SqlServer is required when Database:Provider is SqlServer.");
            services.AddDbContextFactory<SqlServerChargeDbContext>(o => o.UseSqlServer(cs));
            services.AddSingleton<IDbContextFactory<ChargeDbContext>, Upcast<SqlServerChargeDbContext>>();
        }
        else if (provider.Equals(Postgres, StringComparison.OrdinalIgnoreCase))
        {
            var cs = config.GetConnectionString(Postgres)
                     ?? throw new InvalidOperationException("ConnectionStrings:Postgres is required when Database:Provider is Postgres.");
            services.AddDbContextFactory<PostgresChargeDbContext>(o => o.UseNpgsql(cs));
            services.AddSingleton<IDbContextFactory<ChargeDbContext>, Upcast<PostgresChargeDbContext>>();
        }
        else
        {
            var cs = SqliteConnectionString(config, contentRoot);
            // SQLite cannot alter a table in place: a migration that changes one rebuilds it with foreign keys switched off,
            // a statement SQLite will not run inside a transaction. EF warns of it at every fresh start; the README says
            // what it means (back up before an upgrade), so the log says it once, quietly, instead of as a warning.
            services.AddDbContextFactory<SqliteChargeDbContext>(o => o.UseSqlite(cs)
                .ConfigureWarnings(w => w.Log((Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.NonTransactionalMigrationOperationWarning, LogLevel.Debug))));
            services.AddSingleton<IDbContextFactory<ChargeDbContext>, Upcast<SqliteChargeDbContext>>();
        }
        // Identity's stores need a scoped context.
        services.AddScoped<ChargeDbContext>(sp => sp.GetRequiredService<IDbContextFactory<ChargeDbContext>>().CreateDbContext());
        return services;
    }

    /// <summary>The configured SQLite connection string, with a relative file path resolved against the content root.</summary>
    public static string SqliteConnectionString(IConfiguration config, string contentRoot)
    {
        var builder = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(config.GetConnectionString(Sqlite) ?? "Data Source=data/chargeconsole.db");
        if (!Path.IsPathRooted(builder.DataSource) && builder.DataSource != ":memory:")
            builder.DataSource = Path.Combine(contentRoot, builder.DataSource);
        Directory.CreateDirectory(Path.GetDirectoryName(builder.DataSource)!);
        builder.DefaultTimeout = 30;
        return builder.ToString();
    }

    private sealed class Upcast<T>(IDbContextFactory<T> inner) : IDbContextFactory<ChargeDbContext> where T : ChargeDbContext
    {
        public ChargeDbContext CreateDbContext() => inner.CreateDbContext();
    }
}

/// <summary>Lets <c>dotnet ef</c> build the SQLite migrations without starting the app.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteChargeDbContext>
{
    public SqliteChargeDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteChargeDbContext>().UseSqlite("Data Source=design.db").Options);
}

/// <summary>Lets <c>dotnet ef</c> build and script the SQL Server migrations; no server is contacted.</summary>
public sealed class SqlServerDesignTimeFactory : IDesignTimeDbContextFactory<SqlServerChargeDbContext>
{
    public SqlServerChargeDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqlServerChargeDbContext>().UseSqlServer("Server=localhost;Database=ChargeConsole;Trusted_Connection=True;TrustServerCertificate=True").Options);
}

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL migrations; no server is contacted.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresChargeDbContext>
{
    public PostgresChargeDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresChargeDbContext>().UseNpgsql("Host=localhost;Database=chargeconsole").Options);
}
