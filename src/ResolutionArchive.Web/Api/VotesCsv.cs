using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using CsvHelper.Configuration.Attributes;
using Microsoft.AspNetCore.Mvc;
using ResolutionArchive.Data;
using ResolutionArchive.Data.Voting;
using ResolutionArchive.Parsing.Countries;
using ResolutionArchive.Web.Presentation;

namespace ResolutionArchive.Web.Api;

/// <summary>
/// <c>GET /data/votes.csv</c>: every recorded vote of the archive in the long format of the unvotes data set
/// (docs/open-data.md) — one row per recorded vote and state printed in one of its lists (in favour, against,
/// abstaining) or non-voting (a member of the body on the adoption date in none of the lists: <c>non-voting</c>,
/// input-formats §4.5), with the columns <see cref="Columns"/>. A state that was not a member has no row; names are the
/// ones the state bore on the adoption date.
/// Rows are ordered by adoption date, then number, then key (undated drafts last), then the state's ISO3 code (ordinal).
/// RFC 4180 CSV written with CsvHelper: comma-separated, fields quoted only when needed, CRLF line ends, a header row;
/// UTF-8 without a byte order mark, or with one for <c>?bom=1</c> (Excel needs it to read the Chinese names).
/// </summary>
internal static class VotesCsv
{
    /// <summary>The path.</summary>
    public const string Path = "/data/votes.csv";

    /// <summary>The content type of the answer.</summary>
    public const string CsvContentType = "text/csv; charset=utf-8";

    /// <summary>The file name the answer is saved as.</summary>
    public const string FileName = "votes.csv";

    /// <summary>The header row's columns, in order.</summary>
    public static IReadOnlyList<string> Columns { get; } =
        ["symbol", "number", "body", "session", "date", "country_iso3", "country_name_zh", "country_name_en", "vote"];

    /// <summary>
    /// Maps the endpoint, described in the OpenAPI document beside the JSON API (issue 17: a client generated from the
    /// document should know the open data too); docs/open-data.md describes the file in full.
    /// </summary>
    internal static RouteHandlerBuilder Map(IEndpointRouteBuilder endpoints) => endpoints.MapGet(Path, HandleAsync)
        .WithName("VotesCsv")
        .WithTags("Open data")
        .WithDescription(
            "RFC 4180 CSV, UTF-8, CRLF line ends, with the columns `symbol, number, body, session, date, country_iso3,"
            + " country_name_zh, country_name_en, vote`: one row per state listed in a recorded vote (`yes`, `no`,"
            + " `abstain`) and per member of the body on the adoption date in none of the lists (`non-voting`); names as"
            + " they were on the date. Ordered by vote (oldest first), then by code. `bom=1` starts the file with a UTF-8"
            + " byte order mark (Excel needs it); `resolution` (a record's key, e.g. `A/HRC/RES/46/13`) answers only that"
            + " record's rows, 404 when it has no recorded vote. Written as it is read: the whole archive's file streams."
            + " docs/open-data.md.")
        .Produces<string>(StatusCodes.Status200OK, "text/csv")
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound);

    /// <summary>
    /// Every recorded vote as CSV, one row per state and vote, or one record's (<c>resolution</c>); 400 for a <c>bom</c>
    /// other than <c>0</c> or <c>1</c>, 404 for a <c>resolution</c> without a recorded vote.
    /// </summary>
    /// <param name="bom"><c>1</c> to start the file with a UTF-8 byte order mark; <c>0</c> or absent for none.</param>
    /// <param name="resolution">A record's key (<c>A/HRC/RES/46/13</c>): only its vote's rows (the link "CSV" of a
    /// resolution page), saved as <c>votes-A-HRC-RES-46-13.csv</c>; absent for every vote.</param>
    /// <param name="db">The archive.</param>
    /// <param name="voting">The recorded votes in memory.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    public static async Task<IResult> HandleAsync(
        [FromQuery] string? bom,
        [FromQuery] string? resolution,
        ArchiveDbContext db,
        VotingRecords voting,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(voting);
        if (bom is not (null or "" or "0" or "1"))
        {
            return ArchiveApi.BadRequest($"bom must be 0 (no byte order mark, the default) or 1 (a UTF-8 byte order mark, for Excel), found “{SearchParameters.Shorten(bom)}”.");
        }

        var archive = await voting.GetAsync(db, cancellationToken);
        if (string.IsNullOrEmpty(resolution))
        {
            return new CsvFile(archive.Votes, FileName, bom == "1");
        }

        var votes = archive.Votes.Where(v => v.Key == resolution).ToList();
        return votes.Count == 0
            ? ArchiveApi.NotFound($"The archive has no recorded vote of a record “{SearchParameters.Shorten(resolution)}”.")
            : new CsvFile(votes, "votes-" + new string(resolution.Select(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '_' ? c : '-').ToArray()) + ".csv", bom == "1");
    }

    /// <summary>
    /// How the file is written: RFC 4180 with CRLF line ends, and CsvHelper's injection escaping (OWASP's CSV-injection
    /// rule, issue 14 item 4): a field that starts with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage return
    /// is written with a leading <c>'</c>, so that a spreadsheet shows it as text instead of running it as a formula.
    /// </summary>
    public static CsvConfiguration Configuration { get; } = new(CultureInfo.InvariantCulture)
    {
        NewLine = "\r\n",
        InjectionOptions = InjectionOptions.Escape,
    };

    /// <summary>The <c>vote</c> value of a non-voting member (the UN Digital Library's <c>X</c>; input-formats §4.5).</summary>
    public const string NonVotingValue = "non-voting";

    /// <summary>The rows of the file, in its order (see <see cref="VotesCsv"/>).</summary>
    public static IEnumerable<VotesCsvRow> Rows(VotingArchive archive)
    {
        ArgumentNullException.ThrowIfNull(archive);
        return Rows(archive.Votes);
    }

    /// <summary>The rows of <paramref name="votes"/>, in the file's order.</summary>
    private static IEnumerable<VotesCsvRow> Rows(IEnumerable<RecordedVote> votes)
    {
        foreach (var vote in votes)
        {
            var symbol = vote.Symbol ?? vote.Key;
            var number = vote.Number;
            var body = vote.Body.ToString();
            var date = vote.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "";
            // the listed states and the non-voting members (input-formats §4.5), by code; names as they were on the date
            var rows = vote.Positions.Select(p => (Iso3: p.Key, Value: VotingLabels.Value(Data.Voting.CountryVotes.Of(p.Value))))
                .Concat(vote.NonVoting.Select(iso3 => (Iso3: iso3, Value: NonVotingValue)))
                .OrderBy(p => p.Iso3, StringComparer.Ordinal);
            foreach (var (iso3, value) in rows)
            {
                var country = CountryRegistry.Default.FindByIso3(iso3);
                yield return new VotesCsvRow
                {
                    Symbol = symbol,
                    Number = number,
                    Body = body,
                    Session = vote.Session,
                    Date = date,
                    CountryIso3 = iso3,
                    CountryNameZh = country?.NameOn(vote.Date, "zh") ?? "",
                    CountryNameEn = country?.NameOn(vote.Date, "en") ?? "",
                    Vote = value,
                };
            }
        }
    }

    /// <summary>Writes the file to the response as it is produced.</summary>
    private sealed class CsvFile(IEnumerable<RecordedVote> votes, string fileName, bool byteOrderMark) : IResult
    {
        public async Task ExecuteAsync(HttpContext httpContext)
        {
            var response = httpContext.Response;
            response.StatusCode = StatusCodes.Status200OK;
            response.ContentType = CsvContentType;
            response.Headers.ContentDisposition = $"attachment; filename=\"{fileName}\"";
            var cancellationToken = httpContext.RequestAborted;
            if (byteOrderMark)
            {
                await response.Body.WriteAsync(Encoding.UTF8.Preamble.ToArray(), cancellationToken);
            }

            await using var writer = new StreamWriter(response.Body, new UTF8Encoding(encoderShouldEmitUTF8Identifier: false), 64 * 1024, leaveOpen: true);
            await using var csv = new CsvWriter(writer, Configuration);
            await csv.WriteRecordsAsync(Rows(votes), cancellationToken);
            await csv.FlushAsync();
        }
    }
}

/// <summary>One row of <c>/data/votes.csv</c> (docs/open-data.md).</summary>
internal sealed class VotesCsvRow
{
    /// <summary>The UN document symbol (<c>A/HRC/RES/46/13</c>); for a draft, which has none, the draft's key (<c>HRC/43/draft/1a2b3c4d</c>).</summary>
    [Name("symbol")]
    [Index(0)]
    public string Symbol { get; set; } = "";

    /// <summary>The number as printed (<c>46/13</c>).</summary>
    [Name("number")]
    [Index(1)]
    public string Number { get; set; } = "";

    /// <summary><c>HRC</c> or <c>GA</c>.</summary>
    [Name("body")]
    [Index(2)]
    public string Body { get; set; } = "";

    /// <summary>The session; empty when unknown.</summary>
    [Name("session")]
    [Index(3)]
    public int? Session { get; set; }

    /// <summary>The adoption date, <c>YYYY-MM-DD</c>; empty for an undated draft.</summary>
    [Name("date")]
    [Index(4)]
    public string Date { get; set; } = "";

    /// <summary>The state's ISO 3166-1 alpha-3 code.</summary>
    [Name("country_iso3")]
    [Index(5)]
    public string CountryIso3 { get; set; } = "";

    /// <summary>The state's official UN Chinese short name.</summary>
    [Name("country_name_zh")]
    [Index(6)]
    public string CountryNameZh { get; set; } = "";

    /// <summary>The state's UN English short name.</summary>
    [Name("country_name_en")]
    [Index(7)]
    public string CountryNameEn { get; set; } = "";

    /// <summary><c>yes</c>, <c>no</c> or <c>abstain</c>.</summary>
    [Name("vote")]
    [Index(8)]
    public string Vote { get; set; } = "";
}
