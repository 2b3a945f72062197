using ChargeConsole.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChargeConsole.Data.Configurations;

internal sealed class CouponConfiguration : IEntityTypeConfiguration<Coupon>
{
    public void Configure(EntityTypeBuilder<Coupon> e)
    {
        e.HasIndex(x => x.Name);
        e.HasIndex(x => new { x.Status, x.ValidFrom });
    }
}

internal sealed class CouponClaimConfiguration : IEntityTypeConfiguration<CouponClaim>
{
    public void Configure(EntityTypeBuilder<CouponClaim> e)
    {
        e.HasIndex(x => new { x.CouponId, x.AppUserId });
        e.HasIndex(x => new { x.AppUserId, x.Status });
        e.HasIndex(x => new { x.Status, x.ClaimedAt });
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
        e.HasIndex(x => x.Status);
    }

    public void Configure(EntityTypeBuilder<StationTag> e) => e.HasIndex(x => x.Name).IsUnique();
}
