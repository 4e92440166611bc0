using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using ResolutionArchive.Parsing.Countries;
using ResolutionArchive.Parsing.Diagnostics;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Parsing.Akn;

/// <summary>
/// The entry point for the UN's Akoma Ntoso files (AKN4UN profile, <c>docs/input-formats.md</c> §7): reads one file into
/// the same <see cref="ParsedResolution"/> as <see cref="ResolutionTextParser"/>. <see cref="Read"/> never throws on bad
/// input; everything wrong comes back as <see cref="ParseDiagnostic"/>s (<c>FILE:LINE: …</c>, LINE the XML line), and a
/// record is returned only when there is no error. DTDs are prohibited and no external resource is resolved. A document
/// written by <see cref="AknWriter"/> (marked <c>meta/proprietary/ra:export</c>) is read exactly as the writer's inverse,
/// so that export → import → export is byte-identical (<c>docs/akn-export.md</c>, "Round trip").
/// </summary>
public static partial class AknResolutionReader
{
    /// <summary>The Akoma Ntoso 3.0 namespace (OASIS LegalDocML) that the root <c>akomaNtoso</c> element must be in.</summary>
    public const string Namespace = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

    private static readonly XNamespace Akn = Namespace;

    /// <summary>
    /// Content sniffing (§7.1): true when, after an optional BOM, white space, XML declaration, comments and processing
    /// instructions, the first element is <c>akomaNtoso</c> in <see cref="Namespace"/>. Only the start of the input is
    /// read (up to the root's start tag); a DTD or malformed prolog gives false. Never throws.
    /// </summary>
    /// <param name="bytes">The file's content (any length; only the first 64 KiB are looked at).</param>
    public static bool LooksLikeAkn(ReadOnlySpan<byte> bytes)
    {
        var head = bytes[..Math.Min(bytes.Length, 64 * 1024)].ToArray();
        try
        {
            using var stream = new MemoryStream(head);
            using var reader = XmlReader.Create(stream, Settings());
            while (reader.Read())
            {
                if (reader.NodeType == XmlNodeType.Element)
                {
                    return reader.LocalName == "akomaNtoso" && reader.NamespaceURI == Namespace;
                }
            }
        }
        catch (XmlException)
        {
        }

        return false;
    }

    /// <summary>Reads the bytes of one AKN4UN file (UTF-8 or as its XML declaration says).</summary>
    /// <param name="bytes">The file's content.</param>
    /// <param name="file">The name to print in diagnostics.</param>
    /// <param name="registry">Country registry; <see cref="CountryRegistry.Default"/> when null.</param>
    /// <returns>The record and warnings, or the errors (line numbers from the XML) that prevented it.</returns>
    public static ParseResult Read(byte[] bytes, string file, CountryRegistry? registry = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        ArgumentNullException.ThrowIfNull(file);
        var diagnostics = new List<ParseDiagnostic>();
        XDocument document;
        try
        {
            if (TooDeep(bytes) is { } line)
            {
                diagnostics.Add(new ParseDiagnostic(file, line, $"expected AKN4UN XML nested at most {MaxDepth} elements deep, found deeper nesting"));
                return new ParseResult(null, diagnostics);
            }

            using var stream = new MemoryStream(bytes, writable: false);
            using var reader = XmlReader.Create(stream, Settings());
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException e) when (e.Message.Contains("DTD", StringComparison.Ordinal))
        {
            // §7.1: a DTD can expand entities without bound and fetch external files; AKN4UN needs none
            diagnostics.Add(new ParseDiagnostic(file, Math.Max(1, e.LineNumber), "expected XML without a document type declaration, found <!DOCTYPE …>: DTDs are refused, since they can expand entities without bound and reach for other files, and AKN4UN needs none"));
            return new ParseResult(null, diagnostics);
        }
        catch (XmlException e) when (e.Message.Contains("encoding", StringComparison.OrdinalIgnoreCase))
        {
            diagnostics.Add(new ParseDiagnostic(file, Math.Max(1, e.LineNumber), $"expected AKN4UN XML in UTF-8 or UTF-16 (as the UN publishes it), found an encoding this reader does not support: {e.Message}"));
            return new ParseResult(null, diagnostics);
        }
        catch (XmlException e)
        {
            diagnostics.Add(new ParseDiagnostic(file, Math.Max(1, e.LineNumber), $"expected well-formed AKN4UN XML, found an XML error: {e.Message}"));
            return new ParseResult(null, diagnostics);
        }

        var root = document.Root!;
        if (root.Name != Akn + "akomaNtoso")
        {
            diagnostics.Add(new ParseDiagnostic(file, AknText.LineOf(root), $"expected the root element akomaNtoso in namespace {Namespace}, found {root.Name.LocalName} in namespace '{root.Name.NamespaceName}'"));
            return new ParseResult(null, diagnostics);
        }

        try
        {
            // A document written by AknWriter carries its mark and is read exactly (docs/akn-export.md, "Round trip").
            if (AknExportReader.Mark(root) is { } mark)
            {
                return AknExportReader.Read(root, mark, file, diagnostics);
            }

            return new Reading(file, registry ?? CountryRegistry.Default, diagnostics).Run(root);
        }
        catch (Exception e) when (e is FormatException or InvalidOperationException or ArgumentException or OverflowException)
        {
            diagnostics.Add(new ParseDiagnostic(file, 1, $"expected an AKN4UN resolution, found content the reader could not place: {e.Message}"));
            return new ParseResult(null, diagnostics);
        }
    }

    /// <summary>
    /// The deepest element nesting read (docs/input-formats.md §7.1): the UN's files nest at most 13 deep (the 630 files
    /// of the GA corpus), our exports fewer. Deeper input is refused before the tree is built, because the reader's
    /// walk over a pathologically deep tree is quadratic (30,000 levels took 6 s).
    /// </summary>
    public const int MaxDepth = 64;

    /// <summary>The line of the first element deeper than <see cref="MaxDepth"/>, or null; a streaming pass, no tree.</summary>
    private static int? TooDeep(byte[] bytes)
    {
        using var stream = new MemoryStream(bytes, writable: false);
        using var reader = XmlReader.Create(stream, Settings());
        while (reader.Read())
        {
            if (reader.NodeType == XmlNodeType.Element && reader.Depth >= MaxDepth)
            {
                return Math.Max(1, ((IXmlLineInfo)reader).LineNumber);
            }
        }

        return null;
    }

    private static XmlReaderSettings Settings() => new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        CloseInput = false,
    };

    internal static string? Attr(XElement? element, string name) => (string?)element?.Attribute(name);

    [GeneratedRegex(@"^([0-9]{1,3})\.?\t")]
    internal static partial Regex LeadingNumber();

    [GeneratedRegex(@"^\s*(\((?<l>[a-z]{1,2}|[ivxlc]+)\)|(?<c>[\u3220-\u3229]))")]
    internal static partial Regex LeadingLabel();

    [GeneratedRegex(@"PV\.([0-9]+)")]
    internal static partial Regex PvMeeting();

    [GeneratedRegex(@"([0-9]+)(?:st|nd|rd|th) plenary meeting", RegexOptions.IgnoreCase)]
    internal static partial Regex EnglishMeeting();

    [GeneratedRegex(@"第([0-9]+)次")]
    internal static partial Regex ChineseMeeting();

    [GeneratedRegex(@"^Adopted ([0-9]+)-([0-9]+)-([0-9]+)", RegexOptions.IgnoreCase)]
    internal static partial Regex OutcomeCounts();

    [GeneratedRegex(@"^(?<s>[A-Z][\w./-]*?[0-9][\w./-]*)\s*[，,]\s*第\s*(?<p>[0-9]+)\s*段")]
    internal static partial Regex OriginatingDocument();

    [GeneratedRegex(@"^([0-9]+)\s*(\([a-z]{1,2}\))$")]
    internal static partial Regex AgendaWithLetter();

    /// <summary>
    /// §7.2: a resolution number, SESSION/NUMBER: a regular session (<c>76/159</c>), an emergency special session
    /// (<c>ES-11/1</c>) or a special session (<c>S-32/1</c>); ASCII digits only (<c>[0-9]</c>, not <c>\d</c>, which
    /// matches every script's digits: Patterns.cs).
    /// </summary>
    [GeneratedRegex(@"^(?:(?:ES|S)-[0-9]{1,2}|[0-9]{1,3})/[0-9]{1,4}$")]
    internal static partial Regex ResolutionNumber();

    /// <summary>§7.2: the part suffix of a symbol, after its space: <c>A</c>, <c>B</c>, <c>A-B</c>, <c>A-C</c>.</summary>
    [GeneratedRegex(@"^[A-Z]{1,2}(?:-[A-Z]{1,2})?$")]
    internal static partial Regex PartSuffix();
}
