using System.Text;
using ResolutionArchive.Parsing.Diagnostics;

namespace ResolutionArchive.Parsing.Parsers;

/// <summary>One physical line of the source: its 1-based number and its text without the line terminator.</summary>
/// <param name="Number">1-based line number, as printed in diagnostics.</param>
/// <param name="Raw">The line as it stands, leading white space kept (it marks paragraph starts in the PDF layout, input-formats §1.3).</param>
internal sealed record SourceLine(int Number, string Raw)
{
    /// <summary>The line without leading and trailing white space (including the ideographic space U+3000).</summary>
    public string Text { get; } = Raw.Trim();

    /// <summary>True when the line has text and begins with white space.</summary>
    public bool Indented => Text.Length > 0 && char.IsWhiteSpace(Raw[0]);

    /// <summary>True when the line holds only white space.</summary>
    public bool IsBlank => Text.Length == 0;
}

/// <summary>
/// Turns the bytes of a file into lines (input-formats §1.1): UTF-8 with or without a byte order mark, LF, CRLF or CR
/// line ends. Binary data (a NUL byte) and invalid UTF-8 are reported as errors at the line where they occur.
/// </summary>
internal static class SourceText
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Decodes <paramref name="bytes"/>; returns null and adds an error when the bytes are not UTF-8 text.</summary>
    public static IReadOnlyList<SourceLine>? Decode(ReadOnlySpan<byte> bytes, string file, List<ParseDiagnostic> diagnostics)
    {
        if (bytes.StartsWith("\uFEFF"u8))
        {
            bytes = bytes[3..];
        }

        var nul = bytes.IndexOf((byte)0);
        if (nul >= 0)
        {
            diagnostics.Add(new ParseDiagnostic(file, LineOf(bytes, nul), "expected UTF-8 text, found binary data (a NUL byte)"));
            return null;
        }

        string text;
        try
        {
            text = StrictUtf8.GetString(bytes);
        }
        catch (DecoderFallbackException)
        {
            var line = LineOf(bytes, FirstInvalidByte(bytes));
            diagnostics.Add(new ParseDiagnostic(file, line, "expected UTF-8 text, found bytes that are not valid UTF-8"));
            return null;
        }

        return Split(text);
    }

    /// <summary>Splits already-decoded text into lines (a leading U+FEFF is dropped).</summary>
    public static IReadOnlyList<SourceLine> Split(string text)
    {
        if (text.StartsWith('\uFEFF'))
        {
            text = text[1..];
        }

        var lines = new List<SourceLine>();
        var start = 0;
        var number = 1;
        for (var i = 0; i < text.Length; i++)
        {
            var ch = text[i];
            if (ch is '\n' or '\r')
            {
                lines.Add(new SourceLine(number++, text[start..i]));
                if (ch == '\r' && i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }

                start = i + 1;
            }
        }

        if (start < text.Length)
        {
            lines.Add(new SourceLine(number, text[start..]));
        }

        return lines;
    }

    private static int LineOf(ReadOnlySpan<byte> bytes, int offset)
    {
        var line = 1;
        for (var i = 0; i < offset && i < bytes.Length; i++)
        {
            // LF, CRLF and a lone CR each end a line (§1.1)
            if (bytes[i] == (byte)'\n' || (bytes[i] == (byte)'\r' && (i + 1 >= bytes.Length || bytes[i + 1] != (byte)'\n')))
            {
                line++;
            }
        }

        return line;
    }

    /// <summary>Offset of the first byte that does not begin a valid UTF-8 sequence.</summary>
    private static int FirstInvalidByte(ReadOnlySpan<byte> bytes)
    {
        var buffer = new char[bytes.Length];
        var status = System.Text.Unicode.Utf8.ToUtf16(bytes, buffer, out var read, out _, replaceInvalidSequences: false);
        return status == System.Buffers.OperationStatus.Done ? 0 : read;
    }
}
