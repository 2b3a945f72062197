using ChargeConsole.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChargeConsole.Data.Configurations;

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
