using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.OpenApi;
using ResolutionArchive.Data;

namespace ResolutionArchive.Web.Api;

/// <summary>
/// <c>GET /api/resolutions?page=1&amp;pageSize=100</c>: one page of the list of every record in the archive, with the
/// total count. Order: adoption date, newest first (records without one, i.e. drafts, last), then number (ordinal),
/// then key — a total order, so pages never overlap.
/// </summary>
internal static class ListResolutions
{
    /// <summary>The page size when <c>pageSize</c> is not given.</summary>
    public const int DefaultPageSize = 100;

    /// <summary>The largest page size accepted.</summary>
    public const int MaxPageSize = 500;

    /// <summary>Maps the endpoint on the <c>/api/resolutions</c> group.</summary>
    internal static RouteHandlerBuilder Map(RouteGroupBuilder group) => group.MapGet("", HandleAsync)
        .WithName("ListResolutions")
        .WithDescription(
            "Records are ordered by adoption date, newest first (records without a date, i.e. drafts, come last), then by number"
            + " (ordinal comparison), then by key. `page` counts from 1 (default 1); `pageSize` is 1 to 500 (default 100)."
            + " A page past the last one is empty. A value that is not such a whole number answers 400 with a problem document."
            + " `url` is the record's page on this site; its JSON is at `/api/resolutions/{key}`.")
        .Produces<ResolutionList>(StatusCodes.Status200OK, "application/json")
        .ProducesProblem(StatusCodes.Status400BadRequest)
        .AddOpenApiOperationTransformer((operation, _, _) =>
        {
            // The parameters are bound as text so that a bad value gets a problem document (a typed parameter that
            // fails to bind answers an empty 400); the document still describes them as the integers they are.
            foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
            {
                parameter.Schema = parameter.Name switch
                {
                    "page" => IntegerSchema(1, null, 1),
                    "pageSize" => IntegerSchema(1, MaxPageSize, DefaultPageSize),
                    _ => parameter.Schema,
                };
            }

            return Task.CompletedTask;
        });

    // The OpenAPI document takes the operation's summary and the parameters' descriptions from these XML comments.

    /// <summary>Lists every resolution and draft, one page at a time.</summary>
    /// <param name="page">The page number, from 1 (default 1). A page past the last one is empty.</param>
    /// <param name="pageSize">Records per page, 1 to 500 (default 100).</param>
    /// <param name="db">The archive.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    public static async Task<Results<Ok<ResolutionList>, ProblemHttpResult>> HandleAsync(
        [FromQuery] string? page,
        [FromQuery] string? pageSize,
        ArchiveDbContext db,
        CancellationToken cancellationToken)
    {
        if (!TryReadNumber(page, 1, int.MaxValue, 1, out var pageNumber))
        {
            return ArchiveApi.BadRequest($"page must be a whole number from 1 to {int.MaxValue}, found “{Shorten(page)}”.");
        }

        if (!TryReadNumber(pageSize, 1, MaxPageSize, DefaultPageSize, out var size))
        {
            return ArchiveApi.BadRequest($"pageSize must be a whole number from 1 to {MaxPageSize}, found “{Shorten(pageSize)}”.");
        }

        var total = await db.Resolutions.CountAsync(cancellationToken);
        var skip = (long)(pageNumber - 1) * size;
        var rows = skip >= total
            ? []
            : await db.Resolutions.AsNoTracking()
                .OrderByDescending(r => r.AdoptionDate)
                .ThenBy(r => r.Number)
                .ThenBy(r => r.Key)
                .Skip((int)skip)
                .Take(size)
                .Select(r => new { r.Key, r.Symbol, r.Number, r.Body, r.Session, r.Title, r.AdoptionDate, r.Status })
                .ToListAsync(cancellationToken);
        var items = rows
            .Select(r => new ResolutionSummary(
                r.Key,
                r.Symbol,
                r.Number,
                r.Body.ToString(),
                r.Session,
                r.Title,
                r.AdoptionDate,
                JsonNamingPolicy.CamelCase.ConvertName(r.Status.ToString()),
                ArchiveUrls.Resolution(r.Key)))
            .ToList();
        var pageCount = Math.Max(1, (int)((total + (long)size - 1) / size));
        return TypedResults.Ok(new ResolutionList(total, pageNumber, size, pageCount, items));
    }

    /// <summary>
    /// Reads an optional whole number in [<paramref name="min"/>, <paramref name="max"/>]: absent or empty gives
    /// <paramref name="fallback"/>; anything else must be ASCII digits only.
    /// </summary>
    internal static bool TryReadNumber(string? text, int min, int max, int fallback, out int value)
    {
        if (string.IsNullOrEmpty(text))
        {
            value = fallback;
            return true;
        }

        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
    }

    private static string Shorten(string? text) => text is { Length: > 40 } ? text[..40] + "…" : text ?? "";

    private static OpenApiSchema IntegerSchema(int minimum, int? maximum, int @default) => new()
    {
        Type = JsonSchemaType.Integer,
        Format = "int32",
        Minimum = minimum.ToString(CultureInfo.InvariantCulture),
        Maximum = maximum?.ToString(CultureInfo.InvariantCulture),
        Default = JsonValue.Create(@default),
    };
}

/// <summary>One page of the list.</summary>
/// <param name="Total">How many records the archive holds.</param>
/// <param name="Page">This page's number, from 1.</param>
/// <param name="PageSize">The page size used.</param>
/// <param name="PageCount">How many pages of this size there are (at least 1).</param>
/// <param name="Items">The records of this page; empty past the last page.</param>
internal sealed record ResolutionList(int Total, int Page, int PageSize, int PageCount, IReadOnlyList<ResolutionSummary> Items);

/// <summary>One record in the list (field names and values as in the archive's JSON format, docs/json-format.md).</summary>
/// <param name="Key">The permanent key: the symbol, or a draft's <c>{body}/{session}/draft/{hash}</c>.</param>
/// <param name="Symbol">The UN document symbol (<c>A/HRC/RES/46/13</c>); null for a draft.</param>
/// <param name="Number">The number as printed (<c>46/13</c>, <c>43/...</c>).</param>
/// <param name="Body"><c>HRC</c> or <c>GA</c>.</param>
/// <param name="Session">The session number.</param>
/// <param name="Title">The title.</param>
/// <param name="AdoptionDate">The adoption date (<c>YYYY-MM-DD</c>); null for a draft.</param>
/// <param name="Status"><c>adopted</c> or <c>draft</c>.</param>
/// <param name="Url">The record's page on this site, <c>/resolutions/{key}</c>.</param>
internal sealed record ResolutionSummary(
    string Key,
    string? Symbol,
    string Number,
    string Body,
    int? Session,
    string Title,
    DateOnly? AdoptionDate,
    string Status,
    string Url);
