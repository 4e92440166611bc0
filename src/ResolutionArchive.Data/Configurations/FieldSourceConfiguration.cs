using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResolutionArchive.Data.Entities;

namespace ResolutionArchive.Data.Configurations;

/// <summary>Table <c>FieldSources</c>: key (resolution, field).</summary>
internal sealed class FieldSourceConfiguration : IEntityTypeConfiguration<FieldSourceEntity>
{
    public void Configure(EntityTypeBuilder<FieldSourceEntity> builder)
    {
        builder.ToTable("FieldSources");
        builder.HasKey(f => new { f.ResolutionId, f.Field });
    }
}
