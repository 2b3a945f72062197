using ChargeConsole.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChargeConsole.Data.Configurations;

internal sealed class JobProgressConfiguration : IEntityTypeConfiguration<JobProgress>
{
    public void Configure(EntityTypeBuilder<JobProgress> e)
    {
        e.HasKey(x => x.Key);
        e.Property(x => x.Key).HasMaxLength(50);
        e.Property(x => x.Message).HasMaxLength(500);
        e.Property(x => x.LeaseOwner).HasMaxLength(50);
    }
}
