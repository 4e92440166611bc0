using System.Text;

namespace ResolutionArchive.Parsing.Parsers;

/// <summary>
/// Footnote markers (input-formats §5): a run of superscript digits (¹, ²³, ¹²) in clause text refers to the footnote
/// with that number; a footnote definition is a line that starts with such a run (or with <c>*</c>) and a space.
/// </summary>
internal static class FootnoteMarkers
{
    private const string Superscripts = "⁰¹²³⁴⁵⁶⁷⁸⁹";

    /// <summary>True for ⁰ ¹ ² … ⁹.</summary>
    public static bool IsSuperscriptDigit(char ch) => Superscripts.Contains(ch, StringComparison.Ordinal);

    /// <summary>The ASCII digits of a superscript run: ¹² → 12.</summary>
    public static string ToAscii(ReadOnlySpan<char> superscripts)
    {
        var builder = new StringBuilder(superscripts.Length);
        foreach (var ch in superscripts)
        {
            builder.Append((char)('0' + Superscripts.IndexOf(ch, StringComparison.Ordinal)));
        }

        return builder.ToString();
    }

    /// <summary>
    /// Removes every marker from <paramref name="text"/> and returns the markers in order. A space that only separated
    /// the marker from the next word (<c>政治宣言² 以及</c>) goes with it, unless both neighbours are Latin letters or
    /// digits, where it is the space between two words.
    /// </summary>
    public static (string Text, IReadOnlyList<string> Markers) Extract(string text)
    {
        var markers = new List<string>();
        if (!text.Any(IsSuperscriptDigit))
        {
            return (text, markers);
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length;)
        {
            if (!IsSuperscriptDigit(text[i]))
            {
                builder.Append(text[i++]);
                continue;
            }

            var start = i;
            while (i < text.Length && IsSuperscriptDigit(text[i]))
            {
                i++;
            }

            markers.Add(ToAscii(text.AsSpan(start, i - start)));
            var spaceEnd = i;
            while (spaceEnd < text.Length && text[spaceEnd] == ' ')
            {
                spaceEnd++;
            }

            var before = builder.Length > 0 ? builder[^1] : ' ';
            var after = spaceEnd < text.Length ? text[spaceEnd] : ' ';
            var betweenWords = char.IsAsciiLetterOrDigit(before) && char.IsAsciiLetterOrDigit(after);
            if (spaceEnd > i && !betweenWords && before != ' ')
            {
                i = spaceEnd;
            }
        }

        return (builder.ToString(), markers);
    }
}
