using ChargeConsole.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChargeConsole.Data.Configurations;

internal sealed class DailyInvestorStatConfiguration : IEntityTypeConfiguration<DailyInvestorStat>
{
    public void Configure(EntityTypeBuilder<DailyInvestorStat> e)
    {
        e.HasKey(x => new { x.Day, x.StationId, x.InvestorId });
        e.HasIndex(x => new { x.InvestorId, x.Day });
        e.Property(x => x.InvestorId).HasMaxLength(450);
    }
}
