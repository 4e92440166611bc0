using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResolutionArchive.Data.Entities;

namespace ResolutionArchive.Data.Configurations;

/// <summary>Table <c>ParagraphLinks</c> (docs/lineage.md §2): key (paragraph, counterpart), deleted with either paragraph.</summary>
internal sealed class ParagraphLinkConfiguration : IEntityTypeConfiguration<ParagraphLinkEntity>
{
    public void Configure(EntityTypeBuilder<ParagraphLinkEntity> builder)
    {
        builder.ToTable("ParagraphLinks");
        builder.HasKey(l => new { l.ParagraphId, l.CounterpartId });
        builder.HasOne<ParagraphEntity>().WithMany().HasForeignKey(l => l.ParagraphId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ParagraphEntity>().WithMany().HasForeignKey(l => l.CounterpartId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => l.CounterpartId);
    }
}
