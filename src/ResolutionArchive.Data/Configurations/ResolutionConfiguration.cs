using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResolutionArchive.Data.Entities;

namespace ResolutionArchive.Data.Configurations;

/// <summary>Table <c>Resolutions</c>: unique <c>Key</c>, enums stored as names, children deleted with the parent.</summary>
internal sealed class ResolutionConfiguration : IEntityTypeConfiguration<ResolutionEntity>
{
    public void Configure(EntityTypeBuilder<ResolutionEntity> builder)
    {
        builder.ToTable("Resolutions");
        builder.HasIndex(r => r.Key).IsUnique();
        builder.HasIndex(r => r.Symbol);
        builder.HasIndex(r => r.Number);
        builder.HasIndex(r => r.AdoptionDate);
        builder.Property(r => r.Body).HasConversion<string>().HasMaxLength(8);
        builder.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
        builder.Property(r => r.VoteMode).HasConversion<string>().HasMaxLength(16);
        builder.HasMany(r => r.Paragraphs).WithOne().HasForeignKey(p => p.ResolutionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Footnotes).WithOne().HasForeignKey(f => f.ResolutionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Votes).WithOne().HasForeignKey(v => v.ResolutionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Sponsors).WithOne().HasForeignKey(s => s.ResolutionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Parts).WithOne().HasForeignKey(p => p.ResolutionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.Annexes).WithOne().HasForeignKey(a => a.ResolutionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.FieldSources).WithOne().HasForeignKey(f => f.ResolutionId).OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(r => r.References).WithOne().HasForeignKey(x => x.ResolutionId).OnDelete(DeleteBehavior.Cascade);
    }
}

/// <summary>Table <c>Paragraphs</c>: one anchor per resolution.</summary>
internal sealed class ParagraphConfiguration : IEntityTypeConfiguration<ParagraphEntity>
{
    public void Configure(EntityTypeBuilder<ParagraphEntity> builder)
    {
        builder.ToTable("Paragraphs");
        builder.HasIndex(p => new { p.ResolutionId, p.Anchor }).IsUnique();
        builder.Property(p => p.Kind).HasConversion<string>().HasMaxLength(16);
    }
}

/// <summary>Table <c>Footnotes</c>: one anchor per resolution.</summary>
internal sealed class FootnoteConfiguration : IEntityTypeConfiguration<FootnoteEntity>
{
    public void Configure(EntityTypeBuilder<FootnoteEntity> builder)
    {
        builder.ToTable("Footnotes");
        builder.HasIndex(f => new { f.ResolutionId, f.Anchor }).IsUnique();
    }
}

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

/// <summary>Table <c>Parts</c>: key (resolution, label).</summary>
internal sealed class PartConfiguration : IEntityTypeConfiguration<PartEntity>
{
    public void Configure(EntityTypeBuilder<PartEntity> builder)
    {
        builder.ToTable("Parts");
        builder.HasKey(p => new { p.ResolutionId, p.Label });
    }
}

/// <summary>Table <c>Annexes</c>: key (resolution, anchor).</summary>
internal sealed class AnnexConfiguration : IEntityTypeConfiguration<AnnexEntity>
{
    public void Configure(EntityTypeBuilder<AnnexEntity> builder)
    {
        builder.ToTable("Annexes");
        builder.HasKey(a => new { a.ResolutionId, a.Anchor });
    }
}

/// <summary>Table <c>FieldSources</c>: key (resolution, field).</summary>
internal sealed class FieldSourceConfiguration : IEntityTypeConfiguration<FieldSourceEntity>
{
    public void Configure(EntityTypeBuilder<FieldSourceEntity> builder)
    {
        builder.ToTable("FieldSources");
        builder.HasKey(f => new { f.ResolutionId, f.Field });
    }
}

/// <summary>Table <c>Sources</c>: one row per imported file; unique (record key, content hash).</summary>
internal sealed class SourceConfiguration : IEntityTypeConfiguration<SourceEntity>
{
    public void Configure(EntityTypeBuilder<SourceEntity> builder)
    {
        builder.ToTable("Sources");
        builder.HasIndex(s => new { s.ResolutionKey, s.Sha256 }).IsUnique();
        builder.HasIndex(s => new { s.ResolutionKey, s.FileName });
        builder.Property(s => s.Format).HasMaxLength(8);
    }
}

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

/// <summary>Table <c>DataQualityFlags</c>: deleted with their source; indexed by record key.</summary>
internal sealed class DataQualityFlagConfiguration : IEntityTypeConfiguration<DataQualityFlagEntity>
{
    public void Configure(EntityTypeBuilder<DataQualityFlagEntity> builder)
    {
        builder.ToTable("DataQualityFlags");
        builder.HasOne<SourceEntity>().WithMany().HasForeignKey(f => f.SourceId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(f => f.ResolutionKey);
    }
}
