using ChargeConsole.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChargeConsole.Data.Configurations;

internal sealed class StationConfiguration : IEntityTypeConfiguration<Station>
{
    public void Configure(EntityTypeBuilder<Station> e)
    {
        e.Property(x => x.Name).HasMaxLength(100).IsRequired();
        e.Property(x => x.Address).HasMaxLength(200);
        e.Property(x => x.AllowedNetworks).HasMaxLength(1000);
        e.Property(x => x.PowerLimitKw).HasPrecision(9, 2);
        e.HasIndex(x => x.Name);
        e.HasIndex(x => x.CreatedAt);
        e.HasMany(x => x.Tags).WithMany(x => x.Stations).UsingEntity("StationTagLinks");
    }
}

internal sealed class StationInvestorConfiguration : IEntityTypeConfiguration<StationInvestor>
{
    public void Configure(EntityTypeBuilder<StationInvestor> e)
    {
        e.HasKey(x => new { x.StationId, x.InvestorId });
        e.Property(x => x.SharePercent).HasPrecision(5, 2);
        e.HasOne(x => x.Station).WithMany(x => x.Investors).HasForeignKey(x => x.StationId).OnDelete(DeleteBehavior.Cascade);
        e.HasOne(x => x.Investor).WithMany(x => x.Stations).HasForeignKey(x => x.InvestorId).OnDelete(DeleteBehavior.Cascade);
        e.HasIndex(x => x.InvestorId);
    }
}
