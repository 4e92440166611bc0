using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResolutionArchive.Data.Entities;

namespace ResolutionArchive.Data.Configurations;

/// <summary>Table <c>Parts</c>: key (resolution, label).</summary>
internal sealed class PartConfiguration : IEntityTypeConfiguration<PartEntity>
{
    public void Configure(EntityTypeBuilder<PartEntity> builder)
    {
        builder.ToTable("Parts");
        builder.HasKey(p => new { p.ResolutionId, p.Label });
    }
}
