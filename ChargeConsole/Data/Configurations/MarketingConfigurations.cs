using ChargeConsole.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChargeConsole.Data.Configurations;

internal sealed class CouponConfiguration : IEntityTypeConfiguration<Coupon>
{
    public void Configure(EntityTypeBuilder<Coupon> e)
    {
        e.HasIndex(x => x.Name);
        e.HasIndex(x => new { x.ValidFrom, x.ValidTo });
        e.HasIndex(x => x.ClaimToken).IsUnique();
        e.Property(x => x.ClaimToken).HasMaxLength(32);
        e.Property(x => x.Name).HasMaxLength(50);
        e.Property(x => x.Remark).HasMaxLength(200);
    }
}

internal sealed class CampaignViewConfiguration : IEntityTypeConfiguration<CampaignView>
{
    public void Configure(EntityTypeBuilder<CampaignView> e) => e.HasKey(x => new { x.CampaignId, x.AppUserId });
}

internal sealed class CouponIssueRunConfiguration : IEntityTypeConfiguration<CouponIssueRun>
{
    public void Configure(EntityTypeBuilder<CouponIssueRun> e)
    {
        e.HasIndex(x => new { x.CouponId, x.Status });
        // One run per coupon at a time, whichever node or page starts it (IssueRunStatus.Running = 0).
        e.HasIndex(x => x.CouponId).IsUnique().HasFilter("Status = 0").HasDatabaseName("IX_CouponIssueRuns_OneRunning");
        e.HasIndex(x => new { x.Status, x.LeaseUntil });
        e.Property(x => x.Error).HasMaxLength(500);
    }
}

internal sealed class CouponClaimConfiguration : IEntityTypeConfiguration<CouponClaim>
{
    public void Configure(EntityTypeBuilder<CouponClaim> e)
    {
        e.HasIndex(x => new { x.CouponId, x.AppUserId, x.Seq }).IsUnique();
        e.HasIndex(x => new { x.AppUserId, x.Status });
        e.HasIndex(x => new { x.Status, x.ClaimedAt });
        e.HasIndex(x => x.RechargeOrderId);
        e.Property(x => x.Version).IsConcurrencyToken();
    }
}

internal sealed class MarketingActivityConfiguration : IEntityTypeConfiguration<MarketingActivity>
{
    public void Configure(EntityTypeBuilder<MarketingActivity> e)
    {
        e.Property(x => x.RulesHtml).HasMaxLength(20000);
        e.HasIndex(x => new { x.Status, x.StartAt });
        e.HasMany(x => x.Packages).WithMany(x => x.Activities).UsingEntity("MarketingPackageActivities");
    }
}

internal sealed class ContentConfiguration :
    IEntityTypeConfiguration<Banner>, IEntityTypeConfiguration<Article>, IEntityTypeConfiguration<Campaign>, IEntityTypeConfiguration<StationTag>
{
    public void Configure(EntityTypeBuilder<Banner> e) => e.HasIndex(x => new { x.Status, x.SortOrder });

    public void Configure(EntityTypeBuilder<Article> e)
    {
        e.Property(x => x.ContentHtml).HasMaxLength(50000);
        e.HasIndex(x => new { x.Kind, x.Status });
    }

    public void Configure(EntityTypeBuilder<Campaign> e)
    {
        e.Property(x => x.ContentHtml).HasMaxLength(50000);
        e.HasIndex(x => new { x.Placement, x.Status });
    }

    public void Configure(EntityTypeBuilder<StationTag> e) => e.HasIndex(x => x.Name).IsUnique();
}
