using ChargeConsole.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChargeConsole.Data.Configurations;

internal sealed class WalletConfiguration : IEntityTypeConfiguration<Wallet>
{
    public void Configure(EntityTypeBuilder<Wallet> e)
    {
        e.HasIndex(x => x.AppUserId).IsUnique();
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => x.Principal);
    }
}
