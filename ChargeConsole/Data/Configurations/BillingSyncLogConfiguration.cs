using ChargeConsole.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChargeConsole.Data.Configurations;

internal sealed class BillingSyncLogConfiguration : IEntityTypeConfiguration<BillingSyncLog>
{
    public void Configure(EntityTypeBuilder<BillingSyncLog> e)
    {
        e.HasIndex(x => new { x.Status, x.CreatedAt });
        e.HasIndex(x => new { x.PileCode, x.CreatedAt });
        e.HasIndex(x => x.PileId);
        e.HasIndex(x => x.CreatedAt);
        e.Property(x => x.Reason).HasMaxLength(500);
    }
}
