using ChargeConsole.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChargeConsole.Data.Configurations;

internal sealed class CampaignViewConfiguration : IEntityTypeConfiguration<CampaignView>
{
    public void Configure(EntityTypeBuilder<CampaignView> e) => e.HasKey(x => new { x.CampaignId, x.AppUserId });
}
