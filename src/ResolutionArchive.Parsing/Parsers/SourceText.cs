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

        if (ForbiddenCharacter(text) is { } bad)
        {
            diagnostics.Add(new ParseDiagnostic(file, LineOfCharacter(text, bad.Index), $"expected text without control characters or noncharacters, found U+{bad.CodePoint:X4}"));
            return null;
        }

        return Split(text);
    }

    /// <summary>
    /// §1.1: the first character a resolution text cannot hold, or null — a C0 control other than tab, line feed and
    /// carriage return, DEL, a C1 control (U+0080–U+009F), or a Unicode noncharacter (U+FDD0–U+FDEF, and U+xFFFE/U+xFFFF
    /// of every plane). None of them is text; XML 1.0, which the AKN export writes, cannot carry most of them, and a
    /// control sequence in a name would reach a terminal (issue 14 item 5).
    /// </summary>
    public static (int Index, int CodePoint)? ForbiddenCharacter(string text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            int codePoint = text[i];
            if (char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                codePoint = char.ConvertToUtf32(text[i], text[i + 1]);
            }

            var forbidden = codePoint is < 0x20 and not ('\t' or '\n' or '\r')
                || codePoint is >= 0x7F and <= 0x9F
                || codePoint is >= 0xFDD0 and <= 0xFDEF
                || (codePoint & 0xFFFE) == 0xFFFE;
            if (forbidden)
            {
                return (i, codePoint);
            }

            if (codePoint > 0xFFFF)
            {
                i++;
            }
        }

        return null;
    }

    /// <summary>1-based line of the character at <paramref name="index"/> (LF, CRLF or CR end a line).</summary>
    private static int LineOfCharacter(string text, int index)
    {
        var line = 1;
        for (var i = 0; i < index; i++)
        {
            if (text[i] == '\n' || (text[i] == '\r' && (i + 1 >= text.Length || text[i + 1] != '\n')))
            {
                line++;
            }
        }

        return line;
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
