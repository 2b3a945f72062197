using ChargeConsole.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChargeConsole.Data.Configurations;

internal sealed class InvoiceConfiguration : IEntityTypeConfiguration<Invoice>
{
    public void Configure(EntityTypeBuilder<Invoice> e)
    {
        e.HasIndex(x => x.RequestNo).IsUnique();
        e.HasIndex(x => new { x.Status, x.CreatedAt });
        e.HasIndex(x => x.Title);
        e.HasIndex(x => x.AppUserId);
        e.HasIndex(x => new { x.AppUserId, x.RequestId }).IsUnique().HasFilter("RequestId IS NOT NULL");
        e.Property(x => x.RequestId).HasMaxLength(64);
        e.Property(x => x.Title).HasMaxLength(100);
        e.Property(x => x.TaxNumber).HasMaxLength(18);
        e.Property(x => x.Email).HasMaxLength(100);
        e.Property(x => x.InvoiceNumber).HasMaxLength(20);
        e.Property(x => x.InvoiceCode).HasMaxLength(12);
        e.Property(x => x.RejectReason).HasMaxLength(200);
        e.Property(x => x.Version).IsConcurrencyToken();
        e.HasMany(x => x.Orders).WithOne().HasForeignKey(x => x.InvoiceId);
    }
}

internal sealed class InvoiceOrderConfiguration : IEntityTypeConfiguration<InvoiceOrder>
{
    public void Configure(EntityTypeBuilder<InvoiceOrder> e)
    {
        e.HasKey(x => new { x.InvoiceId, x.ChargingOrderId });
        e.HasIndex(x => x.ChargingOrderId).IsUnique().HasFilter("Active = 1").HasDatabaseName("IX_InvoiceOrders_ActiveOrder");
    }
}
