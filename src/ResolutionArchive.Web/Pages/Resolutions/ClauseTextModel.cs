using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Web.Pages.Resolutions;

/// <summary>
/// What the <c>_ClauseText</c> partial renders: a text with its anchor id (for its references, docs/references.md, and
/// its footnote references), its emphasis and the markers of the footnotes it cites — from a clause, a sub-paragraph or
/// a footnote alike.
/// </summary>
/// <param name="Id">The anchor of the text (<c>op3</c>, <c>op3-a</c>, <c>fn2</c>).</param>
/// <param name="Text">The plain text.</param>
/// <param name="Emphasis">Its emphasised runs (a clause's only).</param>
/// <param name="Footnotes">The markers of the footnotes it cites, in order (none for a footnote).</param>
internal sealed record ClauseTextModel(string Id, string Text, IReadOnlyList<Emphasis> Emphasis, IReadOnlyList<string> Footnotes)
{
    /// <summary>A preambular, operative or annex paragraph.</summary>
    public static ClauseTextModel Of(Clause clause)
    {
        ArgumentNullException.ThrowIfNull(clause);
        return new ClauseTextModel(clause.Id, clause.Text, clause.Emphasis, clause.Footnotes);
    }

    /// <summary>A sub-paragraph (no emphasis).</summary>
    public static ClauseTextModel Of(Point point)
    {
        ArgumentNullException.ThrowIfNull(point);
        return new ClauseTextModel(point.Id, point.Text, [], point.Footnotes);
    }

    /// <summary>A footnote: its id is the footnote's (<c>fn2</c>), with no emphasis and no footnote of its own.</summary>
    public static ClauseTextModel Of(Footnote footnote)
    {
        ArgumentNullException.ThrowIfNull(footnote);
        return new ClauseTextModel(footnote.Id, footnote.Text, [], []);
    }
}
