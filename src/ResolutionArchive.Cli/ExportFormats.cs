using ResolutionArchive.Parsing.Serialization;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Cli;

/// <summary>The export formats of the <c>export</c> verb (docs/cli.md).</summary>
internal static class ExportFormats
{
    /// <summary>
    /// The resolution in <paramref name="format"/>: <c>json</c> (the parse format, docs/json-format.md) or <c>akn</c>
    /// (AKN4UN XML, docs/akn-export.md).
    /// </summary>
    public static string Write(ParsedResolution resolution, string format) => format switch
    {
        "json" => ResolutionJson.Serialize(resolution),
        "akn" => Parsing.Akn.AknWriter.Write(resolution),
        _ => throw new ArgumentOutOfRangeException(nameof(format), format, "expected akn or json"),
    };
}
