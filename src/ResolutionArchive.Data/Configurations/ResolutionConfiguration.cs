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
