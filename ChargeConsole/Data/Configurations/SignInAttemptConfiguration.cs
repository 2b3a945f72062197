using ChargeConsole.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ChargeConsole.Data.Configurations;

internal sealed class SignInAttemptConfiguration : IEntityTypeConfiguration<SignInAttempt>
{
    public void Configure(EntityTypeBuilder<SignInAttempt> e)
    {
        e.HasKey(x => x.Key);
        e.Property(x => x.Key).HasMaxLength(200);
        e.HasIndex(x => x.WindowStart);
    }
}
