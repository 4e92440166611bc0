using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResolutionArchive.Data.Entities;

namespace ResolutionArchive.Data.Configurations;

/// <summary>Table <c>Footnotes</c>: one anchor per resolution.</summary>
internal sealed class FootnoteConfiguration : IEntityTypeConfiguration<FootnoteEntity>
{
    public void Configure(EntityTypeBuilder<FootnoteEntity> builder)
    {
        builder.ToTable("Footnotes");
        builder.HasIndex(f => new { f.ResolutionId, f.Anchor }).IsUnique();
    }
}
