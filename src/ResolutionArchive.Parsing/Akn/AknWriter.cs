using System.Text;
using System.Xml;
using System.Xml.Linq;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Parsing.Akn;

/// <summary>
/// Exports a <see cref="ParsedResolution"/> as Akoma Ntoso 3.0 XML in the UN's AKN4UN profile (OASIS LegalDocML
/// Akoma Ntoso Version 1.0; the element names and layout follow the UN's own files, e.g.
/// <c>../shared/corpus/unxml-ga/76/A_RES_76_159-2119201C.xml</c>). The output validates against
/// <c>Akn/Schema/akomantoso30.xsd</c> (<see cref="AknSchema.Validate"/>). Every markup decision, and where each field of
/// the model is kept, is documented in <c>docs/akn-export.md</c>.
/// </summary>
public static partial class AknWriter
{
    /// <summary>The Akoma Ntoso 3.0 namespace (OASIS LegalDocML), the default namespace of the output.</summary>
    public const string Namespace = AknResolutionReader.Namespace;

    /// <summary>The AKN4UN extension namespace (prefix <c>akn4un</c>), used only for <c>akn4un:voters</c>.</summary>
    public const string Akn4UnNamespace = "http://un.org/akn4un";

    /// <summary>
    /// The namespace (prefix <c>ra</c>) of the mark this writer leaves in <c>meta/proprietary</c>:
    /// <c>&lt;ra:export format="1" footnotes="fn1 fn2"/&gt;</c>. <see cref="AknResolutionReader"/> reads a document that
    /// carries it exactly, as the inverse of this writer (docs/akn-export.md, "Round trip").
    /// </summary>
    public const string ExportNamespace = "urn:x-resolution-archive:akn-export";

    /// <summary>The version of the markup written, in <c>ra:export/@format</c>.</summary>
    public const string ExportFormat = "1";

    /// <summary>
    /// The date the UN's AKN4UN files write for an unknown date (workflow steps <c>date="0001-01-01"</c>), used where
    /// the schema requires a date and the model has none.
    /// </summary>
    public const string UnknownDate = "0001-01-01";

    private static readonly XNamespace Akn = Namespace;
    private static readonly XNamespace Akn4Un = Akn4UnNamespace;
    private static readonly XNamespace Ra = ExportNamespace;

    /// <summary>
    /// Writes <paramref name="resolution"/> as one AKN document: <c>akomaNtoso/statement name="resolution"</c>, or for a
    /// resolution in several parts <c>akomaNtoso/documentCollection</c> plus <c>components</c> (one
    /// <c>statement</c> per part, as in the UN's <c>75_101A-B_C.xml</c>).
    /// </summary>
    /// <param name="resolution">Any resolution of the domain model.</param>
    /// <returns>
    /// The XML text: an XML declaration naming UTF-8, elements indented by two spaces, LF line ends, no final line end,
    /// no timestamps. Equal models give equal text (deterministic), so export → import → export is byte-identical.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="resolution"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The resolution has parts (<see cref="ParsedResolution.Parts"/> or a <see cref="Clause.Part"/>) and a preamble or
    /// operative clause without a part, which no component could hold.
    /// </exception>
    public static string Write(ParsedResolution resolution)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        var root = BuildRoot(resolution);
        KeepMixedContentUnindented(root);
        ReplaceCharactersXmlCannotHold(root);
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null), root);
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
        };
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings))
        {
            document.Save(writer);
        }

        return new UTF8Encoding(false).GetString(stream.ToArray());
    }

    /// <summary>
    /// The writer cannot fail on any stored text (issue 14 item 5): a character XML 1.0 cannot hold — a control
    /// character, a noncharacter such as U+FFFE, a lone surrogate — stored by an archive made before the readers refused
    /// them, is written as U+FFFD, the replacement character, in text and attribute values alike.
    /// </summary>
    private static void ReplaceCharactersXmlCannotHold(XElement root)
    {
        foreach (var node in root.DescendantNodesAndSelf())
        {
            if (node is XText text && Replaced(text.Value) is { } value)
            {
                text.Value = value;
            }
            else if (node is XElement element)
            {
                foreach (var attribute in element.Attributes())
                {
                    if (Replaced(attribute.Value) is { } attributeValue)
                    {
                        attribute.Value = attributeValue;
                    }
                }
            }
        }

        static string? Replaced(string value)
        {
            StringBuilder? builder = null;
            for (var i = 0; i < value.Length; i++)
            {
                var pair = i + 1 < value.Length && XmlConvert.IsXmlSurrogatePair(value[i + 1], value[i]);
                var valid = pair || XmlConvert.IsXmlChar(value[i]);
                if (!valid)
                {
                    builder ??= new StringBuilder(value, 0, i, value.Length);
                    builder.Append('\uFFFD');
                }
                else
                {
                    builder?.Append(value[i]);
                    if (pair)
                    {
                        builder?.Append(value[i + 1]);
                        i++;
                    }
                }
            }

            return builder?.ToString();
        }
    }

    /// <summary>
    /// XmlWriter indents the children of an element until it meets a text node; an element whose content is mixed but
    /// starts with a child element (<c>&lt;p&gt;&lt;span class="bold"&gt;重申&lt;/span&gt;…</c>) would get white space
    /// added inside it. An empty text node first makes the writer treat it as mixed from the start.
    /// </summary>
    private static void KeepMixedContentUnindented(XElement root)
    {
        foreach (var element in root.DescendantsAndSelf().ToList())
        {
            if (element.FirstNode is XElement && element.Nodes().OfType<XText>().Any())
            {
                element.AddFirst(new XText(string.Empty));
            }
        }
    }

    /// <summary>
    /// Marks a text <c>p</c> that starts with an element (an emphasised run, a note) as mixed content, so that the
    /// writer adds no white space inside it even when it holds no text node at all.
    /// </summary>
    private static void KeepUnindented(XElement p)
    {
        if (p.FirstNode is XElement)
        {
            p.AddFirst(new XText(string.Empty));
        }
    }
}
