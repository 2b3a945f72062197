using ChargeConsole.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChargeConsole.Data.Configurations;

internal sealed class PileConfiguration : IEntityTypeConfiguration<Pile>
{
    public void Configure(EntityTypeBuilder<Pile> e)
    {
        e.Property(x => x.Code).HasMaxLength(14).IsRequired();
        e.HasIndex(x => x.Code).IsUnique();
        e.HasIndex(x => new { x.StationId, x.Code });
        e.HasIndex(x => x.Online);
        e.Property(x => x.ConnectedNode).HasMaxLength(100);
        e.Property(x => x.OcppPasswordHash).HasMaxLength(200);
        e.Property(x => x.OcppLocalListHash).HasMaxLength(64);
        e.Property(x => x.FirmwareStatus).HasMaxLength(30);
        e.Property(x => x.DiagnosticsStatus).HasMaxLength(30);
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
        e.Property(x => x.ReservedFor).HasMaxLength(20);
    }
}
