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
