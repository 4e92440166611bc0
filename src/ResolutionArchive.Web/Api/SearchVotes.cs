using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration.Attributes;
using Microsoft.AspNetCore.Http.HttpResults;
using ResolutionArchive.Data;
using ResolutionArchive.Data.Search;
using ResolutionArchive.Data.Voting;
using ResolutionArchive.Parsing.Countries;
using ResolutionArchive.Web.Presentation;

namespace ResolutionArchive.Web.Api;

/// <summary>
/// Phrase × vote (docs/voting.md §9, issue 16 item 3): <c>GET /api/search/votes</c> answers, for a search with the
/// parameters of <c>/api/search</c> (<see cref="SearchParagraphs"/>), how every state voted on the recorded votes of
/// the resolutions whose text matches (<see cref="PhraseVotes"/>); <c>GET /search/votes.csv</c> is the same table as a
/// file. A bad parameter is a 400 problem document naming it, as for <c>/api/search</c>.
/// </summary>
internal static class SearchVotes
{
    /// <summary>The JSON path.</summary>
    public const string Path = "/api/search/votes";

    /// <summary>The CSV path (not part of the JSON API; described in docs/open-data.md).</summary>
    public const string CsvPath = "/search/votes.csv";

    internal static void Map(IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(Path, HandleAsync)
            .WithTags("Search")
            .WithName("SearchVotes")
            .WithDescription(
                "How the states voted on the resolutions whose text matches a search: the parameters of /api/search (q and"
                + " its filters; no paging). `resolutions` lists the matching records adopted by a recorded vote, the ones"
                + " counted; `states` every state with a stored position in one of them, by ISO 3166-1 alpha-3 code:"
                + " in favour (yes), against (no), abstaining and non-voting (a member of the body in none of the lists).")
            .Produces<SearchVotesResponse>(StatusCodes.Status200OK, "application/json")
            .ProducesProblem(StatusCodes.Status400BadRequest);
        endpoints.MapGet(CsvPath, HandleCsvAsync).WithName("SearchVotesCsv").ExcludeFromDescription();
    }

    /// <summary>Reads the search parameters the way <c>/api/search</c> does; the problems, or the tally.</summary>
    internal static async Task<(string? Problem, SearchParameters Parameters, int Matched, PhraseVoteTally? Tally)> RunAsync(
        HttpContext context, ArchiveDbContext db, ArchiveSearch search, VotingRecords voting, CancellationToken cancellationToken)
    {
        var query = context.Request.Query;
        string? Get(string name) => SearchParameters.First(query, name);
        var problems = SearchParameters.Repeated(query, [.. SearchParameters.Names, "bom"]).Select(name => $"{name} is given more than once.").ToList();
        var invalid = new List<string>();
        var parameters = SearchParameters.Read(Get, new List<string>(), invalid: invalid);
        problems.AddRange(invalid.Where(name => name is not ("page" or "view")).Select(name => SearchParagraphs.InvalidMessage(name, Get(name) ?? "")));
        if (parameters.Query.Problem is { } problem)
        {
            problems.Insert(0, SearchParagraphs.ProblemMessage(problem));
        }

        if (problems.Count > 0)
        {
            return (string.Join(" ", problems), parameters, 0, null);
        }

        var matched = await search.MatchingResolutionsAsync(db, parameters.Query, parameters.Filters, cancellationToken);
        var archive = await voting.GetAsync(db, cancellationToken);
        return (null, parameters, matched.Count, PhraseVotes.Tally(archive, matched.Select(m => m.Key)));
    }

    /// <summary>How each state voted in the recorded votes of the resolutions whose text matches a search; 400 for a query or filter that cannot be read.</summary>
    public static async Task<Results<Ok<SearchVotesResponse>, ProblemHttpResult>> HandleAsync(
        HttpContext context, ArchiveDbContext db, ArchiveSearch search, VotingRecords voting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var (problem, parameters, matched, tally) = await RunAsync(context, db, search, voting, cancellationToken);
        if (problem is not null)
        {
            return ArchiveApi.BadRequest(problem);
        }

        return TypedResults.Ok(new SearchVotesResponse(
            parameters.Query.Raw,
            matched,
            [.. tally!.Votes.Select(v => new SearchVotesResolutionJson(v.Key, v.Symbol, v.Number, v.Date, v.Counts.Yes, v.Counts.No, v.Counts.Abstain, ArchiveUrls.Resolution(v.Key)))],
            [.. tally.States.Select(s => new StateTallyJson(
                s.Iso3,
                CountryRegistry.Default.FindByIso3(s.Iso3)?.RegionalGroup?.ToString(),
                s.Yes,
                s.No,
                s.Abstain,
                s.NonVoting))]));
    }

    /// <summary>Answers the CSV (<c>?bom=1</c> for Excel), or 400.</summary>
    public static async Task<IResult> HandleCsvAsync(
        HttpContext context, ArchiveDbContext db, ArchiveSearch search, VotingRecords voting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var bom = SearchParameters.First(context.Request.Query, "bom");
        var (problem, _, _, tally) = await RunAsync(context, db, search, voting, cancellationToken);
        if (bom is not (null or "" or "0" or "1"))
        {
            problem = ((problem ?? "") + $" bom must be 0 or 1, found “{SearchParameters.Shorten(bom)}”.").Trim();
        }

        if (problem is not null)
        {
            return ArchiveApi.BadRequest(problem);
        }

        var text = new StringWriter(CultureInfo.InvariantCulture);
        await using (var csv = new CsvWriter(text, VotesCsv.Configuration))
        {
            await csv.WriteRecordsAsync(tally!.States.Select(s =>
            {
                var country = CountryRegistry.Default.FindByIso3(s.Iso3);
                return new SearchVotesCsvRow
                {
                    CountryIso3 = s.Iso3,
                    CountryNameZh = country?.NameZh ?? "",
                    CountryNameEn = country?.NameEn ?? "",
                    RegionalGroup = country?.RegionalGroup?.ToString() ?? "",
                    Yes = s.Yes,
                    No = s.No,
                    Abstain = s.Abstain,
                    NonVoting = s.NonVoting,
                };
            }), cancellationToken);
        }

        var body = (bom == "1" ? "\uFEFF" : "") + text;
        context.Response.Headers.ContentDisposition = "attachment; filename=\"search-votes.csv\"";
        return Results.Text(body, VotesCsv.CsvContentType, new UTF8Encoding(false));
    }
}

/// <summary>The answer of <c>/api/search/votes</c>.</summary>
/// <param name="Query">The query as given.</param>
/// <param name="Matched">How many resolutions match the search (with or without a recorded vote).</param>
/// <param name="Resolutions">The matching resolutions adopted by a recorded vote: the votes counted.</param>
/// <param name="States">Every state with a stored position in one of them, by ISO3 code.</param>
internal sealed record SearchVotesResponse(string Query, int Matched, IReadOnlyList<SearchVotesResolutionJson> Resolutions, IReadOnlyList<StateTallyJson> States);

/// <summary>A recorded vote counted by <c>/api/search/votes</c>.</summary>
/// <param name="Key">The record's key.</param>
/// <param name="Symbol">Its symbol; null for a draft.</param>
/// <param name="Number">Its number.</param>
/// <param name="Date">Its adoption date.</param>
/// <param name="Yes">In favour, as listed.</param>
/// <param name="No">Against.</param>
/// <param name="Abstain">Abstaining.</param>
/// <param name="Url">Its page on this site.</param>
internal sealed record SearchVotesResolutionJson(string Key, string? Symbol, string Number, DateOnly? Date, int Yes, int No, int Abstain, string Url);

/// <summary>One state's votes in <c>/api/search/votes</c>.</summary>
/// <param name="Iso3">ISO 3166-1 alpha-3 code.</param>
/// <param name="RegionalGroup">Its UN regional group (African, AsiaPacific, EasternEuropean, LatinAmericanAndCaribbean, WesternEuropeanAndOther); null for a state in none.</param>
/// <param name="Yes">Votes in favour.</param>
/// <param name="No">Votes against.</param>
/// <param name="Abstain">Abstentions.</param>
/// <param name="NonVoting">Votes in which it was a member in none of the lists.</param>
internal sealed record StateTallyJson(string Iso3, string? RegionalGroup, int Yes, int No, int Abstain, int NonVoting);

/// <summary>One row of <c>/search/votes.csv</c>.</summary>
internal sealed class SearchVotesCsvRow
{
    /// <summary>ISO 3166-1 alpha-3 code.</summary>
    [Name("country_iso3")]
    [Index(0)]
    public string CountryIso3 { get; set; } = "";

    /// <summary>The official UN Chinese short name.</summary>
    [Name("country_name_zh")]
    [Index(1)]
    public string CountryNameZh { get; set; } = "";

    /// <summary>The UN English short name.</summary>
    [Name("country_name_en")]
    [Index(2)]
    public string CountryNameEn { get; set; } = "";

    /// <summary>The UN regional group, as in the API.</summary>
    [Name("regional_group")]
    [Index(3)]
    public string RegionalGroup { get; set; } = "";

    /// <summary>Votes in favour.</summary>
    [Name("yes")]
    [Index(4)]
    public int Yes { get; set; }

    /// <summary>Votes against.</summary>
    [Name("no")]
    [Index(5)]
    public int No { get; set; }

    /// <summary>Abstentions.</summary>
    [Name("abstain")]
    [Index(6)]
    public int Abstain { get; set; }

    /// <summary>Non-voting.</summary>
    [Name("non_voting")]
    [Index(7)]
    public int NonVoting { get; set; }
}
