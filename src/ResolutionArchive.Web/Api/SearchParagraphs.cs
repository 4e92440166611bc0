using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.OpenApi;
using ResolutionArchive.Data;
using ResolutionArchive.Data.Search;
using ResolutionArchive.Web.Presentation;

namespace ResolutionArchive.Web.Api;

/// <summary>
/// <c>GET /api/search?q=人权&amp;page=1&amp;pageSize=20</c>: full-text search over every paragraph and footnote
/// (docs/search.md, docs/api.md), with the page's query language and filters (<see cref="SearchParameters"/>), as a
/// flat ranked list. Anything unreadable — an empty, too long or exclusion-only query, a bad filter, page or
/// pageSize — answers 400 with a problem document that says what.
/// </summary>
internal static class SearchParagraphs
{
    /// <summary>The path.</summary>
    public const string Path = "/api/search";

    /// <summary>The page size when <c>pageSize</c> is not given.</summary>
    public const int DefaultPageSize = 20;

    /// <summary>The largest page size accepted.</summary>
    public const int MaxPageSize = 100;

    /// <summary>Maps the endpoint.</summary>
    internal static RouteHandlerBuilder Map(IEndpointRouteBuilder endpoints) => endpoints.MapGet(Path, HandleAsync)
        .WithTags("Search")
        .WithName("Search")
        .WithDescription(
            "Full-text search over every preamble clause, operative paragraph, sub-paragraph, annex block and footnote."
            + " `q`: terms separated by spaces must all occur; \"a phrase\" in double quotes; -term excludes. Every term is"
            + " matched as an exact substring after NFKC normalisation and lower-casing (full- and half-width forms are the"
            + " same), whatever its length. Filters: `body` (HRC, GA), `session-from`, `session-to`, `year-from`, `year-to`,"
            + " `kind` (preamble, operative, footnote, annex), `mode` (recorded, without-vote, not-stated), `verb` (leading"
            + " operative verb), `resolution` (a record's key). Hits are ranked by BM25, then newest first. `snippet` is HTML:"
            + " the text escaped, the matches in <mark>. `url` is the paragraph's anchor on the record's page.")
        .Produces<SearchResponse>(StatusCodes.Status200OK, "application/json")
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .AddOpenApiOperationTransformer((operation, _, _) =>
        {
            // The handler reads the query string itself (so that every unreadable value is reported in one problem
            // document); the document still lists the parameters a client can send.
            operation.Parameters = [.. Parameters()];
            return Task.CompletedTask;
        });

    /// <summary>Searches the text of every paragraph and footnote; one page of the ranked hits.</summary>
    /// <param name="context">The request (its query string is read by <see cref="SearchParameters.Read"/>).</param>
    /// <param name="db">The archive.</param>
    /// <param name="search">The search service.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    public static async Task<Results<Ok<SearchResponse>, ProblemHttpResult>> HandleAsync(
        HttpContext context,
        ArchiveDbContext db,
        ArchiveSearch search,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var query = context.Request.Query;
        string? Get(string name) => SearchParameters.First(query, name);
        var problems = SearchParameters.Repeated(query, [.. SearchParameters.Names, "pageSize"]).Select(name => $"{name} is given more than once.").ToList();
        var invalid = new List<string>();
        var parameters = SearchParameters.Read(Get, new List<string>(), invalid: invalid);
        problems.AddRange(invalid.Select(name => InvalidMessage(name, Get(name) ?? "")));
        if (parameters.Query.Problem is { } problem)
        {
            problems.Insert(0, ProblemMessage(problem));
        }

        if (!ListResolutions.TryReadNumber(Get("pageSize"), 1, MaxPageSize, DefaultPageSize, out var pageSize))
        {
            problems.Add($"pageSize must be a whole number from 1 to {MaxPageSize}, found “{SearchParameters.Shorten(Get("pageSize") ?? "")}”.");
        }

        if (problems.Count > 0)
        {
            return ArchiveApi.BadRequest(string.Join(" ", problems));
        }

        var results = await search.SearchAsync(db, new SearchRequest(parameters.Query, parameters.Filters, SearchLayout.Flat, parameters.Page, pageSize), cancellationToken);
        return TypedResults.Ok(new SearchResponse(
            parameters.Query.Raw,
            results.Total,
            results.ResolutionCount,
            results.Page,
            pageSize,
            results.PageCount,
            [.. results.Hits.Select(h => new SearchHitJson(
                h.Resolution.Key,
                h.Resolution.Symbol,
                h.Resolution.Number,
                h.Resolution.Title,
                h.Resolution.Body.ToString(),
                h.Resolution.Session,
                h.Resolution.AdoptionDate,
                h.Anchor,
                KindValue(h.Kind),
                h.Label,
                h.Verb,
                h.Score,
                Presentation.Snippets.Html(h.Snippet),
                ArchiveUrls.Paragraph(h.Resolution.Key, h.Anchor)))],
            new SearchFacetsJson(results.Verbs, results.Kinds, results.Bodies)));
    }

    /// <summary>Why the value of a parameter could not be read, in the API's words (English, like its other problems).</summary>
    /// <summary>The 400's sentence for a query that cannot run (shared by <see cref="SearchVotes"/>).</summary>
    internal static string ProblemMessage(SearchQueryProblem problem) => problem switch
    {
        SearchQueryProblem.TooLong => $"q is longer than {SearchQuery.MaxLength} characters.",
        SearchQueryProblem.TooManyTerms => $"q has more than {SearchQuery.MaxTerms} terms.",
        SearchQueryProblem.OnlyExclusions => "q has only -exclusions; give at least one term to search for.",
        _ => "q is empty; give at least one term to search for.",
    };

    /// <summary>The 400's sentence for a parameter whose value cannot be read (shared by <see cref="SearchVotes"/>).</summary>
    internal static string InvalidMessage(string name, string value)
    {
        var expected = name switch
        {
            "body" => "HRC or GA",
            "session-from" or "session-to" => "a whole number from 1 to 999",
            "year-from" or "year-to" => "a year from 1945 to 9998",
            "kind" => "preamble, operative, footnote or annex",
            "mode" => "recorded, without-vote or not-stated",
            "verb" => $"an operative verb of at most {SearchParameters.MaxVerbLength} characters",
            "resolution" => "a record's key of at most 100 characters",
            "view" => "grouped or flat",
            _ => $"a whole number from 1 to {int.MaxValue}",
        };
        return $"{name} must be {expected}, found “{SearchParameters.Shorten(value)}”.";
    }

    private static IEnumerable<IOpenApiParameter> Parameters()
    {
        static OpenApiParameter Query(string name, string description, OpenApiSchema schema, bool required = false) =>
            new() { Name = name, In = ParameterLocation.Query, Required = required, Description = description, Schema = schema };
        static OpenApiSchema Text(int maxLength) => new() { Type = JsonSchemaType.String, MaxLength = maxLength };
        static OpenApiSchema Choice(IEnumerable<string> values) => new() { Type = JsonSchemaType.String, Enum = [.. values.Select(v => (JsonNode)JsonValue.Create(v))] };
        static OpenApiSchema Integer(int minimum, int? maximum, int? @default = null) => new()
        {
            Type = JsonSchemaType.Integer,
            Format = "int32",
            Minimum = minimum.ToString(CultureInfo.InvariantCulture),
            Maximum = maximum?.ToString(CultureInfo.InvariantCulture),
            Default = @default is { } d ? JsonValue.Create(d) : null,
        };

        yield return Query("q", $"The query: terms separated by spaces (all must occur), \"a phrase\" in double quotes, -term to exclude; at most {SearchQuery.MaxLength} characters and {SearchQuery.MaxTerms} terms.", Text(SearchQuery.MaxLength), required: true);
        yield return Query("body", "Only resolutions of this body.", Choice(["HRC", "GA"]));
        yield return Query("session-from", "Lowest session, inclusive.", Integer(1, 999));
        yield return Query("session-to", "Highest session, inclusive.", Integer(1, 999));
        yield return Query("year-from", "Earliest adoption year, inclusive (drafts, which have no date, are left out).", Integer(1945, 9998));
        yield return Query("year-to", "Latest adoption year, inclusive (drafts, which have no date, are left out).", Integer(1945, 9998));
        yield return Query("kind", "Only this kind of paragraph (operative includes sub-paragraphs).", Choice(SearchParameters.Kinds.Select(k => k.Value)));
        yield return Query("mode", "Only resolutions adopted this way.", Choice(Pages.BrowseFilter.Modes.Select(m => m.Value)));
        yield return Query("verb", "Only operative paragraphs with this leading verb (重申, 吁请, 决定…), compared exactly.", Text(SearchParameters.MaxVerbLength));
        yield return Query("resolution", "Only the record with this key (A/HRC/RES/53/11).", Text(100));
        yield return Query("page", "The page, from 1 (default 1); a page past the last one answers the last.", Integer(1, null, 1));
        yield return Query("pageSize", $"Hits per page, 1 to {MaxPageSize} (default {DefaultPageSize}).", Integer(1, MaxPageSize, DefaultPageSize));
    }

    private static string KindValue(Data.Entities.SearchEntryKind kind) => kind switch
    {
        Data.Entities.SearchEntryKind.Preamble => "preamble",
        Data.Entities.SearchEntryKind.Operative => "operative",
        Data.Entities.SearchEntryKind.SubParagraph => "subparagraph",
        Data.Entities.SearchEntryKind.Footnote => "footnote",
        _ => "annex",
    };
}

/// <summary>The answer of <c>/api/search</c>.</summary>
/// <param name="Query">The query as read (trimmed).</param>
/// <param name="Total">Matching paragraphs and footnotes.</param>
/// <param name="ResolutionCount">Resolutions they belong to.</param>
/// <param name="Page">This page, from 1 (clamped to the last page).</param>
/// <param name="PageSize">Hits per page.</param>
/// <param name="PageCount">Pages (at least 1).</param>
/// <param name="Hits">This page's hits, ranked.</param>
/// <param name="Facets">Counts of the matches per operative verb, kind and body.</param>
internal sealed record SearchResponse(string Query, int Total, int ResolutionCount, int Page, int PageSize, int PageCount, IReadOnlyList<SearchHitJson> Hits, SearchFacetsJson Facets);

/// <summary>One hit of <c>/api/search</c>.</summary>
/// <param name="Key">The record's key.</param>
/// <param name="Symbol">Its document symbol (null for a draft).</param>
/// <param name="Number">Its number as printed.</param>
/// <param name="Title">Its title.</param>
/// <param name="Body">HRC or GA.</param>
/// <param name="Session">Its session.</param>
/// <param name="AdoptionDate">Its adoption date.</param>
/// <param name="ParagraphId">The paragraph's anchor id on the page (<c>op3</c>, <c>pp2</c>, <c>fn4</c>).</param>
/// <param name="Kind">preamble, operative, subparagraph, annex or footnote.</param>
/// <param name="ParagraphNumber">The operative paragraph's number, the sub-paragraph's label, the preamble clause's
/// position or the footnote's marker.</param>
/// <param name="Verb">The leading operative verb of an operative paragraph.</param>
/// <param name="Score">BM25 (lower is more relevant).</param>
/// <param name="Snippet">HTML: the text around the match, escaped, the matches in &lt;mark&gt;.</param>
/// <param name="Url">The paragraph's URL on this site.</param>
internal sealed record SearchHitJson(string Key, string? Symbol, string Number, string Title, string Body, int? Session, DateOnly? AdoptionDate, string ParagraphId, string Kind, string? ParagraphNumber, string? Verb, double Score, string Snippet, string Url);

/// <summary>Facet counts of a search.</summary>
/// <param name="Verbs">Operative verbs, most frequent first.</param>
/// <param name="Kinds">Per kind (Preamble, Operative, Footnote, Annex).</param>
/// <param name="Bodies">Per body.</param>
internal sealed record SearchFacetsJson(IReadOnlyList<FacetCount> Verbs, IReadOnlyList<FacetCount> Kinds, IReadOnlyList<FacetCount> Bodies);
