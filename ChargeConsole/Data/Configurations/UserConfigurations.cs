using ChargeConsole.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChargeConsole.Data.Configurations;

internal sealed class AppUserConfiguration : IEntityTypeConfiguration<AppUser>
{
    public void Configure(EntityTypeBuilder<AppUser> e)
    {
        e.Property(x => x.Phone).HasMaxLength(20).IsRequired();
        e.HasIndex(x => x.Phone).IsUnique();
        e.HasIndex(x => x.Nickname);
        e.HasIndex(x => x.RegisteredAt);
        e.HasIndex(x => new { x.FirstChargeStationId, x.FirstChargeAt });
        e.HasIndex(x => x.CardNumber).IsUnique();
        e.HasOne(x => x.Wallet).WithOne(x => x.AppUser).HasForeignKey<Wallet>(x => x.AppUserId);
    }
}

internal sealed class VehicleConfiguration : IEntityTypeConfiguration<Vehicle>
{
    public void Configure(EntityTypeBuilder<Vehicle> e)
    {
        e.HasIndex(x => x.Plate);
        e.HasIndex(x => x.Vin);
        e.HasIndex(x => x.AppUserId);
        e.Property(x => x.Vin).HasMaxLength(17);
    }
}

internal sealed class SmsCodeConfiguration : IEntityTypeConfiguration<SmsCode>
{
    public void Configure(EntityTypeBuilder<SmsCode> e)
    {
        e.HasKey(x => x.Phone);
        e.Property(x => x.Phone).HasMaxLength(11);
        e.Property(x => x.Code).HasMaxLength(6);
        e.HasIndex(x => x.SentAt);
    }
}

internal sealed class WalletConfiguration : IEntityTypeConfiguration<Wallet>
{
    public void Configure(EntityTypeBuilder<Wallet> e)
    {
        e.HasIndex(x => x.AppUserId).IsUnique();
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasIndex(x => x.Principal);
    }
}

internal sealed class LedgerEntryConfiguration : IEntityTypeConfiguration<LedgerEntry>
{
    public void Configure(EntityTypeBuilder<LedgerEntry> e)
    {
        e.HasIndex(x => new { x.WalletId, x.Account });
        e.HasIndex(x => new { x.AppUserId, x.CreatedAt });
        e.HasIndex(x => new { x.Source, x.CreatedAt });
        e.HasIndex(x => x.CreatedAt);
        e.HasIndex(x => x.SourceNo);
        e.HasOne(x => x.AppUser).WithMany().HasForeignKey(x => x.AppUserId);
        e.HasOne(x => x.Wallet).WithMany().HasForeignKey(x => x.WalletId);
    }
}

internal sealed class WalletAdjustmentConfiguration : IEntityTypeConfiguration<WalletAdjustment>
{
    public void Configure(EntityTypeBuilder<WalletAdjustment> e)
    {
        e.HasIndex(x => x.No).IsUnique();
        e.HasIndex(x => new { x.AppUserId, x.CreatedAt });
        e.HasIndex(x => x.CreatedAt);
        e.Property(x => x.Reason).HasMaxLength(500);
    }
}
