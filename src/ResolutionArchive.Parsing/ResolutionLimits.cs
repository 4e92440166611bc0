using ResolutionArchive.Parsing.Diagnostics;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Parsing;

/// <summary>
/// The largest record the archive accepts (docs/input-formats.md §10): bounds that no resolution of the General Assembly
/// or the Human Rights Council comes near, so that a hostile or broken file cannot make a record whose storage, index and
/// page grow without end. A file past any of them is refused with <c>FILE:LINE</c> at the first paragraph past the bound.
/// </summary>
/// <param name="MaxParagraphs">Paragraphs of one record: preambular and operative paragraphs, their sub-paragraphs,
/// annex paragraphs and footnotes, counted as the archive stores them (one row each). Default 5,000: the longest GA
/// resolutions — the programme budget, oceans and the law of the sea, sustainable fisheries — run to about 600.</param>
/// <param name="MaxParagraphLength">Characters (UTF-16 code units) of one paragraph, sub-paragraph or footnote. Default
/// 20,000: a long UN paragraph (a preambular list of earlier resolutions) has under 2,000.</param>
/// <param name="MaxCharacters">Characters of all the record's paragraphs and footnotes together. Default 1,000,000: the
/// longest resolutions hold about 60,000.</param>
public sealed record ResolutionLimits(int MaxParagraphs = 5_000, int MaxParagraphLength = 20_000, int MaxCharacters = 1_000_000)
{
    /// <summary>The defaults above: what the CLI's <c>import</c>, <c>validate</c> and <c>parse</c> apply unless told
    /// otherwise (docs/cli.md "Input files"), and what the archive applies when it derives its records again.</summary>
    public static ResolutionLimits Default { get; } = new();

    /// <summary>
    /// The first bound <paramref name="resolution"/> passes, as an error at the line of the paragraph that passes it (a
    /// sub-paragraph's is its paragraph's; a footnote's its own), or null when it keeps within all three.
    /// </summary>
    public ParseDiagnostic? Check(ParsedResolution resolution, string file)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        var count = 0;
        long characters = 0;
        foreach (var (text, line) in Texts(resolution))
        {
            count++;
            characters += text.Length;
            if (count > MaxParagraphs)
            {
                return new ParseDiagnostic(file, line, $"expected at most {MaxParagraphs} paragraphs, sub-paragraphs and footnotes in one record (the archive's limit; the longest resolutions have about 600), found more; nothing of this file is stored");
            }

            if (text.Length > MaxParagraphLength)
            {
                return new ParseDiagnostic(file, line, $"expected a paragraph of at most {MaxParagraphLength} characters (the archive's limit), found one of {text.Length}; nothing of this file is stored");
            }

            if (characters > MaxCharacters)
            {
                return new ParseDiagnostic(file, line, $"expected at most {MaxCharacters} characters of text in one record (the archive's limit; the longest resolutions have about 60,000), found more; nothing of this file is stored");
            }
        }

        return null;
    }

    /// <summary>
    /// <paramref name="result"/> unchanged when its record keeps within the limits (or it has none); otherwise no record,
    /// and the limit's error after the reader's diagnostics.
    /// </summary>
    public ParseResult Apply(ParseResult result, string file)
    {
        ArgumentNullException.ThrowIfNull(result);
        return result.Resolution is { } resolution && Check(resolution, file) is { } error
            ? new ParseResult(null, [.. result.Diagnostics, error])
            : result;
    }

    /// <summary>Every stored text of the record in document order, with the line it is reported at.</summary>
    private static IEnumerable<(string Text, int Line)> Texts(ParsedResolution resolution)
    {
        foreach (var clause in resolution.Preamble.Concat(resolution.Operative).Concat(resolution.Annexes.SelectMany(a => a.Paragraphs)))
        {
            yield return (clause.Text, clause.Line);
            foreach (var text in PointTexts(clause.Points))
            {
                yield return (text, clause.Line);
            }
        }

        foreach (var footnote in resolution.Footnotes)
        {
            yield return (footnote.Text, footnote.Line);
        }
    }

    private static IEnumerable<string> PointTexts(IReadOnlyList<Point> points)
    {
        // iterative, so that a deeply nested list cannot overflow the stack
        var stack = new Stack<Point>(points.Reverse());
        while (stack.Count > 0)
        {
            var point = stack.Pop();
            yield return point.Text;
            for (var i = point.Points.Count - 1; i >= 0; i--)
            {
                stack.Push(point.Points[i]);
            }
        }
    }
}
