using ChargeConsole.Data.Entities;
using ChargeConsole.Domain.Values;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ChargeConsole.Data;

/// <summary>
/// The one model of the console. Providers derive from it (<see cref="SqliteChargeDbContext"/>,
/// <see cref="SqlServerChargeDbContext"/>) only so that each has its own migration set.
/// </summary>
public abstract class ChargeDbContext(DbContextOptions options) : IdentityDbContext<ConsoleUser>(options),
    Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.IDataProtectionKeyContext
{
    public DbSet<Station> Stations => Set<Station>();
    public DbSet<StationInvestor> StationInvestors => Set<StationInvestor>();
    public DbSet<StationTag> StationTags => Set<StationTag>();
    public DbSet<Pile> Piles => Set<Pile>();
    public DbSet<Gun> Guns => Set<Gun>();
    public DbSet<ElectricityPrice> ElectricityPrices => Set<ElectricityPrice>();
    public DbSet<BillingTemplate> BillingTemplates => Set<BillingTemplate>();
    public DbSet<BillingSyncLog> BillingSyncLogs => Set<BillingSyncLog>();
    public DbSet<AppUser> AppUsers => Set<AppUser>();
    public DbSet<Vehicle> Vehicles => Set<Vehicle>();
    public DbSet<Wallet> Wallets => Set<Wallet>();
    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();
    public DbSet<WalletAdjustment> WalletAdjustments => Set<WalletAdjustment>();
    public DbSet<RechargePackage> RechargePackages => Set<RechargePackage>();
    public DbSet<RechargeOrder> RechargeOrders => Set<RechargeOrder>();
    public DbSet<Refund> Refunds => Set<Refund>();
    public DbSet<Withdrawal> Withdrawals => Set<Withdrawal>();
    public DbSet<SystemSetting> SystemSettings => Set<SystemSetting>();
    public DbSet<ChargingOrder> ChargingOrders => Set<ChargingOrder>();
    public DbSet<ChargingReport> ChargingReports => Set<ChargingReport>();
    public DbSet<RevenueShare> RevenueShares => Set<RevenueShare>();
    public DbSet<DailyStationStat> DailyStationStats => Set<DailyStationStat>();
    public DbSet<DailyInvestorStat> DailyInvestorStats => Set<DailyInvestorStat>();
    public DbSet<DailyGunFault> DailyGunFaults => Set<DailyGunFault>();
    public DbSet<Invoice> Invoices => Set<Invoice>();
    public DbSet<InvoiceOrder> InvoiceOrders => Set<InvoiceOrder>();
    public DbSet<Coupon> Coupons => Set<Coupon>();
    public DbSet<CouponClaim> CouponClaims => Set<CouponClaim>();
    public DbSet<CouponIssueRun> CouponIssueRuns => Set<CouponIssueRun>();
    public DbSet<MarketingActivity> MarketingActivities => Set<MarketingActivity>();
    public DbSet<MarketingPackage> MarketingPackages => Set<MarketingPackage>();
    public DbSet<Banner> Banners => Set<Banner>();
    public DbSet<Article> Articles => Set<Article>();
    public DbSet<Campaign> Campaigns => Set<Campaign>();
    public DbSet<CampaignView> CampaignViews => Set<CampaignView>();
    public DbSet<AuditLog> AuditLogs => Set<AuditLog>();
    public DbSet<OperationRequest> OperationRequests => Set<OperationRequest>();
    public DbSet<SmsCode> SmsCodes => Set<SmsCode>();
    public DbSet<SignInAttempt> SignInAttempts => Set<SignInAttempt>();
    public DbSet<JobProgress> JobProgress => Set<JobProgress>();
    public DbSet<ClusterMembershipVersion> ClusterMembershipVersions => Set<ClusterMembershipVersion>();
    public DbSet<ClusterMembership> ClusterMemberships => Set<ClusterMembership>();
    public DbSet<JobRun> JobRuns => Set<JobRun>();
    public DbSet<RateWindow> RateWindows => Set<RateWindow>();
    /// <summary>Data Protection's keys, shared by every node: a cookie or form token from one node is read by another.</summary>
    public DbSet<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> DataProtectionKeys => Set<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>();

    protected override void ConfigureConventions(ModelConfigurationBuilder b)
    {
        // Integers in the YKC wire units, so both providers can sum and sort them in the database.
        b.Properties<Money>().HaveConversion<MoneyConverter>();
        b.Properties<Price>().HaveConversion<PriceConverter>();
        b.Properties<Energy>().HaveConversion<EnergyConverter>();
        b.Properties<DateTime>().HaveConversion<UtcConverter>();
        b.Properties<decimal>().HavePrecision(18, 4);
        b.Properties<string>().HaveMaxLength(256);
    }

    protected override void OnModelCreating(ModelBuilder m)
    {
        base.OnModelCreating(m);
        m.ApplyConfigurationsFromAssembly(typeof(ChargeDbContext).Assembly, t => t.Namespace == typeof(ChargeDbContext).Namespace + ".Configurations");

        // Our own relationships never cascade unless a configuration says so: deleting master data that is
        // still referenced must fail loudly, and SQL Server refuses multiple cascade paths anyway.
        foreach (var fk in m.Model.GetEntityTypes()
                     .Where(t => t.ClrType.Namespace == typeof(Station).Namespace)
                     .SelectMany(t => t.GetForeignKeys())
                     .Where(fk => fk.DeleteBehavior == DeleteBehavior.Cascade && !fk.IsOwnership))
        {
            if (!CascadingRelationships.Contains((fk.PrincipalEntityType.ClrType, fk.DeclaringEntityType.ClrType)))
                fk.DeleteBehavior = DeleteBehavior.Restrict;
        }
    }

    private static readonly HashSet<(Type Principal, Type Dependent)> CascadingRelationships =
    [
        (typeof(Pile), typeof(Gun)),
        (typeof(Station), typeof(StationInvestor)),
        (typeof(ConsoleUser), typeof(StationInvestor)),
        (typeof(AppUser), typeof(Vehicle)),
        (typeof(AppUser), typeof(Wallet)),
        (typeof(Invoice), typeof(InvoiceOrder)),
    ];

    private sealed class MoneyConverter() : ValueConverter<Money, long>(v => v.Fen, v => Money.FromFen(v));
    private sealed class PriceConverter() : ValueConverter<Price, long>(v => v.Units, v => Price.FromUnits(v));
    private sealed class EnergyConverter() : ValueConverter<Energy, long>(v => v.Units, v => Energy.FromUnits(v));
    // Every time is UTC by the house's rule, so an unspecified one is UTC too (PostgreSQL's timestamptz insists on a kind).
    private sealed class UtcConverter() : ValueConverter<DateTime, DateTime>(
        v => v.Kind == DateTimeKind.Local ? v.ToUniversalTime() : DateTime.SpecifyKind(v, DateTimeKind.Utc),
        v => DateTime.SpecifyKind(v, DateTimeKind.Utc));
}

public sealed class SqliteChargeDbContext(DbContextOptions<SqliteChargeDbContext> options) : ChargeDbContext(options);

public sealed class SqlServerChargeDbContext(DbContextOptions<SqlServerChargeDbContext> options) : ChargeDbContext(options);

public sealed class PostgresChargeDbContext(DbContextOptions<PostgresChargeDbContext> options) : ChargeDbContext(options)
{
    /// <summary>
    /// The partial-index filters are written once, in the plain SQL SQLite and SQL Server read (<c>Active = 1</c>);
    /// PostgreSQL folds unquoted names to lower case and has real booleans, so here the column names are quoted and a
    /// boolean column is compared with TRUE or FALSE.
    /// </summary>
    protected override void OnModelCreating(ModelBuilder m)
    {
        base.OnModelCreating(m);
        foreach (var index in m.Model.GetEntityTypes().SelectMany(t => t.GetIndexes()).Where(i => i.GetFilter() is not null))
        {
            var filter = index.GetFilter()!;
            foreach (var property in index.DeclaringEntityType.GetProperties().OrderByDescending(p => p.Name.Length))
            {
                var quoted = $"\"{property.GetColumnName()}\"";
                filter = System.Text.RegularExpressions.Regex.Replace(filter, $@"(?<![""\w]){property.Name}(?![""\w])", quoted);
                if (property.ClrType == typeof(bool))
                    filter = filter.Replace($"{quoted} = 1", $"{quoted} = TRUE").Replace($"{quoted} = 0", $"{quoted} = FALSE");
            }
            index.SetFilter(filter);
        }
    }
}
