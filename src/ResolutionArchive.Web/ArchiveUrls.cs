using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Web;

/// <summary>
/// Every URL the site makes, in one place (docs/browse.md, docs/references.md, docs/api.md): Data returns keys, anchors
/// and symbols, and the web turns them into links here. A key or symbol is written as URL path segments, each
/// <c>/</c>-separated segment percent-escaped (<c>A/RES/76/235 B</c> → <c>A/RES/76/235%20B</c>).
/// </summary>
internal static class ArchiveUrls
{
    /// <summary>The UN Official Document System's short links in Chinese: <c>https://undocs.org/zh/{SYMBOL}</c>.</summary>
    public const string UndocsBase = "https://undocs.org/zh/";

    /// <summary>A key or symbol as URL path segments, each <c>/</c>-separated segment escaped.</summary>
    public static string EscapeSegments(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        return string.Join('/', value.Split('/').Select(Uri.EscapeDataString));
    }

    /// <summary>A record's page: <c>/resolutions/{key}</c>.</summary>
    public static string Resolution(string key) => "/resolutions/" + EscapeSegments(key);

    /// <summary>A paragraph, sub-paragraph or footnote of a record: its page and the anchor (<c>#op3</c>).</summary>
    public static string Paragraph(string key, string anchor) => Resolution(key) + "#" + Uri.EscapeDataString(anchor);

    /// <summary>
    /// The UN document system's URL of <paramref name="symbol"/> (<c>A/CONF.157/24(Part I)</c> →
    /// <c>https://undocs.org/zh/A/CONF.157/24%28Part%20I%29</c>).
    /// </summary>
    public static string Undocs(string symbol) => UndocsBase + EscapeSegments(symbol);

    /// <summary>The UN document system's URL of <paramref name="symbol"/> in English: <c>https://undocs.org/en/{SYMBOL}</c>.</summary>
    public static string UndocsEnglish(string symbol) => "https://undocs.org/en/" + EscapeSegments(symbol);

    /// <summary>
    /// The symbol of the verbatim record of the General Assembly plenary meeting at which a resolution was adopted:
    /// <c>A/{session}/PV.{meeting}</c> (<c>A/76/PV.53</c>), the UN's series of plenary verbatim records (ST/LIB/SER.B/5/Rev.5);
    /// null for the Council (which keeps summary records, not numbered by meeting in one series), for a meeting that is
    /// not plenary, and when the session is not known (an emergency special session's records are <c>A/ES-10/PV.n</c>, but
    /// such a record has no session number).
    /// </summary>
    public static string? PlenaryRecord(Body body, int? session, Meeting? meeting) =>
        body == Body.GA && session is { } s && meeting is { Plenary: true } m
            ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"A/{s}/PV.{m.Number}")
            : null;

    /// <summary>A record in the archive's JSON format: <c>/api/resolutions/{key}</c> (docs/api.md, docs/json-format.md).</summary>
    public static string Json(string key) => "/api/resolutions/" + EscapeSegments(key);

    /// <summary>A record as an Akoma Ntoso 3.0 document: <c>/api/resolutions/{key}.akn.xml</c> (docs/akn-export.md).</summary>
    public static string Akn(string key) => Json(key) + ".akn.xml";

    /// <summary>A record's recorded vote as CSV rows of <c>/data/votes.csv</c>: <c>/data/votes.csv?resolution={key}</c> (docs/open-data.md).</summary>
    public static string VotesCsv(string key) => "/data/votes.csv?resolution=" + Uri.EscapeDataString(key);

    /// <summary>
    /// Where a reference to <paramref name="target"/> links (docs/references.md): the archive's page of
    /// <paramref name="archivedKey"/> when the archive holds it, else <see cref="Undocs"/>.
    /// </summary>
    public static string Reference(string target, string? archivedKey) => archivedKey is null ? Undocs(target) : Resolution(archivedKey);

    /// <summary>The compare view of <paramref name="keyA"/> with <paramref name="keyB"/>: <c>/compare/{a}/{b}</c> (docs/lineage.md §4).</summary>
    public static string Compare(string keyA, string keyB) => "/compare/" + EscapeSegments(keyA) + "/" + EscapeSegments(keyB);
}
