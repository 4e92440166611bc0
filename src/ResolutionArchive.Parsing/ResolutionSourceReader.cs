using ResolutionArchive.Parsing.Countries;
using ResolutionArchive.Parsing.Diagnostics;

namespace ResolutionArchive.Parsing;

/// <summary>
/// Reads a resolution from any supported source, telling the formats apart by content, not by file name
/// (docs/input-formats.md §7): AKN4UN XML when the document element is <c>akomaNtoso</c>, else a seed-style text.
/// </summary>
public static class ResolutionSourceReader
{
    /// <summary>The format name stored with a source: <c>akn</c> or <c>text</c>.</summary>
    public static string FormatOf(ReadOnlySpan<byte> bytes) => IsAkn(bytes) ? "akn" : "text";

    /// <summary>Parses <paramref name="bytes"/> with the reader its content calls for; never throws on bad input.</summary>
    public static ParseResult Read(byte[] bytes, string file, CountryRegistry? registry = null) =>
        IsAkn(bytes) ? Akn.AknResolutionReader.Read(bytes, file, registry) : ResolutionTextParser.Parse(bytes, file, registry);

    private static bool IsAkn(ReadOnlySpan<byte> bytes) => Akn.AknResolutionReader.LooksLikeAkn(bytes);
}
