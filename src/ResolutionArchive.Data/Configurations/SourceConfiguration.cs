using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResolutionArchive.Data.Entities;

namespace ResolutionArchive.Data.Configurations;

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
