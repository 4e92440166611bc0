using ResolutionArchive.Parsing.Countries;
using ResolutionArchive.Parsing.Diagnostics;

namespace ResolutionArchive.Parsing;

/// <summary>
/// Reads a resolution from any supported source, telling the formats apart by content, not by file name
/// (docs/input-formats.md §7, §11): AKN4UN XML when the document element is <c>akomaNtoso</c>; the UN Digital Library's
/// bulk voting data when the content is a gzip stream or a CSV header naming <c>ms_vote</c> and <c>resolution</c> (one
/// vote's rows: a stored excerpt, <see cref="Undl.UndlVotingData.ReadExcerpt"/>); else a seed-style text.
/// </summary>
public static class ResolutionSourceReader
{
    /// <summary>The format name stored with a source: <c>akn</c>, <c>undl</c> (the Library's voting data, §11) or <c>text</c>.</summary>
    public static string FormatOf(ReadOnlySpan<byte> bytes) => IsAkn(bytes) ? "akn" : Undl.UndlVotingData.LooksLikeVotingData(bytes) ? "undl" : "text";

    /// <summary>
    /// Parses <paramref name="bytes"/> with the reader its content calls for; never throws on bad input. Content that is
    /// XML but not (readably) AKN4UN — a document type declaration, an encoding the reader does not support, another
    /// root element — goes to the AKN reader too, whose error says what is wrong, not to the text parser, whose "expected
    /// the enacting formula" would mislead (input-formats §7.1).
    /// </summary>
    /// <param name="bytes">The file's bytes.</param>
    /// <param name="file">The name diagnostics give.</param>
    /// <param name="registry">The country registry; the embedded one by default.</param>
    /// <param name="limits">The largest record accepted (<see cref="ResolutionLimits"/>, docs/input-formats.md §10); the
    /// defaults when null.</param>
    public static ParseResult Read(byte[] bytes, string file, CountryRegistry? registry = null, ResolutionLimits? limits = null) =>
        (limits ?? ResolutionLimits.Default).Apply(
            IsAkn(bytes) || LooksLikeXml(bytes) ? Akn.AknResolutionReader.Read(bytes, file, registry)
            : Undl.UndlVotingData.LooksLikeVotingData(bytes) ? Undl.UndlVotingData.ReadExcerpt(bytes, file, registry)
            : ResolutionTextParser.Parse(bytes, file, registry),
            file);

    /// <summary>
    /// True when the content, after a byte order mark and white space, opens as XML does: an XML declaration
    /// (<c>&lt;?xml</c>), a document type declaration (<c>&lt;!DOCTYPE</c>) or a start tag (<c>&lt;</c> and a letter). A seed
    /// text opens with Chinese text or markdown, never like this.
    /// </summary>
    public static bool LooksLikeXml(ReadOnlySpan<byte> bytes)
    {
        var head = System.Text.Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, 256)]).TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        return head.StartsWith("<?xml", StringComparison.OrdinalIgnoreCase)
            || head.StartsWith("<!DOCTYPE", StringComparison.OrdinalIgnoreCase)
            || (head.Length > 1 && head[0] == '<' && char.IsAsciiLetter(head[1]));
    }

    private static bool IsAkn(ReadOnlySpan<byte> bytes) => Akn.AknResolutionReader.LooksLikeAkn(bytes);
}
