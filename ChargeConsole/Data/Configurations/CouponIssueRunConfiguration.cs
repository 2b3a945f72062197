using ChargeConsole.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChargeConsole.Data.Configurations;

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
