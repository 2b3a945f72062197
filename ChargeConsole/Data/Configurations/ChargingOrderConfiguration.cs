using ChargeConsole.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChargeConsole.Data.Configurations;

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
