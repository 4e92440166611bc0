using System.Globalization;
using System.Text;

namespace ResolutionArchive.Cli;

/// <summary>
/// Text from the inputs (file names, names and lines quoted in diagnostics) made safe for a terminal (issue 14 item 12):
/// every control character — C0 (U+0000–U+001F), DEL and C1 (U+007F–U+009F) — is written as <c>\uXXXX</c>, so that a
/// file cannot set the terminal's title, move its cursor or hide a line (<c>ESC ] 0 ; … BEL</c>). Everything else is kept.
/// </summary>
internal static class ConsoleText
{
    /// <summary><paramref name="text"/> with its control characters escaped; the same string when it has none.</summary>
    public static string Escape(string text)
    {
        if (!text.Any(IsControl))
        {
            return text;
        }

        var builder = new StringBuilder(text.Length + 16);
        foreach (var ch in text)
        {
            builder.Append(IsControl(ch) ? "\\u" + ((int)ch).ToString("X4", CultureInfo.InvariantCulture) : ch.ToString());
        }

        return builder.ToString();
    }

    private static bool IsControl(char ch) => ch < ' ' || ch is >= '\u007F' and <= '\u009F';
}
