using ChargeConsole.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChargeConsole.Data.Configurations;

internal sealed class RechargeOrderConfiguration : IEntityTypeConfiguration<RechargeOrder>
{
    public void Configure(EntityTypeBuilder<RechargeOrder> e)
    {
        e.HasIndex(x => x.OrderNo).IsUnique();
        e.HasIndex(x => x.ProviderTransactionId).IsUnique();
        e.HasIndex(x => new { x.AppUserId, x.RequestId }).IsUnique().HasFilter("RequestId IS NOT NULL");
        e.Property(x => x.RequestId).HasMaxLength(64);
        e.Property(x => x.PayerOpenId).HasMaxLength(128);
        e.Property(x => x.PrepayId).HasMaxLength(64);
        e.Property(x => x.PaymentIssue).HasMaxLength(200);
        e.HasIndex(x => new { x.Status, x.CreatedAt });
        e.HasIndex(x => new { x.AppUserId, x.CreatedAt });
        e.HasIndex(x => x.CreatedAt);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasOne<RechargePackage>().WithMany().HasForeignKey(x => x.RechargePackageId);
        e.HasOne<MarketingPackage>().WithMany().HasForeignKey(x => x.MarketingPackageId);
    }
}
