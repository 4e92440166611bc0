using ResolutionArchive.Parsing.References;

namespace ResolutionArchive.Data.Entities;

/// <summary>
/// One cross-reference found in a stored resolution's clause, sub-paragraph, annex block or footnote text (table
/// <c>References</c>; rules: docs/input-formats.md §8, storage and URLs: docs/references.md). Rows are derived from the
/// record's text by <see cref="ReferenceFinder"/> whenever the record is (re)built, in the same transaction, and are
/// deleted with it.
/// </summary>
public sealed class ReferenceEntity
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>The citing resolution (<see cref="ResolutionEntity.Id"/>).</summary>
    public int ResolutionId { get; set; }

    /// <summary>Anchor of the citing text: a paragraph's (<c>pp8</c>, <c>op36</c>, <c>op3-a</c>, <c>A-op1</c>) or a footnote's (<c>fn2</c>).</summary>
    public required string Anchor { get; set; }

    /// <summary>0-based position among the record's references, in document order (clauses, then footnotes).</summary>
    public int Ordinal { get; set; }

    /// <summary>Start of the linked span, UTF-16 code units into the citing text (<see cref="Reference.Start"/>).</summary>
    public int Start { get; set; }

    /// <summary>Length of the linked span in UTF-16 code units, at least 1.</summary>
    public int Length { get; set; }

    /// <summary>Resolution number or document symbol; stored as its name.</summary>
    public ReferenceKind Kind { get; set; }

    /// <summary>The span's characters as printed (<c>76/159</c>, <c>A/HRC/52/80</c>).</summary>
    public required string Text { get; set; }

    /// <summary>The UN document symbol referred to (<c>A/RES/76/159</c>), the key of <c>CitedBy</c> queries.</summary>
    public required string TargetSymbol { get; set; }

    /// <summary>For a resolution, the body decided (input-formats §8.2); null for a document symbol. Stored as its name.</summary>
    public CitedBody? Body { get; set; }
}
