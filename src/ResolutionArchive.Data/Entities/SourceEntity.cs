namespace ResolutionArchive.Data.Entities;

/// <summary>
/// One imported source file of a resolution, kept whole (table <c>Sources</c>): a record is always rebuilt from all of
/// its sources in import order, so importing a second format of the same resolution enriches it and re-importing any
/// source is idempotent. Not a child of the resolution's row: it survives the rebuilds of the record.
/// </summary>
public sealed class SourceEntity
{
    /// <summary>Surrogate key; also the import order of the sources of one record.</summary>
    public int Id { get; set; }

    /// <summary>The key of the record it belongs to (<see cref="ResolutionEntity.Key"/>).</summary>
    public required string ResolutionKey { get; set; }

    /// <summary>The file name as given to the importer.</summary>
    public required string FileName { get; set; }

    /// <summary>Which reader read it: <c>text</c> (seed-style text) or <c>akn</c> (AKN4UN XML).</summary>
    public required string Format { get; set; }

    /// <summary>Lower-case hex SHA-256 of <see cref="Content"/>.</summary>
    public required string Sha256 { get; set; }

    /// <summary>The file's bytes.</summary>
    public required byte[] Content { get; set; }

    /// <summary>When it was imported, UTC.</summary>
    public DateTime ImportedAtUtc { get; set; }
}
