namespace ResolutionArchive.Data.Entities;

/// <summary>An annex of a resolution (table <c>Annexes</c>); its blocks are rows of <c>Paragraphs</c> of kind Annex.</summary>
public sealed class AnnexEntity
{
    /// <summary>Owning resolution.</summary>
    public int ResolutionId { get; set; }

    /// <summary>Anchor id, <c>annex1</c>…, unique within the resolution.</summary>
    public required string Anchor { get; set; }

    /// <summary>Heading as printed (附件).</summary>
    public string? Heading { get; set; }

    /// <summary>Title.</summary>
    public string? Title { get; set; }

    /// <summary>0-based position.</summary>
    public int Ordinal { get; set; }
}

/// <summary>A part (A, B…) of a resolution in several parts (table <c>Parts</c>).</summary>
public sealed class PartEntity
{
    /// <summary>Owning resolution.</summary>
    public int ResolutionId { get; set; }

    /// <summary>The part's letter.</summary>
    public required string Label { get; set; }

    /// <summary>The part's title.</summary>
    public required string Title { get; set; }

    /// <summary>0-based position.</summary>
    public int Ordinal { get; set; }

    /// <summary>The part's own adoption date, when its component states one (input-formats §7.10).</summary>
    public DateOnly? AdoptionDate { get; set; }

    /// <summary>The part's own meeting number.</summary>
    public int? MeetingNumber { get; set; }

    /// <summary>True when the part's meeting was resumed (续会).</summary>
    public bool MeetingResumed { get; set; }

    /// <summary>The part's own adoption and recorded vote, as the <c>vote</c> object of the JSON format
    /// (docs/json-format.md); null when the component states none.</summary>
    public string? VoteJson { get; set; }
}

/// <summary>
/// Which source file supplied one field of a resolution (table <c>FieldSources</c>, key: resolution and field), for a
/// record built from more than one source (a seed text and the UN's AKN file of the same resolution).
/// </summary>
public sealed class FieldSourceEntity
{
    /// <summary>Owning resolution.</summary>
    public int ResolutionId { get; set; }

    /// <summary>The field, as named in the JSON format (<c>vote</c>, <c>sponsors</c>, <c>text</c> for the clauses, footnotes, parts and annexes).</summary>
    public required string Field { get; set; }

    /// <summary>The source file's name as imported.</summary>
    public required string SourceFile { get; set; }
}
