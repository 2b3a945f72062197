using ChargeConsole.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChargeConsole.Data.Configurations;

internal sealed class WalletAdjustmentConfiguration : IEntityTypeConfiguration<WalletAdjustment>
{
    public void Configure(EntityTypeBuilder<WalletAdjustment> e)
    {
        e.HasIndex(x => x.No).IsUnique();
        e.HasIndex(x => new { x.AppUserId, x.CreatedAt });
        e.HasIndex(x => x.CreatedAt);
        e.Property(x => x.Reason).HasMaxLength(500);
    }
}
