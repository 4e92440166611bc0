using ResolutionArchive.Parsing.Diagnostics;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Parsing.Parsers;

/// <summary>
/// Pairs footnote definitions with the markers in the text (input-formats §5): each footnote is attached to the first
/// clause (or sub-paragraph) whose text carries its marker; the <c>*</c> note belongs to the starred sponsor names or
/// to a starred title. A marker without a definition, a definition without a marker, or two definitions of one
/// marker are errors.
/// </summary>
internal static class FootnoteBuilder
{
    /// <summary>The <c>AttachedTo</c> value of the <c>*</c> note on a sponsor list.</summary>
    public const string SponsorsTarget = "sponsors";

    /// <summary>The <c>AttachedTo</c> value of the <c>*</c> note on a starred title.</summary>
    public const string TitleTarget = "title";

    public static IReadOnlyList<Footnote> Build(
        IReadOnlyList<RawFootnote> definitions,
        IReadOnlyList<Clause> clauses,
        bool sponsorsStarred,
        bool titleStarred,
        int starLine,
        string file,
        List<ParseDiagnostic> diagnostics)
    {
        // where each marker is first cited, in document order
        var citations = new List<(string Marker, string Target, int Line)>();
        if (sponsorsStarred || titleStarred)
        {
            citations.Add(("*", sponsorsStarred ? SponsorsTarget : TitleTarget, starLine));
        }

        foreach (var clause in clauses)
        {
            citations.AddRange(clause.Footnotes.Select(m => (m, clause.Id, clause.Line)));
            AddPointCitations(clause.Points, clause.Line, citations);
        }

        var byMarker = new Dictionary<string, RawFootnote>(StringComparer.Ordinal);
        foreach (var definition in definitions)
        {
            if (!byMarker.TryAdd(definition.Marker, definition))
            {
                diagnostics.Add(new ParseDiagnostic(file, definition.Line, $"expected one footnote {definition.Marker}, found a second one (the first is at line {byMarker[definition.Marker].Line})"));
            }
        }

        var footnotes = new List<Footnote>();
        var attached = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (marker, target, line) in citations)
        {
            if (!attached.Add(marker))
            {
                continue;
            }

            if (!byMarker.TryGetValue(marker, out var definition))
            {
                diagnostics.Add(new ParseDiagnostic(file, Math.Max(line, 1), $"expected a footnote {marker} for the marker in {Describe(target)}, found none"));
                continue;
            }

            var (text, _, _) = ClauseBuilder.Reduce(definition.Text);
            footnotes.Add(new Footnote(marker == "*" ? "fn-star" : $"fn{marker}", marker, text, target, definition.Line));
        }

        foreach (var definition in definitions.Where(d => !attached.Contains(d.Marker)))
        {
            diagnostics.Add(new ParseDiagnostic(file, definition.Line, $"expected a marker {definition.Marker} in the text for this footnote, found none"));
        }

        return footnotes;
    }

    private static void AddPointCitations(IReadOnlyList<Point> points, int line, List<(string, string, int)> citations)
    {
        foreach (var point in points)
        {
            citations.AddRange(point.Footnotes.Select(m => (m, point.Id, line)));
            AddPointCitations(point.Points, line, citations);
        }
    }

    private static string Describe(string target) => target switch
    {
        SponsorsTarget => "the sponsor list",
        TitleTarget => "the title",
        _ when target.StartsWith("pp", StringComparison.Ordinal) => $"preamble clause {target[2..]}",
        _ => $"operative paragraph {target[2..]}",
    };
}
