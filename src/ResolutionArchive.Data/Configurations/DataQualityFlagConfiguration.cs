using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using ResolutionArchive.Data.Entities;

namespace ResolutionArchive.Data.Configurations;

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
