using ChargeConsole.Data.Entities;
#if DEMO
using ChargeConsole.Data.Demo;
#endif
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Data;

/// <summary>Applies the provider's migrations, makes sure the roles exist, and seeds the demo when asked; nothing slow.</summary>
public static class DatabaseStartup
{
    public static async Task MigrateAndSeedAsync(IServiceProvider services, IConfiguration config)
    {
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var factory = sp.GetRequiredService<IDbContextFactory<ChargeDbContext>>();
        await using (var db = await factory.CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
            if (db.Database.IsSqlite())
            {
                // WAL lets the dashboards read while piles write.
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
            }
        }

        var roles = sp.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new IdentityRole(role));
        }

        await BootstrapAdminAsync(sp, config);

#if DEMO
        if (config.GetValue<bool>("Demo:Enabled"))
        {
            await DemoSeed.RunAsync(sp);
        }
#endif
        // The revenue backfill an upgrade may need runs after the start, in the background (RevenueBackfill).
    }

    /// <summary>On a fresh production database, creates the first admin from <c>Bootstrap:AdminPassword</c> if given.</summary>
    private static async Task BootstrapAdminAsync(IServiceProvider sp, IConfiguration config)
    {
        var password = config["Bootstrap:AdminPassword"];
        if (string.IsNullOrEmpty(password)) return;
        var users = sp.GetRequiredService<UserManager<ConsoleUser>>();
        if ((await users.GetUsersInRoleAsync(Roles.Admin)).Count > 0) return;
        var admin = new ConsoleUser { UserName = config["Bootstrap:AdminUserName"] ?? "admin", DisplayName = "管理员", CreatedAt = DateTime.UtcNow };
        var created = await users.CreateAsync(admin, password);
        if (!created.Succeeded) throw new InvalidOperationException("Bootstrap admin: " + string.Join("; ", created.Errors.Select(e => e.Description)));
        await users.AddToRoleAsync(admin, Roles.Admin);
    }

    /// <summary>
    /// One line for an operator when the database cannot be used at start (read-only, locked, missing folder, server
    /// unreachable): which database and what to do. Null for failures that are not about reaching the database.
    /// </summary>
    public static string? Explain(Exception e, IConfiguration config)
    {
        var provider = config["Database:Provider"] ?? "Sqlite";
        var cause = e;
        while (cause is not System.Data.Common.DbException && cause.InnerException is not null) cause = cause.InnerException;
        if (cause is not System.Data.Common.DbException db) return null;
        if (provider.Equals("SqlServer", StringComparison.OrdinalIgnoreCase))
            return $"启动失败：无法使用 SQL Server 数据库（ConnectionStrings:SqlServer）：{db.Message.ReplaceLineEndings(" ")} 请检查连接字符串、网络和账号权限后重试。";
        var source = new Microsoft.Data.Sqlite.SqliteConnectionStringBuilder(config.GetConnectionString("Sqlite") ?? "").DataSource;
        var fix = db is Microsoft.Data.Sqlite.SqliteException { SqliteErrorCode: 5 or 6 }
            ? "数据库正被其他程序锁定，请关闭占用它的程序（或另一个控制台实例）后重试"
            : "请确认该文件及其所在目录存在且当前用户可写，或用 ConnectionStrings:Sqlite 指定其他位置";
        return $"启动失败：无法使用数据库 {source}（{db.Message.ReplaceLineEndings(" ")}）。{fix}。";
    }
}
