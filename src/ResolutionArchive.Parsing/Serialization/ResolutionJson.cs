using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Parsing.Serialization;

/// <summary>
/// The archive's JSON form of a resolution: the output of <c>parse</c> and of the JSON export, documented field by
/// field in <c>docs/json-format.md</c>. camelCase names, enums as camelCase strings (bodies as <c>HRC</c>/<c>GA</c>),
/// dates as <c>YYYY-MM-DD</c>, Chinese text unescaped.
/// </summary>
public static class ResolutionJson
{
    /// <summary>The serializer options of this format (indented, camelCase, CJK characters written as themselves).</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Serialises <paramref name="resolution"/> as one JSON object.</summary>
    public static string Serialize(ParsedResolution resolution) =>
        JsonSerializer.Serialize(ResolutionDocument.From(resolution), Options);

    /// <summary>Reads a JSON object written by <see cref="Serialize"/>.</summary>
    /// <exception cref="JsonException">The text is not a resolution in this format.</exception>
    public static ParsedResolution Deserialize(string json) =>
        (JsonSerializer.Deserialize<ResolutionDocument>(json, Options) ?? throw new JsonException("expected a JSON object, found null")).ToModel();

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
            WriteIndented = true,
            Encoder = JavaScriptEncoder.Create(UnicodeRanges.All),
            DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        return options;
    }
}

/// <summary>The JSON shape of one resolution (docs/json-format.md); field order is the order written.</summary>
internal sealed record ResolutionDocument(
    string? Symbol,
    [property: JsonConverter(typeof(BodyConverter))] Body Body,
    int? Session,
    string Number,
    ResolutionStatus Status,
    string Title,
    string? AgendaItem,
    string? AgendaTitle,
    DateOnly? AdoptionDate,
    int? MeetingNumber,
    Meeting? Meeting,
    CommitteeReport? CommitteeReport,
    IReadOnlyList<ClauseDocument> Preamble,
    IReadOnlyList<ClauseDocument> Operative,
    IReadOnlyList<FootnoteDocument> Footnotes,
    Vote Vote,
    IReadOnlyList<Sponsor> Sponsors,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<ResolutionPart>? Parts = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<AnnexDocument>? Annexes = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] ResolutionPart? PublishedPart = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? DraftSymbol = null)
{
    public static ResolutionDocument From(ParsedResolution r) => new(
        r.Symbol,
        r.Body,
        r.Session,
        r.Number,
        r.Status,
        r.Title,
        r.AgendaItem,
        r.AgendaTitle,
        r.AdoptionDate,
        r.Meeting?.Number,
        r.Meeting,
        r.CommitteeReport,
        r.Preamble.Select(ClauseDocument.From).ToList(),
        r.Operative.Select(ClauseDocument.From).ToList(),
        r.Footnotes.Select(f => new FootnoteDocument(f.Id, f.Marker, f.Text, f.AttachedTo)).ToList(),
        r.Vote,
        r.Sponsors,
        r.Parts.Count == 0 ? null : r.Parts,
        r.Annexes.Count == 0 ? null : r.Annexes.Select(AnnexDocument.From).ToList(),
        r.PublishedPart,
        r.DraftSymbol);

    public ParsedResolution ToModel() => new()
    {
        Symbol = Symbol,
        Body = Body,
        Session = Session,
        Number = Number,
        Status = Status,
        Title = Title,
        AgendaItem = AgendaItem,
        AgendaTitle = AgendaTitle,
        AdoptionDate = AdoptionDate,
        Meeting = Meeting,
        CommitteeReport = CommitteeReport,
        Preamble = Preamble.Select(c => c.ToModel(ClauseKind.Preamble)).ToList(),
        Operative = Operative.Select(c => c.ToModel(ClauseKind.Operative)).ToList(),
        Footnotes = Footnotes.Select(f => new Footnote(f.Id, f.Marker, f.Text, f.AttachedTo, 0)).ToList(),
        Vote = Vote,
        Sponsors = Sponsors,
        Parts = Parts ?? [],
        Annexes = Annexes?.Select(a => a.ToModel()).ToList() ?? [],
        PublishedPart = PublishedPart,
        DraftSymbol = DraftSymbol,
    };
}

/// <summary>The JSON shape of a clause: <c>{id, number, text, footnotes[], emphasis[], points[], part?}</c>.</summary>
internal sealed record ClauseDocument(
    string Id,
    string? Number,
    string Text,
    IReadOnlyList<string> Footnotes,
    IReadOnlyList<Emphasis> Emphasis,
    IReadOnlyList<Point> Points,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Part = null)
{
    public static ClauseDocument From(Clause c) => new(c.Id, c.Number, c.Text, c.Footnotes, c.Emphasis, c.Points, c.Part);

    public Clause ToModel(ClauseKind kind) => new(Id, kind, Number, Text, Footnotes, Emphasis, Points, 0, Part);
}

/// <summary>The JSON shape of an annex: <c>{id, heading, title, paragraphs[]}</c>.</summary>
internal sealed record AnnexDocument(string Id, string? Heading, string? Title, IReadOnlyList<ClauseDocument> Paragraphs)
{
    public static AnnexDocument From(Annex a) => new(a.Id, a.Heading, a.Title, a.Paragraphs.Select(ClauseDocument.From).ToList());

    public Annex ToModel() => new(Id, Heading, Title, Paragraphs.Select(p => p.ToModel(ClauseKind.Annex)).ToList());
}

/// <summary>The JSON shape of a footnote: <c>{id, marker, text, attachedTo}</c>.</summary>
internal sealed record FootnoteDocument(string Id, string Marker, string Text, string AttachedTo);

/// <summary>Writes <see cref="Body"/> as its UN abbreviation, <c>HRC</c> or <c>GA</c>.</summary>
internal sealed class BodyConverter : JsonConverter<Body>
{
    public override Body Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Enum.TryParse<Body>(reader.GetString(), ignoreCase: false, out var body)
            ? body
            : throw new JsonException($"expected HRC or GA, found {reader.GetString()}");

    public override void Write(Utf8JsonWriter writer, Body value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
