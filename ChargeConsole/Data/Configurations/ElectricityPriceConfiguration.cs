using ChargeConsole.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChargeConsole.Data.Configurations;

internal sealed class ElectricityPriceConfiguration : IEntityTypeConfiguration<ElectricityPrice>
{
    public void Configure(EntityTypeBuilder<ElectricityPrice> e) => e.HasIndex(x => x.Name);
}
