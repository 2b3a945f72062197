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
