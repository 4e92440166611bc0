using System.Text;

namespace ResolutionArchive.Data.Search;

/// <summary>A piece of a snippet: original text, marked when it is (part of) a match.</summary>
/// <param name="Text">Original, unescaped text.</param>
/// <param name="Marked">True for matched characters.</param>
public sealed record SnippetSegment(string Text, bool Marked);

/// <summary>
/// Snippets (docs/search.md §6): the original text of a paragraph cut around its first match, every occurrence of every
/// searched term marked. Matching is done on the normal form (<see cref="SearchText"/>) and mapped back, so a search
/// for <c>2030</c> marks the full-width <c>２０３０</c> of the text as printed.
/// </summary>
public static class SearchSnippet
{
    /// <summary>Characters (UTF-16 code units) of context shown before the first match.</summary>
    public const int Before = 30;

    /// <summary>The longest snippet, in UTF-16 code units, not counting the ellipses.</summary>
    public const int Width = 140;

    /// <summary>The ellipsis put where the text was cut.</summary>
    public const string Ellipsis = "…";

    /// <summary>
    /// The snippet of <paramref name="text"/> for the normalised <paramref name="terms"/>: when the text is longer than
    /// <see cref="Width"/>, a window starting <see cref="Before"/> characters before the first match, with
    /// <see cref="Ellipsis"/> segments where it was cut; the matches inside the window marked.
    /// </summary>
    public static IReadOnlyList<SnippetSegment> Build(string text, IEnumerable<string> terms)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(terms);
        var normalized = SearchText.NormalizeWithMap(text);
        var marked = new bool[text.Length];
        var first = -1;
        foreach (var term in terms.Where(t => t.Length > 0))
        {
            var at = normalized.Text.IndexOf(term, StringComparison.Ordinal);
            while (at >= 0)
            {
                var (start, length) = normalized.ToSource(at, term.Length);
                Array.Fill(marked, true, start, length);
                first = first < 0 ? start : Math.Min(first, start);
                at = normalized.Text.IndexOf(term, at + 1, StringComparison.Ordinal);
            }
        }

        var from = 0;
        var to = text.Length;
        if (text.Length > Width)
        {
            from = Math.Max(0, Math.Min(Math.Max(first, 0) - Before, text.Length - Width));
            to = from + Width;
            from = AvoidSplittingPair(text, from);
            to = AvoidSplittingPair(text, to);
        }

        var segments = new List<SnippetSegment>();
        if (from > 0)
        {
            segments.Add(new SnippetSegment(Ellipsis, false));
        }

        var run = new StringBuilder();
        var runMarked = false;
        for (var i = from; i < to; i++)
        {
            if (run.Length > 0 && marked[i] != runMarked)
            {
                segments.Add(new SnippetSegment(run.ToString(), runMarked));
                run.Clear();
            }

            runMarked = marked[i];
            run.Append(text[i]);
        }

        if (run.Length > 0)
        {
            segments.Add(new SnippetSegment(run.ToString(), runMarked));
        }

        if (to < text.Length)
        {
            segments.Add(new SnippetSegment(Ellipsis, false));
        }

        return segments;
    }

    private static int AvoidSplittingPair(string text, int index) =>
        index > 0 && index < text.Length && char.IsLowSurrogate(text[index]) && char.IsHighSurrogate(text[index - 1]) ? index - 1 : index;
}
