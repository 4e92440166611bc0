using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Parsing.References;

/// <summary>A run of text inside a <see cref="LinkedSegment"/>: emphasised (<c>&lt;strong&gt;</c>) or not.</summary>
/// <param name="Text">The characters (to be HTML-escaped by whoever renders them).</param>
/// <param name="Emphasised">True when the run lies inside an <see cref="Emphasis"/> span.</param>
public sealed record EmphasisRun(string Text, bool Emphasised);

/// <summary>
/// A stretch of text that is either one link (<see cref="Link"/> is the index of the link span) or no link at all
/// (<see cref="Link"/> is null), cut further into emphasised and plain runs, so that a renderer can nest
/// <c>&lt;a&gt;&lt;strong&gt;…&lt;/strong&gt;…&lt;/a&gt;</c> correctly however emphasis and links overlap.
/// </summary>
/// <param name="Link">Index into the link spans given to <see cref="LinkedText.Split"/>, or null.</param>
/// <param name="Runs">The runs, in order, never empty; their texts concatenated are the segment's text.</param>
public sealed record LinkedSegment(int? Link, IReadOnlyList<EmphasisRun> Runs);

/// <summary>Cuts clause text at emphasis spans and link spans (input-formats §8.6).</summary>
public static class LinkedText
{
    /// <summary>
    /// Splits <paramref name="text"/> into segments at the link spans, and each segment into runs at the emphasis spans.
    /// Concatenating every run's text gives <paramref name="text"/> back exactly. Spans are in UTF-16 code units; an
    /// emphasis or link span that is empty, out of range, or overlaps an earlier span of its own kind is ignored (as
    /// the earlier emphasis-only renderer did). Emphasis and links may overlap each other freely.
    /// </summary>
    /// <param name="text">The plain text; null is empty.</param>
    /// <param name="emphasis">Emphasised spans (<see cref="Clause.Emphasis"/>), any order.</param>
    /// <param name="links">Link spans (start, length), any order; segment <see cref="LinkedSegment.Link"/> indexes this list.</param>
    public static IReadOnlyList<LinkedSegment> Split(string? text, IReadOnlyList<Emphasis> emphasis, IReadOnlyList<(int Start, int Length)> links)
    {
        text ??= "";
        var strong = Clean(text.Length, (emphasis ?? []).Select((e, i) => (e.Start, e.Length, i)));
        var linked = Clean(text.Length, (links ?? []).Select((l, i) => (l.Start, l.Length, i)));

        // cut points: every boundary of either kind
        var cuts = new SortedSet<int> { 0, text.Length };
        foreach (var (start, length, _) in strong.Concat(linked))
        {
            cuts.Add(start);
            cuts.Add(start + length);
        }

        var segments = new List<LinkedSegment>();
        var runs = new List<EmphasisRun>();
        int? current = null;
        var points = cuts.ToList();
        for (var i = 0; i + 1 < points.Count; i++)
        {
            var (from, to) = (points[i], points[i + 1]);
            int? link = linked.FirstOrDefault(l => l.Start <= from && to <= l.Start + l.Length) is { Length: > 0 } l ? l.Index : null;
            var emphasised = strong.Any(s => s.Start <= from && to <= s.Start + s.Length);
            if (runs.Count > 0 && (link != current || link is not null && linked.Single(x => x.Index == link).Start == from))
            {
                segments.Add(new LinkedSegment(current, runs));
                runs = [];
            }

            current = link;
            if (runs.Count > 0 && runs[^1].Emphasised == emphasised)
            {
                runs[^1] = runs[^1] with { Text = runs[^1].Text + text[from..to] };
            }
            else
            {
                runs.Add(new EmphasisRun(text[from..to], emphasised));
            }
        }

        if (runs.Count > 0)
        {
            segments.Add(new LinkedSegment(current, runs));
        }

        return segments;
    }

    private static List<(int Start, int Length, int Index)> Clean(int textLength, IEnumerable<(int Start, int Length, int Index)> spans)
    {
        var kept = new List<(int Start, int Length, int Index)>();
        var at = 0;
        foreach (var span in spans.OrderBy(s => s.Start).ThenBy(s => s.Index))
        {
            if (span.Length <= 0 || span.Start < at || span.Start + span.Length > textLength)
            {
                continue;
            }

            kept.Add(span);
            at = span.Start + span.Length;
        }

        return kept;
    }
}
