using ChargeConsole.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChargeConsole.Data.Configurations;

internal sealed class CouponConfiguration : IEntityTypeConfiguration<Coupon>
{
    public void Configure(EntityTypeBuilder<Coupon> e)
    {
        e.HasIndex(x => x.Name);
        e.HasIndex(x => new { x.ValidFrom, x.ValidTo });
        e.HasIndex(x => x.ClaimToken).IsUnique();
        e.Property(x => x.ClaimToken).HasMaxLength(32);
        e.Property(x => x.Name).HasMaxLength(50);
        e.Property(x => x.Remark).HasMaxLength(200);
    }
}
