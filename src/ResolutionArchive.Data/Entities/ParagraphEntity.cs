namespace ResolutionArchive.Data.Entities;

/// <summary>What a row of <c>Paragraphs</c> is.</summary>
public enum ParagraphKind
{
    /// <summary>A preambular paragraph (preamble clause).</summary>
    Preamble,

    /// <summary>A numbered operative paragraph.</summary>
    Operative,

    /// <summary>A sub-paragraph (a), (i)… of an operative paragraph (or of another sub-paragraph).</summary>
    SubParagraph,

    /// <summary>A block of an annex; its <see cref="ParagraphEntity.ParentAnchor"/> is the annex (<c>annex1</c>).</summary>
    Annex,
}

/// <summary>
/// A preamble clause, operative paragraph or sub-paragraph (table <c>Paragraphs</c>), in document order
/// (<see cref="Ordinal"/>). Sub-paragraphs point at their parent through <see cref="ParentAnchor"/>.
/// </summary>
public sealed class ParagraphEntity
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>Owning resolution.</summary>
    public int ResolutionId { get; set; }

    /// <summary>The anchor id, unique within the resolution: <c>pp3</c>, <c>op7</c>, <c>op7-a</c>, <c>op7-a-ii</c>.</summary>
    public required string Anchor { get; set; }

    /// <summary>Preamble, operative or sub-paragraph.</summary>
    public ParagraphKind Kind { get; set; }

    /// <summary>0-based position in the document (preamble first, sub-paragraphs right after their parent).</summary>
    public int Ordinal { get; set; }

    /// <summary>Printed number of an operative paragraph, or the label of a sub-paragraph (<c>(a)</c>).</summary>
    public string? Number { get; set; }

    /// <summary>Anchor of the parent of a sub-paragraph; null otherwise.</summary>
    public string? ParentAnchor { get; set; }

    /// <summary>Plain text.</summary>
    public required string Text { get; set; }

    /// <summary>Footnote markers cited, space-separated in order (<c>1 2</c>); empty when none.</summary>
    public string FootnoteMarkers { get; set; } = "";

    /// <summary>The part (<c>A</c>, <c>B</c>) of a resolution in several parts; null otherwise.</summary>
    public string? Part { get; set; }

    /// <summary>Emphasised spans as JSON <c>[{"start":0,"length":2,"text":"重申"}]</c>; <c>[]</c> when none.</summary>
    public string EmphasisJson { get; set; } = "[]";
}
