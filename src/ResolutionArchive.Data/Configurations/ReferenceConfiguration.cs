using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResolutionArchive.Data.Entities;

namespace ResolutionArchive.Data.Configurations;

/// <summary>
/// Table <c>References</c>: indexed by target symbol (the "cited by" lookup) and by (resolution, anchor); kind and body
/// stored as names (docs/references.md).
/// </summary>
internal sealed class ReferenceConfiguration : IEntityTypeConfiguration<ReferenceEntity>
{
    public void Configure(EntityTypeBuilder<ReferenceEntity> builder)
    {
        builder.ToTable("References");
        builder.HasIndex(r => r.TargetSymbol);
        builder.HasIndex(r => new { r.ResolutionId, r.Anchor });
        builder.Property(r => r.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.Body).HasConversion<string>().HasMaxLength(32);
    }
}
