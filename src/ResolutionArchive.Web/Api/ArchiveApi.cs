using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Unicode;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.OpenApi;

namespace ResolutionArchive.Web.Api;

/// <summary>
/// The read-only JSON API under <c>/api</c> (documented in <c>docs/api.md</c>) and its OpenAPI document at
/// <c>/openapi/v1.json</c>. Each endpoint is one file beside this one (<see cref="ListResolutions"/>,
/// <see cref="GetResolution"/>, <see cref="ExportAkn"/>); this file only wires them up.
/// </summary>
internal static class ArchiveApi
{
    /// <summary>The path prefix of the resolution endpoints.</summary>
    public const string ResolutionsPath = "/api/resolutions";

    /// <summary>The OpenAPI tag of the resolution endpoints.</summary>
    public const string Tag = "Resolutions";

    /// <summary>Registers the API's services: the OpenAPI document and the JSON options of the API's responses.</summary>
    public static IServiceCollection AddArchiveApi(this IServiceCollection services)
    {
        // Chinese text is written as itself, as ResolutionJson writes it (HTML-sensitive characters stay escaped).
        // Numbers are numbers: no reading them from strings, so the OpenAPI schemas say "integer", not "integer or string".
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.Encoder = JavaScriptEncoder.Create(UnicodeRanges.All);
            options.SerializerOptions.NumberHandling = JsonNumberHandling.Strict;
        });
        services.AddOpenApi(options => options.AddDocumentTransformer(async (document, _, _) =>
        {
            document.Info = new OpenApiInfo
            {
                Title = "ResolutionArchive API",
                Version = "v1",
                Description = "联合国人权理事会和大会决议中文档案的只读 JSON 接口。"
                    + " The read-only JSON API of the archive of UN Human Rights Council and General Assembly resolutions in Chinese:"
                    + " the list of records, and each record in the archive's JSON format (docs/json-format.md).",
            };
            await ExportAkn.DescribeAsync(document);

            // Every endpoint also answers HEAD (see MapArchiveApi), which HTTP defines as GET without the body; the
            // document describes the GET operations only, so that client generators do not get each call twice.
            foreach (var path in (document.Paths ?? []).Values.OfType<OpenApiPathItem>())
            {
                path.Operations?.Remove(HttpMethod.Head);
            }
        }));
        return services;
    }

    /// <summary>Maps the API's endpoints, the OpenAPI document, and a JSON 404 for any other path under <c>/api</c>.</summary>
    public static IEndpointRouteBuilder MapArchiveApi(this IEndpointRouteBuilder endpoints)
    {
        // Every endpoint answers HEAD as well as GET (HTTP semantics, RFC 9110 §9.3.2: the same headers, no body), so that
        // link checkers and caches can ask for the headers; nothing in the API writes (docs/operations.md).
        var api = endpoints.MapGroup("");
        ((IEndpointConventionBuilder)api).Finally(endpoint => endpoint.Metadata.Add(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head])));
        var resolutions = api.MapGroup(ResolutionsPath).WithTags(Tag);
        ListResolutions.Map(resolutions);
        GetResolution.Map(resolutions);
        ExportAkn.Map(resolutions);
        SearchParagraphs.Map(api);
        SearchVotes.Map(api);
        ListCountries.Map(api);
        CountryVotes.Map(api);
        VotesCsv.Map(api);

        // Anything else under /api answers in JSON too, not with the site's HTML error page.
        endpoints.MapMethods("/api/{**rest}", [HttpMethods.Get, HttpMethods.Head], (string? rest) => NotFound($"There is no API endpoint at /api/{rest}."))
            .ExcludeFromDescription();

        // the document too answers HEAD (issue 14 item 9); the last method metadata is the one routing reads
        endpoints.MapOpenApi().Finally(endpoint => endpoint.Metadata.Add(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head])));
        return endpoints;
    }

    /// <summary>A 404 <c>application/problem+json</c> answer.</summary>
    internal static ProblemHttpResult NotFound(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status404NotFound, title: "Not found");

    /// <summary>A 400 <c>application/problem+json</c> answer.</summary>
    internal static ProblemHttpResult BadRequest(string detail) =>
        TypedResults.Problem(detail: detail, statusCode: StatusCodes.Status400BadRequest, title: "Bad request");
}
