using System.Text;
using System.Xml;
using System.Xml.Linq;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Parsing.Akn;

/// <summary>A footnote found while reading text: its marker, plain text, the id it is attached to and its line.</summary>
internal sealed record AknNote(string Marker, string Text, string AttachedTo, int Line);

/// <summary>
/// Plain text of AKN4UN inline content (input-formats §7.5): text nodes and link text kept, <c>authorialNote</c> content
/// taken out as a footnote, <c>&lt;eol/&gt;</c> a line break joined by the §3.1 rule, <c>span class="bold"</c> recorded as
/// an <see cref="Emphasis"/>, white space collapsed (a run next to a CJK character is dropped, elsewhere one space).
/// </summary>
internal static class AknText
{
    private const char EmphasisStart = '\uE000';
    private const char EmphasisEnd = '\uE001';
    private const char LineBreak = '\uE002';

    public static XNamespace Ns => AknResolutionReader.Namespace;

    /// <summary>1-based line of an element (0 when unknown, reported as line 1).</summary>
    public static int LineOf(XObject node) => node is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 1;

    /// <summary>The plain text of <paramref name="nodes"/>, its emphasis spans and the footnotes it cites.</summary>
    /// <param name="nodes">Content nodes, in order.</param>
    /// <param name="attachedTo">Id of the clause or point the text belongs to (for the footnotes).</param>
    /// <param name="notes">Footnotes found are added here.</param>
    /// <param name="skipNum">True to pass over <c>num</c> elements (read separately).</param>
    public static (string Text, IReadOnlyList<Emphasis> Emphasis, IReadOnlyList<string> Markers) Read(
        IEnumerable<XNode> nodes, string attachedTo, List<AknNote> notes, bool skipNum = true)
    {
        var raw = new StringBuilder();
        var markers = new List<string>();
        foreach (var node in nodes)
        {
            Append(node, raw, attachedTo, notes, markers, skipNum);
        }

        var (text, emphasis) = Normalize(raw.ToString());
        return (text, emphasis, markers.Distinct(StringComparer.Ordinal).ToList());
    }

    /// <summary>Plain text without emphasis or footnotes (footnote content dropped), for headings and metadata.</summary>
    public static string Plain(XElement? element)
    {
        if (element is null)
        {
            return "";
        }

        var raw = new StringBuilder();
        Append(element, raw, "", null, [], skipNum: false);
        return Normalize(raw.ToString()).Text;
    }

    private static void Append(XNode node, StringBuilder raw, string attachedTo, List<AknNote>? notes, List<string> markers, bool skipNum)
    {
        switch (node)
        {
            case XText text:
                raw.Append(text.Value);
                break;
            case XElement element:
                var name = element.Name.LocalName;
                if (name == "authorialNote")
                {
                    var marker = ((string?)element.Attribute("marker") ?? "").Trim();
                    if (marker.Length == 0)
                    {
                        marker = "*";
                    }

                    markers.Add(marker);
                    if (notes is not null)
                    {
                        var inner = new StringBuilder();
                        foreach (var child in element.Nodes())
                        {
                            Append(child, inner, attachedTo, null, [], skipNum: false);
                            inner.Append(LineBreak);
                        }

                        notes.Add(new AknNote(marker, Normalize(inner.ToString()).Text, attachedTo, LineOf(element)));
                    }

                    // a note between two CJK characters leaves nothing behind; a space after it is layout
                    break;
                }

                if (name == "eol" || name == "br")
                {
                    raw.Append(LineBreak);
                    break;
                }

                if (skipNum && name == "num")
                {
                    break;
                }

                var cls = (string?)element.Attribute("class") ?? "";
                var emphasised = notes is not null && (name is "b" or "strong" || (name == "span" && cls.Contains("bold", StringComparison.OrdinalIgnoreCase)));
                if (emphasised)
                {
                    raw.Append(EmphasisStart);
                }

                foreach (var child in element.Nodes())
                {
                    Append(child, raw, attachedTo, notes, markers, skipNum);
                }

                if (emphasised)
                {
                    raw.Append(EmphasisEnd);
                }

                if (name == "p")
                {
                    raw.Append(LineBreak);
                }

                break;
        }
    }

    /// <summary>
    /// True for characters of CJK scripts and full-width forms (U+2E80 and above, except the private-use sentinels):
    /// white space next to one is layout, not a word space.
    /// </summary>
    public static bool IsCjk(char c) => c >= '\u2E80' && c is not (EmphasisStart or EmphasisEnd or LineBreak);

    /// <summary>Collapses white space and extracts the emphasis sentinels.</summary>
    public static (string Text, IReadOnlyList<Emphasis> Emphasis) Normalize(string raw)
    {
        // 1. white space runs (with or without line breaks) become one token
        var tokens = new StringBuilder(raw.Length);
        var i = 0;
        while (i < raw.Length)
        {
            var c = raw[i];
            if (char.IsWhiteSpace(c) || c == LineBreak)
            {
                var hasBreak = false;
                while (i < raw.Length && (char.IsWhiteSpace(raw[i]) || raw[i] == LineBreak))
                {
                    hasBreak |= raw[i] == LineBreak;
                    i++;
                }

                var before = Neighbour(tokens, tokens.Length - 1, -1);
                var after = NeighbourIn(raw, i);
                var keep = before != '\0' && after != '\0' && (hasBreak
                    ? char.IsAsciiLetterOrDigit(before) && char.IsAsciiLetterOrDigit(after)
                    : !IsCjk(before) && !IsCjk(after));
                if (keep)
                {
                    tokens.Append(' ');
                }

                continue;
            }

            tokens.Append(c);
            i++;
        }

        // 2. sentinels out, spans recorded
        var text = new StringBuilder(tokens.Length);
        var emphasis = new List<Emphasis>();
        var start = -1;
        foreach (var c in tokens.ToString())
        {
            if (c == EmphasisStart)
            {
                start = start < 0 ? text.Length : start;
            }
            else if (c == EmphasisEnd)
            {
                if (start >= 0 && text.Length > start)
                {
                    var s = start;
                    var e = text.Length;
                    while (s < e && text[s] == ' ')
                    {
                        s++;
                    }

                    while (e > s && text[e - 1] == ' ')
                    {
                        e--;
                    }

                    if (e > s)
                    {
                        if (emphasis.Count > 0 && emphasis[^1].Start + emphasis[^1].Length == s)
                        {
                            var last = emphasis[^1];
                            emphasis[^1] = new Emphasis(last.Start, e - last.Start, text.ToString(last.Start, e - last.Start));
                        }
                        else
                        {
                            emphasis.Add(new Emphasis(s, e - s, text.ToString(s, e - s)));
                        }
                    }
                }

                start = -1;
            }
            else
            {
                text.Append(c);
            }
        }

        var result = text.ToString();
        var lead = result.Length - result.TrimStart().Length;
        var trimmed = result.Trim();
        if (lead > 0 || trimmed.Length != result.Length)
        {
            emphasis = emphasis
                .Select(x => x with { Start = x.Start - lead })
                .Where(x => x.Start >= 0 && x.Start + x.Length <= trimmed.Length)
                .ToList();
        }

        return (trimmed, emphasis);
    }

    private static char Neighbour(StringBuilder builder, int index, int step)
    {
        for (var j = index; j >= 0 && j < builder.Length; j += step)
        {
            if (builder[j] is not (EmphasisStart or EmphasisEnd))
            {
                return builder[j];
            }
        }

        return '\0';
    }

    private static char NeighbourIn(string raw, int index)
    {
        for (var j = index; j < raw.Length; j++)
        {
            if (raw[j] is not (EmphasisStart or EmphasisEnd) && !char.IsWhiteSpace(raw[j]) && raw[j] != LineBreak)
            {
                return raw[j];
            }
        }

        return '\0';
    }
}
