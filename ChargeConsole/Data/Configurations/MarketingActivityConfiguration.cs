using ChargeConsole.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChargeConsole.Data.Configurations;

internal sealed class MarketingActivityConfiguration : IEntityTypeConfiguration<MarketingActivity>
{
    public void Configure(EntityTypeBuilder<MarketingActivity> e)
    {
        e.Property(x => x.RulesHtml).HasMaxLength(20000);
        e.HasIndex(x => new { x.Status, x.StartAt });
        e.HasMany(x => x.Packages).WithMany(x => x.Activities).UsingEntity("MarketingPackageActivities");
    }
}
