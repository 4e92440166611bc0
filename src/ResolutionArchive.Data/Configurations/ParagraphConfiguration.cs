using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResolutionArchive.Data.Entities;

namespace ResolutionArchive.Data.Configurations;

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
