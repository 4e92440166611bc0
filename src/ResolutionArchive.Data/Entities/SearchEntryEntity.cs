namespace ResolutionArchive.Data.Entities;

/// <summary>What a searchable text is (the search page's "clause kind" filter, docs/search.md §4).</summary>
public enum SearchEntryKind
{
    /// <summary>A preambular paragraph.</summary>
    Preamble,

    /// <summary>An operative paragraph.</summary>
    Operative,

    /// <summary>A sub-paragraph (a), (i)… of an operative paragraph; the kind filter "operative" includes it.</summary>
    SubParagraph,

    /// <summary>A block of an annex.</summary>
    Annex,

    /// <summary>A footnote.</summary>
    Footnote,
}

/// <summary>
/// One searchable text (table <c>SearchEntries</c>): a paragraph or a footnote of a resolution. Its <see cref="Id"/> is
/// the rowid of its row in the full-text index <c>SearchIndex</c> (an FTS5 table, docs/search.md §2), which a trigger
/// deletes with it; it is deleted with its paragraph, footnote or resolution.
/// </summary>
public sealed class SearchEntryEntity
{
    /// <summary>Surrogate key, and the rowid in <c>SearchIndex</c>.</summary>
    public int Id { get; set; }

    /// <summary>Owning resolution.</summary>
    public int ResolutionId { get; set; }

    /// <summary>The paragraph indexed; null for a footnote.</summary>
    public int? ParagraphId { get; set; }

    /// <summary>The footnote indexed; null for a paragraph.</summary>
    public int? FootnoteId { get; set; }

    /// <summary>The anchor on the resolution's page: <c>pp3</c>, <c>op7-a</c>, <c>fn2</c>.</summary>
    public required string Anchor { get; set; }

    /// <summary>Preamble, operative, sub-paragraph, annex block or footnote.</summary>
    public SearchEntryKind Kind { get; set; }

    /// <summary>Position in the document: paragraphs by their ordinal, footnotes after every paragraph.</summary>
    public int Ordinal { get; set; }

    /// <summary>How the page labels it: the operative paragraph's number (<c>7</c>), a sub-paragraph's label
    /// (<c>(a)</c>), the preamble clause's position (<c>3</c>), or the footnote's marker (<c>4</c>); may be null.</summary>
    public string? Label { get; set; }

    /// <summary>The leading operative verb of an operative paragraph (<c>重申</c>, docs/input-formats.md §9); null otherwise.</summary>
    public string? Verb { get; set; }
}
