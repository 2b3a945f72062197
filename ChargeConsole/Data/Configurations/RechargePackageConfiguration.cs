using ChargeConsole.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChargeConsole.Data.Configurations;

internal sealed class RechargePackageConfiguration : IEntityTypeConfiguration<RechargePackage>
{
    public void Configure(EntityTypeBuilder<RechargePackage> e) => e.HasIndex(x => new { x.Status, x.SortOrder });
}
