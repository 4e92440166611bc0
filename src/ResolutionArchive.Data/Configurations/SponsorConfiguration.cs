using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResolutionArchive.Data.Entities;

namespace ResolutionArchive.Data.Configurations;

/// <summary>Table <c>Sponsors</c>: key (resolution, position); indexed by country.</summary>
internal sealed class SponsorConfiguration : IEntityTypeConfiguration<SponsorEntity>
{
    public void Configure(EntityTypeBuilder<SponsorEntity> builder)
    {
        builder.ToTable("Sponsors");
        builder.HasKey(s => new { s.ResolutionId, s.Ordinal });
        builder.HasIndex(s => s.CountryIso3);
        builder.Property(s => s.CountryIso3).HasMaxLength(3);
    }
}
