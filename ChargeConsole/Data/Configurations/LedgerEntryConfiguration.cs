using ChargeConsole.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChargeConsole.Data.Configurations;

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> e)
    {
        e.HasIndex(x => new { x.WalletId, x.Account });
        e.HasIndex(x => new { x.AppUserId, x.CreatedAt });
        e.HasIndex(x => new { x.Source, x.CreatedAt });
        e.HasIndex(x => x.CreatedAt);
        e.HasIndex(x => x.SourceNo);
        e.HasOne(x => x.AppUser).WithMany().HasForeignKey(x => x.AppUserId);
        e.HasOne(x => x.Wallet).WithMany().HasForeignKey(x => x.WalletId);
    }
}
