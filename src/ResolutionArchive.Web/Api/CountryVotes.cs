using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.OpenApi;
using ResolutionArchive.Data;
using ResolutionArchive.Data.Voting;
using ResolutionArchive.Parsing.Countries;
using ResolutionArchive.Parsing.Syntax;
using ResolutionArchive.Web.Presentation;

namespace ResolutionArchive.Web.Api;

/// <summary>
/// <c>GET /api/countries/{iso3}/votes?body=HRC&amp;year=2021</c>: a state's voting record — its part in every recorded
/// vote of the archive (in favour, against, abstaining, absent from a General Assembly vote, or not listed in a Council
/// vote), oldest first, with the totals over them (docs/api.md, docs/open-data.md). <c>iso3</c> is read in any letter
/// case; a code not in the registry answers 404, an unreadable <c>body</c> or <c>year</c> 400, both with a problem
/// document.
/// </summary>
internal static class CountryVotes
{
    /// <summary>The earliest year accepted by the <c>year</c> filter (as on the country page).</summary>
    public const int MinYear = 1945;

    /// <summary>The latest year accepted by the <c>year</c> filter.</summary>
    public const int MaxYear = 9998;

    /// <summary>Maps the endpoint.</summary>
    internal static RouteHandlerBuilder Map(IEndpointRouteBuilder endpoints) => endpoints.MapGet(ListCountries.Path + "/{iso3}/votes", HandleAsync)
        .WithTags(ListCountries.Tag)
        .WithName("GetCountryVotes")
        .WithDescription(
            "`iso3` is the state's ISO 3166-1 alpha-3 code in any letter case (`CHN`, `chn`). The answer lists every recorded"
            + " vote of the archive, oldest first (by adoption date, then number; undated drafts last), with the state's"
            + " `vote`: `yes`, `no` or `abstain` when it is in a printed list; `absent` for a General Assembly vote in which a"
            + " UN member state is in none of the lists; `not-listed` for a Human Rights Council vote in which it is in none"
            + " (the Council has 47 members and the archive does not record who they were, so this is never read as absent)"
            + " and for the observer states in the General Assembly. `majority` is the position most listed states took,"
            + " null on a tie. `totals` are computed over the listed votes. Filters: `body` (`HRC` or `GA`, any case) and"
            + " `year` (the adoption year, 1945 to 9998; undated votes are left out when it is given). An unknown code"
            + " answers 404 and an unreadable filter 400, each with a problem document.")
        .Produces<CountryVoteRecord>(StatusCodes.Status200OK, "application/json")
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .AddOpenApiOperationTransformer((operation, _, _) =>
        {
            // The filters are bound as text so that a bad value gets a problem document; the document says what they hold.
            foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
            {
                parameter.Schema = parameter.Name switch
                {
                    "body" => new OpenApiSchema { Type = JsonSchemaType.String, Enum = [System.Text.Json.Nodes.JsonValue.Create("HRC"), System.Text.Json.Nodes.JsonValue.Create("GA")] },
                    "year" => new OpenApiSchema
                    {
                        Type = JsonSchemaType.Integer,
                        Format = "int32",
                        Minimum = MinYear.ToString(CultureInfo.InvariantCulture),
                        Maximum = MaxYear.ToString(CultureInfo.InvariantCulture),
                    },
                    _ => parameter.Schema,
                };
            }

            return Task.CompletedTask;
        });

    // The OpenAPI document takes the operation's summary and the parameters' descriptions from these XML comments.

    /// <summary>Gets a state's part in every recorded vote of the archive, with its totals.</summary>
    /// <param name="iso3">The state's ISO 3166-1 alpha-3 code, in any letter case (CHN).</param>
    /// <param name="body">Only the votes of this body: HRC or GA (any case).</param>
    /// <param name="year">Only the votes adopted in this year (1945 to 9998).</param>
    /// <param name="db">The archive.</param>
    /// <param name="voting">The recorded votes in memory.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    public static async Task<Results<Ok<CountryVoteRecord>, ProblemHttpResult>> HandleAsync(
        string iso3,
        [FromQuery] string? body,
        [FromQuery] string? year,
        ArchiveDbContext db,
        VotingRecords voting,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(voting);
        if (CountryRegistry.Default.FindByIso3(iso3 ?? "") is not { } country)
        {
            return ArchiveApi.NotFound($"No state has the ISO 3166-1 alpha-3 code “{SearchParameters.Shorten(iso3 ?? "")}”; /api/countries lists them all.");
        }

        var problems = new List<string>();
        Body? bodyFilter = null;
        if (!string.IsNullOrEmpty(body))
        {
            if (string.Equals(body, "HRC", StringComparison.OrdinalIgnoreCase))
            {
                bodyFilter = Body.HRC;
            }
            else if (string.Equals(body, "GA", StringComparison.OrdinalIgnoreCase))
            {
                bodyFilter = Body.GA;
            }
            else
            {
                problems.Add($"body must be HRC or GA, found “{SearchParameters.Shorten(body)}”.");
            }
        }

        int? yearFilter = null;
        if (!string.IsNullOrEmpty(year))
        {
            if (int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= MinYear and <= MaxYear)
            {
                yearFilter = y;
            }
            else
            {
                problems.Add($"year must be a year from {MinYear} to {MaxYear} in ASCII digits, found “{SearchParameters.Shorten(year)}”.");
            }
        }

        if (problems.Count > 0)
        {
            return ArchiveApi.BadRequest(string.Join(" ", problems));
        }

        var archive = await voting.GetAsync(db, cancellationToken);
        var record = archive.RecordOf(country.Iso3)
            .Where(x => bodyFilter is not { } b || x.Vote.Body == b)
            .Where(x => yearFilter is not { } y || x.Vote.Date?.Year == y)
            .ToList();
        var t = VotingArchive.TotalsOf(record);
        return TypedResults.Ok(new CountryVoteRecord(
            ListCountries.ToJson(country, archive),
            new VoteFiltersJson(bodyFilter?.ToString(), yearFilter),
            new VotingTotalsJson(t.Votes, t.InFavour, t.Against, t.Abstaining, t.Absent, t.NotListed, t.WithMajority, t.Cast),
            [.. record.Select(x => new CountryVoteJson(
                x.Vote.Key,
                x.Vote.Symbol,
                x.Vote.Number,
                x.Vote.Body.ToString(),
                x.Vote.Session,
                x.Vote.Date,
                x.Vote.Title,
                VotingLabels.Value(x.Position),
                x.Vote.Majority is { } m ? VotingLabels.Value(Data.Voting.CountryVotes.Of(m)) : null,
                new VoteCountsJson(x.Vote.Counts.Yes, x.Vote.Counts.No, x.Vote.Counts.Abstain),
                ArchiveUrls.Resolution(x.Vote.Key)))]));
    }
}

/// <summary>The answer of <c>/api/countries/{iso3}/votes</c>.</summary>
/// <param name="Country">The state, as <c>/api/countries</c> lists it.</param>
/// <param name="Filters">The filters applied.</param>
/// <param name="Totals">The totals over <paramref name="Votes"/>.</param>
/// <param name="Votes">Every recorded vote under the filters, oldest first (by date, then number; undated last).</param>
internal sealed record CountryVoteRecord(CountryJson Country, VoteFiltersJson Filters, VotingTotalsJson Totals, IReadOnlyList<CountryVoteJson> Votes);

/// <summary>The filters of a voting record.</summary>
/// <param name="Body"><c>HRC</c>, <c>GA</c>, or null for both.</param>
/// <param name="Year">The adoption year, or null for all.</param>
internal sealed record VoteFiltersJson(string? Body, int? Year);

/// <summary>A state's totals over the votes listed (docs/voting.md §2).</summary>
/// <param name="Votes">How many recorded votes are listed.</param>
/// <param name="InFavour">In favour (<c>yes</c>).</param>
/// <param name="Against">Against (<c>no</c>).</param>
/// <param name="Abstaining">Abstaining (<c>abstain</c>).</param>
/// <param name="Absent">Absent from a General Assembly vote (<c>absent</c>).</param>
/// <param name="NotListed">In none of the lists of a Council vote, or an observer state in an Assembly vote (<c>not-listed</c>).</param>
/// <param name="WithMajority">Votes in which the state took the majority's position.</param>
/// <param name="Cast">Votes in which the state is in a list: <paramref name="InFavour"/> + <paramref name="Against"/> + <paramref name="Abstaining"/>.</param>
internal sealed record VotingTotalsJson(int Votes, int InFavour, int Against, int Abstaining, int Absent, int NotListed, int WithMajority, int Cast);

/// <summary>The yes, no and abstain counts of a recorded vote, counted from its lists.</summary>
/// <param name="Yes">States in favour.</param>
/// <param name="No">States against.</param>
/// <param name="Abstain">States abstaining.</param>
internal sealed record VoteCountsJson(int Yes, int No, int Abstain);

/// <summary>A state's part in one recorded vote.</summary>
/// <param name="Key">The record's key; its JSON is at <c>/api/resolutions/{key}</c>.</param>
/// <param name="Symbol">The UN document symbol; null for a draft.</param>
/// <param name="Number">The number as printed (<c>46/13</c>).</param>
/// <param name="Body"><c>HRC</c> or <c>GA</c>.</param>
/// <param name="Session">The session.</param>
/// <param name="Date">The adoption date (<c>YYYY-MM-DD</c>); null for an undated draft.</param>
/// <param name="Title">The title.</param>
/// <param name="Vote">The state's part: <c>yes</c>, <c>no</c>, <c>abstain</c>, <c>absent</c> or <c>not-listed</c>.</param>
/// <param name="Majority">The position most listed states took (<c>yes</c>, <c>no</c> or <c>abstain</c>); null on a tie.</param>
/// <param name="Counts">The vote's counts, from its lists.</param>
/// <param name="Url">The record's page on this site, <c>/resolutions/{key}</c>.</param>
internal sealed record CountryVoteJson(
    string Key,
    string? Symbol,
    string Number,
    string Body,
    int? Session,
    DateOnly? Date,
    string Title,
    string Vote,
    string? Majority,
    VoteCountsJson Counts,
    string Url);
