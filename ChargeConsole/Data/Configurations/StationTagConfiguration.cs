using ChargeConsole.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChargeConsole.Data.Configurations;

internal sealed class StationTagConfiguration : IEntityTypeConfiguration<StationTag>
{
    public void Configure(EntityTypeBuilder<StationTag> e) => e.HasIndex(x => x.Name).IsUnique();
}
