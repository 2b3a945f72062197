using ChargeConsole.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChargeConsole.Data.Configurations;

internal sealed class DailyGunFaultConfiguration : IEntityTypeConfiguration<DailyGunFault>
{
    public void Configure(EntityTypeBuilder<DailyGunFault> e)
    {
        e.HasKey(x => new { x.Day, x.GunId });
        e.HasIndex(x => new { x.StationId, x.Day });
    }
}
