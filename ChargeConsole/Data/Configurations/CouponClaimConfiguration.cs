using ChargeConsole.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChargeConsole.Data.Configurations;

internal sealed class CouponClaimConfiguration : IEntityTypeConfiguration<CouponClaim>
{
    public void Configure(EntityTypeBuilder<CouponClaim> e)
    {
        e.HasIndex(x => new { x.CouponId, x.AppUserId, x.Seq }).IsUnique();
        e.HasIndex(x => new { x.AppUserId, x.Status });
        e.HasIndex(x => new { x.Status, x.ClaimedAt });
        e.HasIndex(x => x.RechargeOrderId);
        e.Property(x => x.Version).IsConcurrencyToken();
    }
}
