using System.Xml.Linq;
using ResolutionArchive.Parsing.Diagnostics;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Parsing.Akn;

/// <summary>
/// The completeness check of every AKN4UN read (input-formats §7.14): every letter and digit of the document's text —
/// its <c>preface</c>, <c>preamble</c>s, <c>mainBody</c>s and <c>attachments</c>, of the statement or of each component —
/// must end up in the record: its number, title, parts, clauses, sub-paragraphs, footnotes and annexes. White space and
/// punctuation aside (the reader joins lines, drops the dot of <c>1.</c>, joins table cells with <c>|</c>), the
/// characters in equal the characters stored. The enacting formula (<c>formula</c>: 大会，) is not stored, by design.
/// Characters lost are reported as one warning per element that lost them, <c>FILE:LINE</c> the element's line.
/// </summary>
internal static class AknCompleteness
{
    private static readonly XNamespace Akn = AknResolutionReader.Namespace;

    /// <summary>Warnings for the text of <paramref name="root"/> that <paramref name="resolution"/> does not hold.</summary>
    public static IEnumerable<ParseDiagnostic> Check(XElement root, ParsedResolution resolution, string file)
    {
        var scopes = root.Descendants().Where(e => e.Name.Namespace == Akn && e.Name.LocalName is "preface" or "preamble" or "mainBody" or "attachments"
            && !e.Ancestors().Any(a => a.Name.LocalName is "preface" or "preamble" or "mainBody" or "attachments")).ToList();
        var source = new Dictionary<char, int>();
        foreach (var text in scopes.SelectMany(TextNodes))
        {
            Count(text.Value, source, 1);
        }

        var stored = string.Concat(StoredTexts(resolution));
        var left = new Dictionary<char, int>(source);
        Count(stored, left, -1);
        var lost = left.Where(x => x.Value > 0).Sum(x => x.Value);
        if (lost == 0)
        {
            yield break;
        }

        // which elements lost them: those whose own letters do not appear, in order, in the stored text
        var storedLetters = Letters(stored);
        var reported = 0;
        foreach (var element in scopes.SelectMany(s => s.Descendants()).Where(e => e.Name.LocalName is "p" or "num" or "heading" or "subheading" or "crossHeading" or "docTitle" or "docNumber" or "td" or "th" or "intro" or "listIntroduction"))
        {
            if (element.Ancestors().Any(a => a.Name.LocalName is "formula" or "authorialNote" or "p"))
            {
                continue;
            }

            var own = Letters(string.Concat(element.DescendantNodes().OfType<XText>().Where(t => !t.Ancestors().Any(a => a.Name.LocalName == "authorialNote")).Select(t => t.Value)));
            if (own.Length == 0 || storedLetters.Contains(own, StringComparison.Ordinal))
            {
                continue;
            }

            if (reported++ < 5)
            {
                yield return new ParseDiagnostic(file, AknText.LineOf(element), $"expected the text of <{element.Name.LocalName}> in the record, found it missing: '{Shorten(own)}' (completeness check: {lost} letters and digits of the body are not stored)", DiagnosticSeverity.Warning);
            }
        }

        if (reported == 0)
        {
            var sample = string.Concat(left.Where(x => x.Value > 0).OrderByDescending(x => x.Value).Take(10).Select(x => $"{x.Key}×{x.Value} "));
            yield return new ParseDiagnostic(file, AknText.LineOf(scopes.FirstOrDefault() ?? root), $"expected every letter and digit of the body in the record, found {lost} not stored (completeness check; most often: {sample.Trim()})", DiagnosticSeverity.Warning);
        }
    }

    private static IEnumerable<XText> TextNodes(XElement scope) =>
        scope.DescendantNodes().OfType<XText>().Where(t => !t.Ancestors().Any(a => a.Name.LocalName is "formula" or "meta"));

    private static IEnumerable<string> StoredTexts(ParsedResolution r)
    {
        yield return r.Number;
        yield return r.Symbol ?? "";
        yield return r.Title;
        yield return r.PublishedPart?.Label ?? "";
        yield return r.PublishedPart?.Title ?? "";
        foreach (var part in r.Parts)
        {
            yield return part.Label;
            yield return part.Title;
        }

        foreach (var clause in r.Preamble.Concat(r.Operative).Concat(r.Annexes.SelectMany(a => a.Paragraphs)))
        {
            yield return clause.Number ?? "";
            yield return clause.Text;
            foreach (var text in PointTexts(clause.Points))
            {
                yield return text;
            }
        }

        foreach (var annex in r.Annexes)
        {
            yield return annex.Heading ?? "";
            yield return annex.Title ?? "";
        }

        foreach (var footnote in r.Footnotes)
        {
            yield return footnote.Text;
        }
    }

    private static IEnumerable<string> PointTexts(IReadOnlyList<Point> points)
    {
        foreach (var point in points)
        {
            yield return point.Label;
            yield return point.Text;
            foreach (var text in PointTexts(point.Points))
            {
                yield return text;
            }
        }
    }

    private static void Count(string text, Dictionary<char, int> counts, int sign)
    {
        foreach (var ch in text)
        {
            if (char.IsLetterOrDigit(ch))
            {
                counts[ch] = counts.GetValueOrDefault(ch) + sign;
            }
        }
    }

    private static string Letters(string text) => string.Concat(text.Where(char.IsLetterOrDigit));

    private static string Shorten(string text) => text.Length <= 30 ? text : text[..30] + "…";
}
