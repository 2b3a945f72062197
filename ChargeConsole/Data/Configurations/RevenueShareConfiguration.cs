using ChargeConsole.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChargeConsole.Data.Configurations;

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
