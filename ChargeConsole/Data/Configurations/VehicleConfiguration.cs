using ChargeConsole.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChargeConsole.Data.Configurations;

internal sealed class VehicleConfiguration : IEntityTypeConfiguration<Vehicle>
{
    public void Configure(EntityTypeBuilder<Vehicle> e)
    {
        e.HasIndex(x => x.Plate);
        e.HasIndex(x => x.Vin);
        e.HasIndex(x => x.AppUserId);
        e.Property(x => x.Vin).HasMaxLength(17);
    }
}
