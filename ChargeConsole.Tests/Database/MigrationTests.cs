using ChargeConsole.Tests.Support;
using ChargeConsole.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace ChargeConsole.Tests.Database;

[Trait(TestKind.Name, TestKind.Fast)]
public class MigrationTests
{
    [Fact]
    public void Sql_server_migration_script_creates_the_model_with_integer_money_and_unique_codes()
    {
        using var db = new SqlServerDesignTimeFactory().CreateDbContext([]);
        var script = db.GetService<IMigrator>().GenerateScript(options: MigrationsSqlGenerationOptions.Idempotent);

        Assert.Contains("CREATE TABLE [Piles]", script);
        Assert.Contains("CREATE UNIQUE INDEX [IX_Piles_Code] ON [Piles] ([Code])", script);
        Assert.Contains("CREATE UNIQUE INDEX [IX_Guns_Code] ON [Guns] ([Code])", script);
        Assert.Contains("CREATE UNIQUE INDEX [IX_ChargingOrders_TransactionSerial]", script);
        Assert.Contains("CREATE UNIQUE INDEX [IX_Refunds_ProviderRefundId]", script);
        Assert.Contains("[Principal] bigint NOT NULL", script);
        Assert.Contains("[TotalAmount] bigint NOT NULL", script);
        Assert.DoesNotContain("decimal(18,2)", script);
    }

    [Fact]
    public void Every_provider_has_a_migration_for_the_current_model()
    {
        using var sqlite = new SqliteDesignTimeFactory().CreateDbContext([]);
        using var sqlServer = new SqlServerDesignTimeFactory().CreateDbContext([]);
        using var postgres = new PostgresDesignTimeFactory().CreateDbContext([]);
        Assert.False(sqlite.Database.HasPendingModelChanges(), "SQLite migrations are behind the model: run scripts/add-migration.sh");
        Assert.False(sqlServer.Database.HasPendingModelChanges(), "SQL Server migrations are behind the model: run scripts/add-migration.sh");
        Assert.False(postgres.Database.HasPendingModelChanges(), "PostgreSQL migrations are behind the model: run scripts/add-migration.sh");
    }
}
