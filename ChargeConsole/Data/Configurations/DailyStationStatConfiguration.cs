using ChargeConsole.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChargeConsole.Data.Configurations;

internal sealed class DailyStationStatConfiguration : IEntityTypeConfiguration<DailyStationStat>
{
    public void Configure(EntityTypeBuilder<DailyStationStat> e)
    {
        e.HasKey(x => new { x.Day, x.StationId });
        e.HasIndex(x => new { x.StationId, x.Day });
    }
}
