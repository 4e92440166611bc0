using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResolutionArchive.Data.Entities;

namespace ResolutionArchive.Data.Configurations;

/// <summary>
/// Table <c>SearchEntries</c> (docs/search.md §2): deleted with its resolution, paragraph or footnote; a trigger of the
/// <c>FullTextSearch</c> migration deletes its row of the FTS5 table <c>SearchIndex</c> with it.
/// </summary>
internal sealed class SearchEntryConfiguration : IEntityTypeConfiguration<SearchEntryEntity>
{
    public void Configure(EntityTypeBuilder<SearchEntryEntity> builder)
    {
        builder.ToTable("SearchEntries");
        builder.Property(e => e.Kind).HasConversion<string>().HasMaxLength(16);
        builder.HasOne<ResolutionEntity>().WithMany().HasForeignKey(e => e.ResolutionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<ParagraphEntity>().WithMany().HasForeignKey(e => e.ParagraphId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<FootnoteEntity>().WithMany().HasForeignKey(e => e.FootnoteId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(e => e.ResolutionId);
        builder.HasIndex(e => e.ParagraphId);
        builder.HasIndex(e => e.FootnoteId);
        builder.HasIndex(e => e.Verb);
    }
}
