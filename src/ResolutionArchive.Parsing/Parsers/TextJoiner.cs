using System.Text;

namespace ResolutionArchive.Parsing.Parsers;

/// <summary>
/// Joins the physical lines of one paragraph (input-formats §3.1): a line break inside Chinese text is no space, so
/// lines are joined directly, except between two Latin letters or digits, where one space separates the words.
/// Runs of white space inside the result become one space; the ends are trimmed.
/// </summary>
internal static class TextJoiner
{
    public static string Join(IEnumerable<string> lines)
    {
        var builder = new StringBuilder();
        foreach (var raw in lines)
        {
            var line = raw.Trim();
            if (line.Length == 0)
            {
                continue;
            }

            if (builder.Length > 0 && char.IsAsciiLetterOrDigit(builder[^1]) && char.IsAsciiLetterOrDigit(line[0]))
            {
                builder.Append(' ');
            }

            builder.Append(line);
        }

        return Patterns.WhiteSpace().Replace(builder.ToString(), " ").Trim();
    }
}
