using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResolutionArchive.Data.Entities;

namespace ResolutionArchive.Data.Configurations;

/// <summary>Table <c>Votes</c>: key (resolution, ordinal); indexed by country for the country pages.</summary>
internal sealed class VoteConfiguration : IEntityTypeConfiguration<VoteEntity>
{
    public void Configure(EntityTypeBuilder<VoteEntity> builder)
    {
        builder.ToTable("Votes");
        builder.HasKey(v => new { v.ResolutionId, v.Ordinal });
        builder.HasIndex(v => v.CountryIso3);
        builder.Property(v => v.CountryIso3).HasMaxLength(3);
        builder.Property(v => v.Position).HasConversion<string>().HasMaxLength(16);
    }
}
