using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Web.Pages.Resolutions;

/// <summary>
/// A long resolution cut into pages (docs/browse.md "Long documents"): its top-level paragraphs — preambular and
/// operative paragraphs, part by part, then the annex paragraphs — in document order, a new page begun before the
/// paragraph that would take the page past <see cref="MaxParagraphs"/> paragraphs (sub-paragraphs counted) or
/// <see cref="MaxCharacters"/> characters. A paragraph is never split; no resolution of sessions 75–77 (at most about
/// 600 paragraphs and 60,000 characters) needs a second page.
/// </summary>
internal sealed class DocumentPages
{
    /// <summary>Paragraphs, sub-paragraphs included, per page at most (unless one paragraph alone has more).</summary>
    public const int MaxParagraphs = 1_000;

    /// <summary>Characters (UTF-16 code units) of paragraph text per page at most (unless one paragraph alone has more).</summary>
    public const int MaxCharacters = 200_000;

    private readonly Dictionary<string, int> _pageOf = new(StringComparer.Ordinal);
    private readonly HashSet<(int Page, string Marker)> _cited = [];

    private DocumentPages(int count) => Count = count;

    /// <summary>How many pages (at least 1).</summary>
    public int Count { get; }

    /// <summary>The pages of <paramref name="resolution"/>.</summary>
    public static DocumentPages Of(ParsedResolution resolution)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        var blocks = Blocks(resolution).ToList();
        var assigned = new List<(Clause Clause, int Page)>(blocks.Count);
        int page = 1, paragraphs = 0;
        long characters = 0;
        foreach (var clause in blocks)
        {
            var (count, length) = Size(clause);
            if (paragraphs > 0 && (paragraphs + count > MaxParagraphs || characters + length > MaxCharacters))
            {
                page++;
                paragraphs = 0;
                characters = 0;
            }

            paragraphs += count;
            characters += length;
            assigned.Add((clause, page));
        }

        var pages = new DocumentPages(page);
        foreach (var (clause, on) in assigned)
        {
            pages._pageOf[clause.Id] = on;
            pages._cited.UnionWith(clause.Footnotes.Select(m => (on, m)));
            foreach (var point in AllPoints(clause.Points))
            {
                pages._pageOf[point.Id] = on;
                pages._cited.UnionWith(point.Footnotes.Select(m => (on, m)));
            }
        }

        foreach (var footnote in resolution.Footnotes)
        {
            // a footnote's anchor leads to the page of the paragraph that cites it first (the sponsors' list: page 1); it
            // is listed on every page that cites it
            var first = pages._pageOf.GetValueOrDefault(footnote.AttachedTo, 1);
            pages._pageOf.TryAdd(ShowModel.FootnoteId(footnote.Marker), first);
            pages._cited.Add((first, footnote.Marker));
            if (!pages._pageOf.ContainsKey(footnote.AttachedTo))
            {
                // cited by the header (the sponsors' list), which every page shows
                pages._cited.UnionWith(Enumerable.Range(1, page).Select(p => (p, footnote.Marker)));
            }
        }

        return pages;
    }

    /// <summary>The page of the paragraph, sub-paragraph or footnote with anchor <paramref name="anchor"/>; null when the record has none.</summary>
    public int? PageOf(string anchor) => _pageOf.TryGetValue(anchor, out var page) ? page : null;

    /// <summary>True when the anchor <paramref name="anchor"/> is on page <paramref name="page"/>; an anchor the record does
    /// not have is on page 1.</summary>
    public bool IsOn(string anchor, int page) => (PageOf(anchor) ?? 1) == page;

    /// <summary>True when a paragraph on page <paramref name="page"/> cites the footnote <paramref name="marker"/>, or it is
    /// the page of the paragraph that cites it first.</summary>
    public bool Cites(int page, string marker) => _cited.Contains((page, marker));

    /// <summary>The top-level paragraphs in document order: each part's preamble and operative paragraphs, then the annexes'.</summary>
    public static IEnumerable<Clause> Blocks(ParsedResolution resolution)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        IEnumerable<string?> parts = resolution.Parts.Count > 0 ? resolution.Parts.Select(p => (string?)p.Label) : [null];
        foreach (var part in parts)
        {
            foreach (var clause in resolution.Preamble.Where(c => c.Part == part))
            {
                yield return clause;
            }

            foreach (var clause in resolution.Operative.Where(c => c.Part == part))
            {
                yield return clause;
            }
        }

        foreach (var clause in resolution.Annexes.SelectMany(a => a.Paragraphs))
        {
            yield return clause;
        }
    }

    private static (int Paragraphs, long Characters) Size(Clause clause)
    {
        int count = 1;
        long length = clause.Text.Length;
        var stack = new Stack<Point>(clause.Points);
        while (stack.Count > 0)
        {
            var point = stack.Pop();
            count++;
            length += point.Text.Length;
            foreach (var inner in point.Points)
            {
                stack.Push(inner);
            }
        }

        return (count, length);
    }

    private static IEnumerable<Point> AllPoints(IReadOnlyList<Point> points)
    {
        var stack = new Stack<Point>(points);
        while (stack.Count > 0)
        {
            var point = stack.Pop();
            yield return point;
            foreach (var inner in point.Points)
            {
                stack.Push(inner);
            }
        }
    }
}
