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

/// <summary>Table <c>Votes</c>: key (resolution, country); indexed by country for the country pages.</summary>
internal sealed class VoteConfiguration : IEntityTypeConfiguration<VoteEntity>
{
    public void Configure(EntityTypeBuilder<VoteEntity> builder)
    {
        builder.ToTable("Votes");
        builder.HasKey(v => new { v.ResolutionId, v.CountryIso3 });
        builder.HasIndex(v => v.CountryIso3);
        builder.Property(v => v.CountryIso3).HasMaxLength(3);
        builder.Property(v => v.Position).HasConversion<string>().HasMaxLength(16);
    }
}

/// <summary>Table <c>Sponsors</c>: key (resolution, country).</summary>
internal sealed class SponsorConfiguration : IEntityTypeConfiguration<SponsorEntity>
{
    public void Configure(EntityTypeBuilder<SponsorEntity> builder)
    {
        builder.ToTable("Sponsors");
        builder.HasKey(s => new { s.ResolutionId, s.CountryIso3 });
        builder.HasIndex(s => s.CountryIso3);
        builder.Property(s => s.CountryIso3).HasMaxLength(3);
    }
}
