using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResolutionArchive.Data.Entities;

namespace ResolutionArchive.Data.Configurations;

/// <summary>Table <c>Annexes</c>: key (resolution, anchor).</summary>
internal sealed class AnnexConfiguration : IEntityTypeConfiguration<AnnexEntity>
{
    public void Configure(EntityTypeBuilder<AnnexEntity> builder)
    {
        builder.ToTable("Annexes");
        builder.HasKey(a => new { a.ResolutionId, a.Anchor });
    }
}
