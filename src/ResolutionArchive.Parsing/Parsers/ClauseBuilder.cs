using ResolutionArchive.Parsing.Diagnostics;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Parsing.Parsers;

/// <summary>
/// Turns collected paragraphs into <see cref="Clause"/>s: lines joined (§3.1), footnote markers taken out (§5.3),
/// markdown reduced to plain text (§3.2), ids assigned (<c>pp{n}</c>, <c>op{n}</c>, <c>op{n}-a</c>) and operative
/// numbering checked for gaps (§3.3).
/// </summary>
internal static class ClauseBuilder
{
    public static IReadOnlyList<Clause> Build(IReadOnlyList<RawClause> raw, string file, List<ParseDiagnostic> diagnostics)
    {
        var clauses = new List<Clause>(raw.Count);
        var preambleCount = 0;
        var operativeCount = 0;
        foreach (var clause in raw)
        {
            string id;
            if (clause.Kind == ClauseKind.Preamble)
            {
                id = $"pp{++preambleCount}";
            }
            else
            {
                var expected = ++operativeCount;
                if (clause.Number != expected.ToString(System.Globalization.CultureInfo.InvariantCulture))
                {
                    diagnostics.Add(new ParseDiagnostic(file, clause.Block.Line, $"expected operative paragraph {expected}, found paragraph {clause.Number} (a gap or a repeat in the numbering)"));
                }

                id = $"op{clause.Number}";
            }

            var (text, markers, emphasis) = Reduce(clause.Block);
            clauses.Add(new Clause(id, clause.Kind, clause.Number, text, markers, emphasis, BuildPoints(id, clause.Block.Points), clause.Block.Line));
        }

        return clauses;
    }

    /// <summary>Joined, marker-free plain text of a block, its markers and its emphasis.</summary>
    internal static (string Text, IReadOnlyList<string> Markers, IReadOnlyList<Emphasis> Emphasis) Reduce(RawBlock block) =>
        Reduce(block.Joined);

    /// <summary>Marker-free plain text of one line of markdown.</summary>
    internal static (string Text, IReadOnlyList<string> Markers, IReadOnlyList<Emphasis> Emphasis) Reduce(string markdown)
    {
        var (withoutMarkers, markers) = FootnoteMarkers.Extract(markdown);
        var (text, emphasis) = InlineText.ToPlainText(withoutMarkers.Trim());
        return (text, markers, emphasis);
    }

    private static IReadOnlyList<Point> BuildPoints(string parentId, IReadOnlyList<RawPoint> raw)
    {
        if (raw.Count == 0)
        {
            return [];
        }

        var points = new List<Point>(raw.Count);
        foreach (var point in raw)
        {
            var id = $"{parentId}-{point.Label.Trim('(', ')')}";
            var (text, markers, _) = Reduce(point.Block);
            points.Add(new Point(id, point.Label, text, markers, BuildPoints(id, point.Block.Points)));
        }

        return points;
    }
}
