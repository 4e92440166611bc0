namespace ResolutionArchive.Data.Entities;

/// <summary>
/// One warning the reader gave about an imported source file (table <c>DataQualityFlags</c>): a name the registry does
/// not know, a count that differs from its list, a vote without an outcome, two values that disagree, text the reader
/// could not place (input-formats §6 "Warnings", §7). The record was stored all the same; the flags are what the
/// data-quality report (<c>check</c>, <c>/data-quality</c>) lists. They belong to their source and go with it.
/// </summary>
public sealed class DataQualityFlagEntity
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>The source file the warning is about (<see cref="SourceEntity.Id"/>).</summary>
    public int SourceId { get; set; }

    /// <summary>The key of the record that source belongs to.</summary>
    public required string ResolutionKey { get; set; }

    /// <summary>The file name as given to the importer.</summary>
    public required string FileName { get; set; }

    /// <summary>1-based line of the source the warning points at.</summary>
    public int Line { get; set; }

    /// <summary>What was expected and what was found, in English, as the importer printed it.</summary>
    public required string Message { get; set; }
}
