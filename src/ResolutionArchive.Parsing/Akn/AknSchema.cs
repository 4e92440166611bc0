using System.Globalization;
using System.Xml;
using System.Xml.Schema;

namespace ResolutionArchive.Parsing.Akn;

/// <summary>
/// Validates XML against the Akoma Ntoso 3.0 schema: the OASIS LegalDocML <c>akomantoso30.xsd</c> (OASIS Standard,
/// 29 August 2018) and the minimal <c>xml.xsd</c> it imports, both copied unchanged from
/// <c>../shared/schemas/akn/</c> into <c>Akn/Schema/</c> and embedded in this assembly (logical names
/// <see cref="MainSchemaResource"/> and <see cref="XmlSchemaResource"/>). Nothing is fetched over the network: the
/// import of <c>./xml.xsd</c> is served from the embedded copy by a resolver that refuses every other URI.
/// </summary>
public static class AknSchema
{
    /// <summary>Manifest resource name of the embedded <c>akomantoso30.xsd</c>.</summary>
    public const string MainSchemaResource = "ResolutionArchive.Parsing.Akn.Schema.akomantoso30.xsd";

    /// <summary>Manifest resource name of the embedded <c>xml.xsd</c> (the <c>xml:</c> attributes).</summary>
    public const string XmlSchemaResource = "ResolutionArchive.Parsing.Akn.Schema.xml.xsd";

    private static readonly Lazy<XmlSchemaSet> Schemas = new(Load, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>
    /// Validates <paramref name="xml"/> (a whole document) against the schema, processing <c>xsi:schemaLocation</c>
    /// hints not at all and foreign-namespace content laxly, as the schema's <c>##other</c> wildcards say.
    /// </summary>
    /// <param name="xml">The document's text.</param>
    /// <returns>
    /// One message per validation error, <c>LINE:COLUMN: message</c> (1-based, from the XML text), in document order;
    /// empty when the document is valid. A document that is not well-formed gives a single message for the XML error.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="xml"/> is null.</exception>
    /// <exception cref="InvalidOperationException">The embedded schema is missing from the assembly.</exception>
    public static IReadOnlyList<string> Validate(string xml)
    {
        ArgumentNullException.ThrowIfNull(xml);
        var errors = new List<string>();
        var settings = new XmlReaderSettings
        {
            ValidationType = ValidationType.Schema,
            Schemas = Schemas.Value,
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            // No ReportValidationWarnings: content under the schema's lax ##other wildcards (akn4un:voters) has no
            // declaration by design, which .NET reports only as a warning; xmllint accepts it silently too.
            ValidationFlags = XmlSchemaValidationFlags.None,
        };
        settings.ValidationEventHandler += (_, e) => errors.Add(string.Create(
            CultureInfo.InvariantCulture,
            $"{e.Exception.LineNumber}:{e.Exception.LinePosition}: {e.Message}"));
        try
        {
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            while (reader.Read())
            {
            }
        }
        catch (XmlException e)
        {
            errors.Add(string.Create(CultureInfo.InvariantCulture, $"{e.LineNumber}:{e.LinePosition}: {e.Message}"));
        }

        return errors;
    }

    private static XmlSchemaSet Load()
    {
        var set = new XmlSchemaSet { XmlResolver = new EmbeddedResolver() };
        using var stream = Open(MainSchemaResource);
        using var reader = XmlReader.Create(stream, new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null }, EmbeddedResolver.MainUri.AbsoluteUri);
        set.Add(null, reader);
        set.Compile();
        return set;
    }

    private static Stream Open(string resource) =>
        typeof(AknSchema).Assembly.GetManifestResourceStream(resource)
        ?? throw new InvalidOperationException($"the embedded schema resource {resource} is missing from {typeof(AknSchema).Assembly.GetName().Name}");

    /// <summary>Serves <c>xml.xsd</c> (the only import of the main schema) from the assembly; refuses everything else.</summary>
    private sealed class EmbeddedResolver : XmlResolver
    {
        public static readonly Uri MainUri = new("embedded:///akn/akomantoso30.xsd");

        public override object? GetEntity(Uri absoluteUri, string? role, Type? ofObjectToReturn)
        {
            ArgumentNullException.ThrowIfNull(absoluteUri);
            if (absoluteUri.AbsolutePath.EndsWith("/xml.xsd", StringComparison.Ordinal))
            {
                return Open(XmlSchemaResource);
            }

            throw new XmlException($"the AKN schema may import only ./xml.xsd; refusing to resolve {absoluteUri}");
        }

        public override Uri ResolveUri(Uri? baseUri, string? relativeUri) =>
            baseUri is null ? new Uri(MainUri, relativeUri) : new Uri(baseUri, relativeUri);
    }
}
