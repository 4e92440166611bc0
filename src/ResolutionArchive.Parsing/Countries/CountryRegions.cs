using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using CsvHelper.Configuration.Attributes;

namespace ResolutionArchive.Parsing.Countries;

/// <summary>A UN M49 region or sub-region.</summary>
/// <param name="M49">Its three-digit M49 code (<c>142</c> Asia, <c>030</c> Eastern Asia).</param>
/// <param name="NameEn">English name, as in the M49 standard.</param>
/// <param name="NameZh">Chinese name.</param>
public sealed record Region(string M49, string NameEn, string NameZh);

/// <summary>
/// The M49 region (Africa, Americas, Asia, Europe, Oceania) and sub-region of each of the 195 states of
/// <see cref="CountryRegistry"/>, from the embedded <c>un-m49-regions.csv</c> (columns
/// <c>iso3,region_m49,region_en,region_zh,subregion_m49,subregion_en,subregion_zh</c>; sources in
/// <c>Countries/un-m49-regions.SOURCES.md</c>). The country grids of the vote (docs/voting.md §5) are laid out by it.
/// </summary>
public sealed class CountryRegions
{
    private const string ResourceName = "ResolutionArchive.Parsing.Countries.un-m49-regions.csv";
    private static readonly Lazy<CountryRegions> DefaultInstance = new(Load);
    private readonly Dictionary<string, (Region Region, Region SubRegion)> _byIso3;

    private CountryRegions(Dictionary<string, (Region Region, Region SubRegion)> byIso3) => _byIso3 = byIso3;

    /// <summary>The table built into the assembly.</summary>
    public static CountryRegions Default => DefaultInstance.Value;

    /// <summary>The region and sub-region of a state; null for a code not in the table.</summary>
    public (Region Region, Region SubRegion)? Of(string iso3) => _byIso3.TryGetValue(iso3, out var found) ? found : null;

    /// <summary>The regions, each with its sub-regions and their states (ISO3, in the registry's order), ordered by M49 code.</summary>
    public IReadOnlyList<(Region Region, IReadOnlyList<(Region SubRegion, IReadOnlyList<string> Iso3)> SubRegions)> Tree() =>
        _byIso3.GroupBy(x => x.Value.Region.M49)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.First().Value.Region, (IReadOnlyList<(Region, IReadOnlyList<string>)>)g
                .GroupBy(x => x.Value.SubRegion.M49)
                .OrderBy(s => s.Key, StringComparer.Ordinal)
                .Select(s => (s.First().Value.SubRegion, (IReadOnlyList<string>)s.Select(x => x.Key).OrderBy(i => i, StringComparer.Ordinal).ToList()))
                .ToList()))
            .ToList();

    private static CountryRegions Load()
    {
        using var stream = typeof(CountryRegions).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        return new CountryRegions(csv.GetRecords<Row>().ToDictionary(
            r => r.Iso3,
            r => (new Region(r.RegionM49, r.RegionEn, r.RegionZh), new Region(r.SubRegionM49, r.SubRegionEn, r.SubRegionZh)),
            StringComparer.Ordinal));
    }

    private sealed class Row
    {
        [Name("iso3")]
        public string Iso3 { get; set; } = "";

        [Name("region_m49")]
        public string RegionM49 { get; set; } = "";

        [Name("region_en")]
        public string RegionEn { get; set; } = "";

        [Name("region_zh")]
        public string RegionZh { get; set; } = "";

        [Name("subregion_m49")]
        public string SubRegionM49 { get; set; } = "";

        [Name("subregion_en")]
        public string SubRegionEn { get; set; } = "";

        [Name("subregion_zh")]
        public string SubRegionZh { get; set; } = "";
    }
}
