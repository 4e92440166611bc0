using Microsoft.EntityFrameworkCore;
using ResolutionArchive.Data.Entities;

namespace ResolutionArchive.Data;

/// <summary>
/// The archive's database (SQLite through EF Core). The schema is created only by the committed migrations in
/// <c>Migrations/</c> (<see cref="ArchiveDatabase.OpenAsync"/> applies them), never by <c>EnsureCreated</c>. To add a
/// migration: <c>dotnet tool restore &amp;&amp; dotnet ef migrations add NAME --project src/ResolutionArchive.Data</c>.
/// </summary>
public sealed class ArchiveDbContext(DbContextOptions<ArchiveDbContext> options) : DbContext(options)
{
    /// <summary>Resolutions and drafts.</summary>
    public DbSet<ResolutionEntity> Resolutions => Set<ResolutionEntity>();

    /// <summary>Clauses and sub-paragraphs.</summary>
    public DbSet<ParagraphEntity> Paragraphs => Set<ParagraphEntity>();

    /// <summary>Footnotes.</summary>
    public DbSet<FootnoteEntity> Footnotes => Set<FootnoteEntity>();

    /// <summary>Recorded votes, one row per state.</summary>
    public DbSet<VoteEntity> Votes => Set<VoteEntity>();

    /// <summary>Sponsors.</summary>
    public DbSet<SponsorEntity> Sponsors => Set<SponsorEntity>();

    /// <summary>Parts of resolutions in several parts.</summary>
    public DbSet<PartEntity> Parts => Set<PartEntity>();

    /// <summary>Annexes.</summary>
    public DbSet<AnnexEntity> Annexes => Set<AnnexEntity>();

    /// <summary>Which source supplied each field of a record.</summary>
    public DbSet<FieldSourceEntity> FieldSources => Set<FieldSourceEntity>();

    /// <summary>Cross-references found in clause and footnote texts (docs/references.md).</summary>
    public DbSet<ReferenceEntity> References => Set<ReferenceEntity>();

    /// <summary>One row per paragraph and footnote in the full-text index (docs/search.md §2).</summary>
    public DbSet<SearchEntryEntity> SearchEntries => Set<SearchEntryEntity>();

    /// <summary>Each paragraph's closest counterparts in other records (docs/lineage.md §2).</summary>
    public DbSet<ParagraphLinkEntity> ParagraphLinks => Set<ParagraphLinkEntity>();

    /// <summary>Every imported source file, kept whole.</summary>
    public DbSet<SourceEntity> Sources => Set<SourceEntity>();

    /// <summary>The warnings of each source file: the data-quality report.</summary>
    public DbSet<DataQualityFlagEntity> DataQualityFlags => Set<DataQualityFlagEntity>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder) =>
        modelBuilder.ApplyConfigurationsFromAssembly(typeof(ArchiveDbContext).Assembly);
}
