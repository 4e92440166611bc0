using Microsoft.OpenApi;
using ResolutionArchive.Data;
using ResolutionArchive.Data.Import;
using ResolutionArchive.Data.Queries;
using ResolutionArchive.Parsing.Akn;

namespace ResolutionArchive.Web.Api;

/// <summary>
/// <c>GET /api/resolutions/{key}.akn.xml</c>: one record as Akoma Ntoso 3.0 XML in the UN's AKN4UN profile, byte for
/// byte what <see cref="AknWriter.Write"/> writes (docs/akn-export.md), e.g.
/// <c>/api/resolutions/A/HRC/RES/46/13.akn.xml</c>.
/// </summary>
internal static class ExportAkn
{
    /// <summary>The suffix that asks for the AKN form of a record.</summary>
    public const string Suffix = ".akn.xml";

    /// <summary>The content type of the answer.</summary>
    public const string AknContentType = "application/akn+xml; charset=utf-8";

    /// <summary>The path of the endpoint as the OpenAPI document shows it.</summary>
    public const string DocumentedPath = ArchiveApi.ResolutionsPath + "/{symbol}" + Suffix;

    /// <summary>Maps the endpoint on the <c>/api/resolutions</c> group.</summary>
    /// <remarks>
    /// A catch-all parameter cannot carry a literal suffix in a route template, so the route is the catch-all with a
    /// constraint on its end. A constrained catch-all takes precedence over the unconstrained one of
    /// <see cref="GetResolution"/>, so <c>….akn.xml</c> always comes here. ApiExplorer would show this route under the
    /// same path as <see cref="GetResolution"/>'s (<c>/api/resolutions/{symbol}</c>), so it is left out of the
    /// description and <see cref="DescribeAsync"/> adds it under its real form.
    /// </remarks>
    internal static RouteHandlerBuilder Map(RouteGroupBuilder group) =>
        group.MapGet(@"/{**symbol:regex(\.akn\.xml$)}", HandleAsync)
            .WithName("ExportAkn")
            .ExcludeFromDescription();

    /// <summary>Answers the AKN XML of the record named by <paramref name="symbol"/> (its key plus <c>.akn.xml</c>), a redirect to it, or 404.</summary>
    /// <param name="symbol">The record's key followed by <c>.akn.xml</c>, slashes included.</param>
    /// <param name="db">The archive.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    public static async Task<IResult> HandleAsync(string symbol, ArchiveDbContext db, CancellationToken cancellationToken)
    {
        var key = (symbol ?? "").Trim('/');
        key = key[..^Math.Min(key.Length, Suffix.Length)].Trim('/');
        if (key.Length > 0 && await ResolutionLookup.FindByKeyAsync(db, key, cancellationToken) is { } entity)
        {
            return TypedResults.Text(AknWriter.Write(ResolutionMapper.ToModel(entity)), AknContentType);
        }

        if (key.Length > 0 && await ResolutionLookup.KeysMatchingAsync(db, key, cancellationToken) is [var only])
        {
            return TypedResults.Redirect($"{ArchiveApi.ResolutionsPath}/{ArchiveUrls.EscapeSegments(only)}{Suffix}", permanent: true);
        }

        return ArchiveApi.NotFound($"The archive holds no resolution with the key “{(key.Length > 80 ? key[..80] + "…" : key)}”.");
    }

    /// <summary>Adds the endpoint to the OpenAPI document (see <see cref="Map"/> for why it is added by hand).</summary>
    internal static Task DescribeAsync(OpenApiDocument document)
    {
        document.Paths ??= [];
        document.Paths[DocumentedPath] = new OpenApiPathItem
        {
            Operations = new Dictionary<HttpMethod, OpenApiOperation>
            {
                [HttpMethod.Get] = new()
                {
                    OperationId = "ExportAkn",
                    Tags = new HashSet<OpenApiTagReference> { new(ArchiveApi.Tag, document) },
                    Summary = "Gets one resolution or draft as Akoma Ntoso 3.0 XML (AKN4UN).",
                    Description =
                        "`symbol` is the record's key as for `GET /api/resolutions/{symbol}`, followed by `.akn.xml`"
                        + " (`/api/resolutions/A/HRC/RES/46/13.akn.xml`). The answer is the record as Akoma Ntoso 3.0 XML in"
                        + " the UN's AKN4UN profile (docs/akn-export.md), valid against akomantoso30.xsd. A number that"
                        + " names exactly one record answers 301 to the record's key; an unknown key answers 404 with a"
                        + " problem document.",
                    Parameters =
                    [
                        new OpenApiParameter
                        {
                            Name = "symbol",
                            In = ParameterLocation.Path,
                            Required = true,
                            Description = "The record's key: a symbol such as A/HRC/RES/46/13 (its slashes are part of the path), or a draft's key.",
                            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
                        },
                    ],
                    Responses = new OpenApiResponses
                    {
                        ["200"] = new OpenApiResponse
                        {
                            Description = "The record as Akoma Ntoso 3.0 XML.",
                            Content = new Dictionary<string, OpenApiMediaType>
                            {
                                ["application/akn+xml"] = new() { Schema = new OpenApiSchema { Type = JsonSchemaType.String } },
                            },
                        },
                        ["301"] = new OpenApiResponse { Description = "Moved Permanently" },
                        ["404"] = new OpenApiResponse
                        {
                            Description = "Not Found",
                            Content = new Dictionary<string, OpenApiMediaType>
                            {
                                ["application/problem+json"] = new() { Schema = new OpenApiSchemaReference("ProblemDetails", document) },
                            },
                        },
                    },
                },
            },
        };
        return Task.CompletedTask;
    }
}
