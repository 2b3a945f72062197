using ChargeConsole.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChargeConsole.Data.Configurations;

internal sealed class ClusterMembershipVersionConfiguration : IEntityTypeConfiguration<ClusterMembershipVersion>
{
    public void Configure(EntityTypeBuilder<ClusterMembershipVersion> e)
    {
        e.HasKey(x => x.ClusterId);
        e.Property(x => x.ClusterId).HasMaxLength(100);
    }
}

internal sealed class ClusterMembershipConfiguration : IEntityTypeConfiguration<ClusterMembership>
{
    public void Configure(EntityTypeBuilder<ClusterMembership> e)
    {
        e.HasKey(x => new { x.ClusterId, x.Silo });
        e.Property(x => x.ClusterId).HasMaxLength(100);
        e.Property(x => x.Silo).HasMaxLength(100);
        e.Property(x => x.SiloName).HasMaxLength(150);
        e.Property(x => x.HostName).HasMaxLength(150);
        e.Property(x => x.SuspectTimes).HasMaxLength(4000);
    }
}

internal sealed class JobRunConfiguration : IEntityTypeConfiguration<JobRun>
{
    public void Configure(EntityTypeBuilder<JobRun> e)
    {
        e.HasKey(x => new { x.Job, x.Slot });
        e.Property(x => x.Job).HasMaxLength(50);
        e.Property(x => x.Node).HasMaxLength(100);
    }
}

internal sealed class DataProtectionKeyConfiguration : IEntityTypeConfiguration<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey>
{
    public void Configure(EntityTypeBuilder<Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey> e)
    {
        // A key's XML is about 1 KB; the model's default string length (256) would cut it.
        e.Property(x => x.Xml).HasMaxLength(8000);
    }
}

internal sealed class RateWindowConfiguration : IEntityTypeConfiguration<RateWindow>
{
    public void Configure(EntityTypeBuilder<RateWindow> e)
    {
        e.HasKey(x => new { x.Key, x.Window });
        e.Property(x => x.Key).HasMaxLength(100);
        e.HasIndex(x => x.Window);
    }
}
