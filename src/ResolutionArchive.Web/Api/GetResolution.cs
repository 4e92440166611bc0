using Microsoft.OpenApi;
using ResolutionArchive.Data;
using ResolutionArchive.Data.Import;
using ResolutionArchive.Data.Queries;
using ResolutionArchive.Parsing.Serialization;

namespace ResolutionArchive.Web.Api;

/// <summary>
/// <c>GET /api/resolutions/{key}</c>: one record in the archive's JSON format, byte for byte what
/// <see cref="ResolutionJson.Serialize"/> writes (and the CLI's <c>parse</c> prints). The key is the symbol, slashes
/// and all (<c>/api/resolutions/A/HRC/RES/46/13</c>), or a draft's key (<c>/api/resolutions/HRC/43/draft/1a2b3c4d</c>).
/// A number that names one record (<c>/api/resolutions/46/13</c>) redirects to its key, as the pages do.
/// </summary>
internal static class GetResolution
{
    /// <summary>The content type of the answer.</summary>
    public const string JsonContentType = "application/json; charset=utf-8";

    /// <summary>Maps the endpoint on the <c>/api/resolutions</c> group.</summary>
    internal static RouteHandlerBuilder Map(RouteGroupBuilder group) => group.MapGet("/{**symbol}", HandleAsync)
        .WithName("GetResolution")
        .WithDescription(
            "`symbol` is the record's key: the UN document symbol with its slashes (`A/RES/76/159`, `A/HRC/RES/46/13`), or"
            + " a draft's key (`HRC/43/draft/1a2b3c4d`, as listed by `GET /api/resolutions`). The answer is the record in"
            + " the archive's JSON format (docs/json-format.md), the same bytes as the CLI's `parse` prints. A number"
            + " that names exactly one record (`76/159`) answers 301 to the record's key; an unknown key answers 404 with"
            + " a problem document.")
        .Produces(StatusCodes.Status200OK, contentType: "application/json")
        .Produces(StatusCodes.Status301MovedPermanently)
        .ProducesProblem(StatusCodes.Status404NotFound)
        .AddOpenApiOperationTransformer((operation, _, _) =>
        {
            // The format's C# shape is internal to the parser, so the document names the format instead of deriving it.
            if (operation.Responses?.TryGetValue("200", out var ok) == true && ok is OpenApiResponse response)
            {
                response.Description = "The record in the archive's JSON format (docs/json-format.md).";
                response.Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new()
                    {
                        Schema = new OpenApiSchema
                        {
                            Type = JsonSchemaType.Object,
                            Description = "A resolution in the archive's JSON format, as written by ResolutionJson and the CLI's `parse`: symbol, body, session, number, status, title, agendaItem, agendaTitle, adoptionDate, meetingNumber, meeting, committeeReport, preamble, operative, footnotes, vote, sponsors, and parts, annexes, publishedPart and draftSymbol when present (docs/json-format.md).",
                        },
                    },
                };
            }

            return Task.CompletedTask;
        });

    // The OpenAPI document takes the operation's summary and the parameter's description from these XML comments.

    /// <summary>Gets one resolution or draft in the archive's JSON format.</summary>
    /// <param name="symbol">The record's key: a symbol such as A/HRC/RES/46/13 (its slashes are part of the path), or a draft's key.</param>
    /// <param name="db">The archive.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    public static async Task<IResult> HandleAsync(
        string symbol,
        ArchiveDbContext db,
        CancellationToken cancellationToken)
    {
        var key = (symbol ?? "").Trim('/');
        if (key.Length > 0 && await ResolutionLookup.FindByKeyAsync(db, key, cancellationToken) is { } entity)
        {
            return TypedResults.Text(ResolutionJson.Serialize(ResolutionMapper.ToModel(entity)), JsonContentType);
        }

        if (key.Length > 0 && await ResolutionLookup.KeysMatchingAsync(db, key, cancellationToken) is [var only])
        {
            return TypedResults.Redirect($"{ArchiveApi.ResolutionsPath}/{ArchiveUrls.EscapeSegments(only)}", permanent: true);
        }

        return ArchiveApi.NotFound($"The archive holds no resolution with the key “{(key.Length > 80 ? key[..80] + "…" : key)}”.");
    }
}
