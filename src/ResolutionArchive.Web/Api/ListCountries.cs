using Microsoft.AspNetCore.Http.HttpResults;
using ResolutionArchive.Data;
using ResolutionArchive.Data.Voting;
using ResolutionArchive.Parsing.Countries;

namespace ResolutionArchive.Web.Api;

/// <summary>
/// <c>GET /api/countries</c>: every state of the registry (<see cref="CountryRegistry"/>: the 193 UN member states and
/// the 2 observer states, in the registry's English alphabetical order) with its codes, names, M49 region and
/// sub-region, and how many recorded votes of the archive list it (docs/api.md, docs/open-data.md).
/// </summary>
internal static class ListCountries
{
    /// <summary>The path of the country endpoints.</summary>
    public const string Path = "/api/countries";

    /// <summary>The OpenAPI tag of the country endpoints.</summary>
    public const string Tag = "Countries";

    /// <summary>Maps the endpoint.</summary>
    internal static RouteHandlerBuilder Map(IEndpointRouteBuilder endpoints) => endpoints.MapGet(Path, HandleAsync)
        .WithTags(Tag)
        .WithName("ListCountries")
        .WithDescription(
            "Every state of the archive's registry: the 193 UN member states and the 2 observer states (the Holy See, VAT,"
            + " and the State of Palestine, PSE; `memberState` is false for them), in English alphabetical order. Codes are"
            + " ISO 3166-1 alpha-3 and alpha-2 and UN M49; `region` and `subregion` are the M49 region and sub-region."
            + " `recordedVotes` is the number of recorded votes of the archive in whose printed lists (in favour, against,"
            + " abstaining) the state appears. `url` is the state's page on this site; `votesUrl` its voting record in JSON.")
        .Produces<CountryList>(StatusCodes.Status200OK, "application/json");

    // The OpenAPI document takes the operation's summary from these XML comments.

    /// <summary>Lists every UN member and observer state, with its codes, names, region and number of recorded votes.</summary>
    /// <param name="db">The archive.</param>
    /// <param name="voting">The recorded votes in memory.</param>
    /// <param name="cancellationToken">The request's cancellation.</param>
    public static async Task<Ok<CountryList>> HandleAsync(ArchiveDbContext db, VotingRecords voting, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(voting);
        var archive = await voting.GetAsync(db, cancellationToken);
        var items = CountryRegistry.Default.Countries.Select(c => ToJson(c, archive)).ToList();
        return TypedResults.Ok(new CountryList(items.Count, archive.Votes.Count, items));
    }

    /// <summary>The JSON form of one state.</summary>
    internal static CountryJson ToJson(Country country, VotingArchive archive)
    {
        var regions = CountryRegions.Default.Of(country.Iso3);
        return new CountryJson(
            country.Iso3,
            country.Iso2,
            country.M49,
            country.NameZh,
            country.NameEn,
            country.AliasesZh,
            VotingArchive.IsMemberState(country.Iso3),
            regions is { } r ? RegionJson.Of(r.Region) : null,
            regions is { } s ? RegionJson.Of(s.SubRegion) : null,
            archive.CastCount(country.Iso3),
            "/countries/" + country.Iso3,
            $"{Path}/{country.Iso3}/votes");
    }
}

/// <summary>The answer of <c>/api/countries</c>.</summary>
/// <param name="Total">How many states are listed (195).</param>
/// <param name="RecordedVotes">How many recorded votes the archive holds.</param>
/// <param name="Items">Every state, in the registry's order (English alphabetical).</param>
internal sealed record CountryList(int Total, int RecordedVotes, IReadOnlyList<CountryJson> Items);

/// <summary>One state.</summary>
/// <param name="Iso3">ISO 3166-1 alpha-3 code, the archive's key for the state (<c>CHN</c>).</param>
/// <param name="Iso2">ISO 3166-1 alpha-2 code (<c>CN</c>).</param>
/// <param name="M49">UN M49 numeric code, three digits as text (<c>156</c>).</param>
/// <param name="NameZh">The official UN Chinese short name, as printed in the vote lists (<c>中国</c>).</param>
/// <param name="NameEn">The UN English short name (<c>China</c>).</param>
/// <param name="AliasesZh">Other Chinese names found in UN texts (formal names, earlier short names).</param>
/// <param name="MemberState">True for a UN member state; false for the observer states VAT and PSE.</param>
/// <param name="Region">The M49 region (Africa, Americas, Asia, Europe, Oceania).</param>
/// <param name="Subregion">The M49 sub-region.</param>
/// <param name="RecordedVotes">Recorded votes of the archive in whose lists (in favour, against, abstaining) the state appears.</param>
/// <param name="Url">The state's page on this site, <c>/countries/{ISO3}</c>.</param>
/// <param name="VotesUrl">The state's voting record in JSON, <c>/api/countries/{ISO3}/votes</c>.</param>
internal sealed record CountryJson(
    string Iso3,
    string Iso2,
    string M49,
    string NameZh,
    string NameEn,
    IReadOnlyList<string> AliasesZh,
    bool MemberState,
    RegionJson? Region,
    RegionJson? Subregion,
    int RecordedVotes,
    string Url,
    string VotesUrl);

/// <summary>A UN M49 region or sub-region.</summary>
/// <param name="M49">Its three-digit M49 code as text (<c>142</c> Asia, <c>030</c> Eastern Asia).</param>
/// <param name="NameZh">Its Chinese name.</param>
/// <param name="NameEn">Its English name.</param>
internal sealed record RegionJson(string M49, string NameZh, string NameEn)
{
    /// <summary>The JSON form of a registry region.</summary>
    internal static RegionJson Of(Region region) => new(region.M49, region.NameZh, region.NameEn);
}
