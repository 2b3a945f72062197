using ChargeConsole.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChargeConsole.Data.Configurations;

internal sealed class RefundConfiguration : IEntityTypeConfiguration<Refund>
{
    public void Configure(EntityTypeBuilder<Refund> e)
    {
        e.HasIndex(x => x.RefundNo).IsUnique();
        e.HasIndex(x => x.ProviderRefundId).IsUnique();
        e.HasIndex(x => new { x.RechargeOrderId, x.CreatedAt });
        e.HasIndex(x => new { x.Status, x.CreatedAt });
        e.HasOne(x => x.RechargeOrder).WithMany(x => x.Refunds).HasForeignKey(x => x.RechargeOrderId);
        e.HasOne<Withdrawal>().WithMany().HasForeignKey(x => x.WithdrawalId);
        e.Property(x => x.Version).IsConcurrencyToken();
    }
}
