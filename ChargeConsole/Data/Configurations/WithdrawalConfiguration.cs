using ChargeConsole.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChargeConsole.Data.Configurations;

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
