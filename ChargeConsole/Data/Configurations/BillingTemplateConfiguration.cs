using ChargeConsole.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChargeConsole.Data.Configurations;

internal sealed class BillingTemplateConfiguration : IEntityTypeConfiguration<BillingTemplate>
{
    public void Configure(EntityTypeBuilder<BillingTemplate> e)
    {
        e.Property(x => x.Slots).HasMaxLength(48).IsFixedLength().IsRequired();
        e.HasIndex(x => x.Name);
        e.HasOne(x => x.ElectricityPrice).WithMany().HasForeignKey(x => x.ElectricityPriceId);
    }
}
