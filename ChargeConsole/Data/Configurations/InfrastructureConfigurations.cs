using ChargeConsole.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChargeConsole.Data.Configurations;

internal sealed class OperationRequestConfiguration : IEntityTypeConfiguration<OperationRequest>
{
    public void Configure(EntityTypeBuilder<OperationRequest> e)
    {
        e.Property(x => x.RequestId).HasMaxLength(64).IsRequired();
        e.HasIndex(x => x.RequestId).IsUnique();
        e.Property(x => x.Action).HasMaxLength(50);
        e.Property(x => x.Result).HasMaxLength(1000);
        e.HasIndex(x => x.CreatedAt);
    }
}

internal sealed class SignInAttemptConfiguration : IEntityTypeConfiguration<SignInAttempt>
{
    public void Configure(EntityTypeBuilder<SignInAttempt> e)
    {
        e.HasKey(x => x.Key);
        e.Property(x => x.Key).HasMaxLength(200);
        e.HasIndex(x => x.WindowStart);
    }
}

internal sealed class JobProgressConfiguration : IEntityTypeConfiguration<JobProgress>
{
    public void Configure(EntityTypeBuilder<JobProgress> e)
    {
        e.HasKey(x => x.Key);
        e.Property(x => x.Key).HasMaxLength(50);
        e.Property(x => x.Message).HasMaxLength(500);
        e.Property(x => x.LeaseOwner).HasMaxLength(50);
    }
}

internal sealed class StationConfiguration : IEntityTypeConfiguration<Station>
{
    public void Configure(EntityTypeBuilder<Station> e)
    {
        e.Property(x => x.Name).HasMaxLength(100).IsRequired();
        e.Property(x => x.Address).HasMaxLength(200);
        e.Property(x => x.AllowedNetworks).HasMaxLength(1000);
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

internal sealed class PileConfiguration : IEntityTypeConfiguration<Pile>
{
    public void Configure(EntityTypeBuilder<Pile> e)
    {
        e.Property(x => x.Code).HasMaxLength(14).IsRequired();
        e.HasIndex(x => x.Code).IsUnique();
        e.HasIndex(x => new { x.StationId, x.Code });
        e.HasIndex(x => x.Online);
        e.Property(x => x.PowerKw).HasPrecision(9, 2);
        e.HasOne(x => x.Station).WithMany(x => x.Piles).HasForeignKey(x => x.StationId);
    }
}

internal sealed class GunConfiguration : IEntityTypeConfiguration<Gun>
{
    public void Configure(EntityTypeBuilder<Gun> e)
    {
        e.Property(x => x.Code).HasMaxLength(16).IsRequired();
        e.HasIndex(x => x.Code).IsUnique();
        e.HasIndex(x => new { x.PileId, x.Number }).IsUnique();
        e.HasIndex(x => new { x.StationId, x.Status });
        e.HasIndex(x => x.Status);
        e.HasOne(x => x.Pile).WithMany(x => x.Guns).HasForeignKey(x => x.PileId).OnDelete(DeleteBehavior.Cascade);
        // No FK to Station: the column is a copy of the pile's, kept for scoping and counters.
        e.Property(x => x.FaultText).HasMaxLength(500);
    }
}

internal sealed class AuditLogConfiguration : IEntityTypeConfiguration<AuditLog>
{
    public void Configure(EntityTypeBuilder<AuditLog> e)
    {
        e.HasIndex(x => x.At);
        e.HasIndex(x => new { x.Action, x.At });
        e.HasIndex(x => new { x.UserName, x.At });
        e.Property(x => x.Result).HasMaxLength(1000);
    }
}

internal sealed class BillingTemplateConfiguration : IEntityTypeConfiguration<BillingTemplate>
{
    public void Configure(EntityTypeBuilder<BillingTemplate> e)
    {
        e.Property(x => x.Slots).HasMaxLength(48).IsFixedLength().IsRequired();
        e.HasIndex(x => x.Name);
        e.HasOne(x => x.ElectricityPrice).WithMany().HasForeignKey(x => x.ElectricityPriceId);
    }
}

internal sealed class ElectricityPriceConfiguration : IEntityTypeConfiguration<ElectricityPrice>
{
    public void Configure(EntityTypeBuilder<ElectricityPrice> e) => e.HasIndex(x => x.Name);
}

internal sealed class BillingSyncLogConfiguration : IEntityTypeConfiguration<BillingSyncLog>
{
    public void Configure(EntityTypeBuilder<BillingSyncLog> e)
    {
        e.HasIndex(x => new { x.Status, x.CreatedAt });
        e.HasIndex(x => new { x.PileCode, x.CreatedAt });
        e.HasIndex(x => x.PileId);
        e.HasIndex(x => x.CreatedAt);
        e.Property(x => x.Reason).HasMaxLength(500);
    }
}
