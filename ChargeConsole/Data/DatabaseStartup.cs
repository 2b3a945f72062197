using ChargeConsole.Data.Entities;
using ChargeConsole.Data.Demo;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace ChargeConsole.Data;

/// <summary>Applies the provider's migrations, makes sure the roles exist, and seeds the demo when asked.</summary>
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

        if (config.GetValue<bool>("Demo:Enabled"))
        {
            await DemoSeed.RunAsync(sp);
        }
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
}
