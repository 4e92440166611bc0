using ResolutionArchive.Parsing.Countries;

namespace ResolutionArchive.Web.Pages.Countries;

/// <summary>
/// The country page's compare picker (issue 17: nothing led to <c>/countries/X/compare/Y</c>): <c>GET
/// /countries/{iso3}/compare?with={other}</c> redirects (302) to <c>/countries/{iso3}/compare/{other}</c> when both are
/// states of the registry and differ, and otherwise to the country page of <c>iso3</c> (or <c>/countries</c> when that
/// is unknown too): a form that cannot be followed never ends on an error page. Codes are read in any letter case and
/// written in capitals.
/// </summary>
internal static class ComparePicker
{
    /// <summary>Maps the endpoint (GET and HEAD, like every page).</summary>
    public static IEndpointRouteBuilder MapComparePicker(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapMethods("/countries/{iso3}/compare", [HttpMethods.Get, HttpMethods.Head], (string iso3, string? with) =>
                Results.Redirect(Target(iso3, with)))
            .ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>Where the picker leads for <paramref name="iso3"/> and <paramref name="with"/> (see the class).</summary>
    public static string Target(string iso3, string? with)
    {
        var first = CountryRegistry.Default.FindByIso3((iso3 ?? "").ToUpperInvariant());
        if (first is null)
        {
            return "/countries";
        }

        var second = string.IsNullOrEmpty(with) ? null : CountryRegistry.Default.FindByIso3(with.ToUpperInvariant());
        return second is null || second.Iso3 == first.Iso3
            ? $"/countries/{first.Iso3}"
            : $"/countries/{first.Iso3}/compare/{second.Iso3}";
    }
}
