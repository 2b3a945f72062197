using ChargeConsole.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChargeConsole.Data.Configurations;

internal sealed class RechargePackageConfiguration : IEntityTypeConfiguration<RechargePackage>
{
    public void Configure(EntityTypeBuilder<RechargePackage> e) => e.HasIndex(x => new { x.Status, x.SortOrder });
}

internal sealed class RechargeOrderConfiguration : IEntityTypeConfiguration<RechargeOrder>
{
    public void Configure(EntityTypeBuilder<RechargeOrder> e)
    {
        e.HasIndex(x => x.OrderNo).IsUnique();
        e.HasIndex(x => x.ProviderTransactionId).IsUnique();
        e.HasIndex(x => new { x.AppUserId, x.RequestId }).IsUnique().HasFilter("RequestId IS NOT NULL");
        e.Property(x => x.RequestId).HasMaxLength(64);
        e.Property(x => x.PayerOpenId).HasMaxLength(128);
        e.Property(x => x.PrepayId).HasMaxLength(64);
        e.Property(x => x.PaymentIssue).HasMaxLength(200);
        e.HasIndex(x => new { x.Status, x.CreatedAt });
        e.HasIndex(x => new { x.AppUserId, x.CreatedAt });
        e.HasIndex(x => x.CreatedAt);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<RechargePackage>().WithMany().HasForeignKey(x => x.RechargePackageId);
        e.HasOne<MarketingPackage>().WithMany().HasForeignKey(x => x.MarketingPackageId);
    }
}

internal sealed class RefundConfiguration : IEntityTypeConfiguration<Refund>
{
    public void Configure(EntityTypeBuilder<Refund> e)
    {
        e.HasIndex(x => x.RefundNo).IsUnique();
        e.HasIndex(x => x.ProviderRefundId).IsUnique();
        e.HasIndex(x => new { x.RechargeOrderId, x.CreatedAt });
        e.HasIndex(x => new { x.Status, x.CreatedAt });
        e.HasOne(x => x.RechargeOrder).WithMany(x => x.Refunds).HasForeignKey(x => x.RechargeOrderId);
        e.HasOne<Withdrawal>().WithMany().HasForeignKey(x => x.WithdrawalId);
        e.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class WithdrawalConfiguration : IEntityTypeConfiguration<Withdrawal>
{
    public void Configure(EntityTypeBuilder<Withdrawal> e)
    {
        e.HasIndex(x => x.No).IsUnique();
        e.HasIndex(x => new { x.Status, x.CreatedAt });
        e.HasIndex(x => new { x.AppUserId, x.CreatedAt });
        e.HasIndex(x => new { x.AppUserId, x.RequestId }).IsUnique().HasFilter("RequestId IS NOT NULL");
        e.Property(x => x.RequestId).HasMaxLength(64);
        e.Property(x => x.Remark).HasMaxLength(200);
        e.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class SystemSettingConfiguration : IEntityTypeConfiguration<SystemSetting>
{
    public void Configure(EntityTypeBuilder<SystemSetting> e)
    {
        e.HasKey(x => x.Key);
        e.Property(x => x.Key).HasMaxLength(100);
        e.Property(x => x.Value).HasMaxLength(400);
    }
}

internal sealed class ChargingOrderConfiguration : IEntityTypeConfiguration<ChargingOrder>
{
    public void Configure(EntityTypeBuilder<ChargingOrder> e)
    {
        e.HasIndex(x => x.OrderNo).IsUnique();
        e.Property(x => x.TransactionSerial).HasMaxLength(32);
        e.HasIndex(x => x.TransactionSerial).IsUnique();
        e.HasIndex(x => x.CreatedAt);
        e.HasIndex(x => new { x.Status, x.CreatedAt });
        e.HasIndex(x => new { x.StationId, x.CreatedAt });
        e.HasIndex(x => new { x.AppUserId, x.CreatedAt });
        e.HasIndex(x => new { x.GunId, x.Status });
        e.HasIndex(x => x.SettledAt);
        e.Property(x => x.Version).IsConcurrencyToken();
        // Every tracked UPDATE carries the status it read: a writer that lost a race fails instead of overwriting.
        e.Property(x => x.Status).IsConcurrencyToken();
        e.Property(x => x.Tariff).HasMaxLength(400);
        e.Property(x => x.RequestId).HasMaxLength(64);
        e.Property(x => x.ReviewNote).HasMaxLength(500);
        e.HasIndex(x => new { x.AppUserId, x.UserRunningSlot }).IsUnique().HasFilter("UserRunningSlot IS NOT NULL");
        // A coupon is used by one order at most.
        e.HasIndex(x => x.CouponClaimId).IsUnique().HasFilter("CouponClaimId IS NOT NULL");
        e.HasIndex(x => new { x.GunId, x.GunRunningSlot }).IsUnique().HasFilter("GunRunningSlot IS NOT NULL");
        e.HasIndex(x => new { x.AppUserId, x.RequestId }).IsUnique().HasFilter("RequestId IS NOT NULL");
        e.Property(x => x.PowerKw).HasPrecision(9, 2);
        e.HasOne(x => x.Station).WithMany().HasForeignKey(x => x.StationId);
        e.HasOne(x => x.AppUser).WithMany().HasForeignKey(x => x.AppUserId);
        e.HasOne<Pile>().WithMany().HasForeignKey(x => x.PileId);
        e.HasOne<Gun>().WithMany().HasForeignKey(x => x.GunId);
    }
}

internal sealed class ChargingReportConfiguration : IEntityTypeConfiguration<ChargingReport>
{
    public void Configure(EntityTypeBuilder<ChargingReport> e)
    {
        e.HasIndex(x => new { x.ChargingOrderId, x.SampledAt });
        e.HasOne<ChargingOrder>().WithMany().HasForeignKey(x => x.ChargingOrderId);
        e.Property(x => x.Voltage).HasPrecision(9, 1);
        e.Property(x => x.Current).HasPrecision(9, 1);
        e.Property(x => x.PowerKw).HasPrecision(9, 2);
    }
}

internal sealed class RevenueShareConfiguration : IEntityTypeConfiguration<RevenueShare>
{
    public void Configure(EntityTypeBuilder<RevenueShare> e)
    {
        e.HasIndex(x => new { x.StationId, x.CreatedAt });
        e.HasIndex(x => new { x.InvestorId, x.CreatedAt });
        e.HasIndex(x => new { x.ChargingOrderId, x.InvestorId, x.IsReversal }).IsUnique();
        // NULLs are distinct in a unique index: the platform's row (no investor) gets its own, so a split is written once.
        e.HasIndex(x => new { x.ChargingOrderId, x.IsReversal }).IsUnique().HasFilter("InvestorId IS NULL").HasDatabaseName("IX_RevenueShares_Platform");
        e.Property(x => x.SharePercent).HasPrecision(5, 2);
        e.HasOne<ChargingOrder>().WithMany().HasForeignKey(x => x.ChargingOrderId);
    }
}

internal sealed class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> e)
    {
        e.HasIndex(x => x.RequestNo).IsUnique();
        e.HasIndex(x => new { x.Status, x.CreatedAt });
        e.HasIndex(x => x.Title);
        e.HasIndex(x => x.AppUserId);
        e.HasIndex(x => new { x.AppUserId, x.RequestId }).IsUnique().HasFilter("RequestId IS NOT NULL");
        e.Property(x => x.RequestId).HasMaxLength(64);
        e.Property(x => x.Title).HasMaxLength(100);
        e.Property(x => x.TaxNumber).HasMaxLength(18);
        e.Property(x => x.Email).HasMaxLength(100);
        e.Property(x => x.InvoiceNumber).HasMaxLength(20);
        e.Property(x => x.InvoiceCode).HasMaxLength(12);
        e.Property(x => x.RejectReason).HasMaxLength(200);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasMany(x => x.Orders).WithOne().HasForeignKey(x => x.InvoiceId);
    }
}

internal sealed class InvoiceOrderConfiguration : IEntityTypeConfiguration<InvoiceOrder>
{
    public void Configure(EntityTypeBuilder<InvoiceOrder> e)
    {
        e.HasKey(x => new { x.InvoiceId, x.ChargingOrderId });
        e.HasIndex(x => x.ChargingOrderId).IsUnique().HasFilter("Active = 1").HasDatabaseName("IX_InvoiceOrders_ActiveOrder");
    }
}

internal sealed class DailyStationStatConfiguration : IEntityTypeConfiguration<DailyStationStat>
{
    public void Configure(EntityTypeBuilder<DailyStationStat> e)
    {
        e.HasKey(x => new { x.Day, x.StationId });
        e.HasIndex(x => new { x.StationId, x.Day });
    }
}

internal sealed class DailyInvestorStatConfiguration : IEntityTypeConfiguration<DailyInvestorStat>
{
    public void Configure(EntityTypeBuilder<DailyInvestorStat> e)
    {
        e.HasKey(x => new { x.Day, x.StationId, x.InvestorId });
        e.HasIndex(x => new { x.InvestorId, x.Day });
        e.Property(x => x.InvestorId).HasMaxLength(450);
    }
}

internal sealed class DailyGunFaultConfiguration : IEntityTypeConfiguration<DailyGunFault>
{
    public void Configure(EntityTypeBuilder<DailyGunFault> e)
    {
        e.HasKey(x => new { x.Day, x.GunId });
        e.HasIndex(x => new { x.StationId, x.Day });
    }
}
