namespace ResolutionArchive.Data.Entities;

/// <summary>A footnote (table <c>Footnotes</c>).</summary>
public sealed class FootnoteEntity
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>Owning resolution.</summary>
    public int ResolutionId { get; set; }

    /// <summary>Anchor id: <c>fn1</c>, <c>fn-star</c>.</summary>
    public required string Anchor { get; set; }

    /// <summary>Marker as ASCII digits, or <c>*</c>.</summary>
    public required string Marker { get; set; }

    /// <summary>Plain text.</summary>
    public required string Text { get; set; }

    /// <summary>Anchor of the paragraph carrying the marker, or <c>sponsors</c> / <c>title</c>.</summary>
    public required string AttachedTo { get; set; }

    /// <summary>0-based position among the resolution's footnotes.</summary>
    public int Ordinal { get; set; }
}
