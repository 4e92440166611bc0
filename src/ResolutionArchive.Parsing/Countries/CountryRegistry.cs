using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using CsvHelper.Configuration.Attributes;

namespace ResolutionArchive.Parsing.Countries;

/// <summary>
/// The 193 UN member states and 2 observer states, looked up by ISO code or by Chinese name (official short name
/// or alias). Loaded from the embedded copy of <c>un-member-states.csv</c>; names are compared after
/// <see cref="NormalizeName"/> so that the layout's line breaks and full/half-width brackets do not matter
/// (input-formats §4.4).
/// </summary>
public sealed class CountryRegistry
{
    private const string ResourceName = "ResolutionArchive.Parsing.Countries.un-member-states.csv";
    private static readonly Lazy<CountryRegistry> DefaultInstance = new(Load);

    private readonly Dictionary<string, Country> _byIso3;
    private readonly Dictionary<string, Country> _byChineseName;

    private CountryRegistry(IReadOnlyList<Country> countries)
    {
        Countries = countries;
        _byIso3 = countries.ToDictionary(c => c.Iso3, StringComparer.OrdinalIgnoreCase);
        _byChineseName = new Dictionary<string, Country>(StringComparer.Ordinal);
        foreach (var country in countries)
        {
            foreach (var name in country.AliasesZh.Prepend(country.NameZh))
            {
                _byChineseName.TryAdd(NormalizeName(name), country);
            }
        }

        LongestChineseName = _byChineseName.Keys.Max(k => k.Length);
    }

    /// <summary>The registry built from the embedded CSV (195 rows), loaded once.</summary>
    public static CountryRegistry Default => DefaultInstance.Value;

    /// <summary>Every state, in the CSV's order (English alphabetical).</summary>
    public IReadOnlyList<Country> Countries { get; }

    /// <summary>Length in UTF-16 units of the longest normalised Chinese name or alias.</summary>
    public int LongestChineseName { get; }

    /// <summary>The state with this ISO 3166-1 alpha-3 code (case-insensitive), or null.</summary>
    public Country? FindByIso3(string iso3) => _byIso3.GetValueOrDefault(iso3);

    /// <summary>
    /// The state whose official Chinese short name or alias equals <paramref name="name"/> after normalisation, or null.
    /// </summary>
    public Country? FindByChineseName(string name) => _byChineseName.GetValueOrDefault(NormalizeName(name));

    /// <summary>
    /// Normal form for comparing Chinese country names: all white space removed (names broken across lines,
    /// <c>黑\n山</c>), full-width brackets folded to ASCII ones.
    /// </summary>
    public static string NormalizeName(string name)
    {
        var builder = new System.Text.StringBuilder(name.Length);
        foreach (var ch in name)
        {
            if (char.IsWhiteSpace(ch))
            {
                continue;
            }

            builder.Append(ch switch
            {
                '（' => '(',
                '）' => ')',
                _ => ch,
            });
        }

        return builder.ToString();
    }

    private static CountryRegistry Load()
    {
        using var stream = typeof(CountryRegistry).Assembly.GetManifestResourceStream(ResourceName)
            ?? throw new InvalidOperationException($"Embedded resource {ResourceName} is missing from the build.");
        using var reader = new StreamReader(stream);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        var countries = csv.GetRecords<Row>()
            .Select(r => new Country(
                r.Iso2,
                r.Iso3,
                r.M49,
                r.NameEn,
                r.NameZh,
                r.AliasesZh.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)))
            .ToList();
        return new CountryRegistry(countries);
    }

    /// <summary>One CSV row, columns <c>iso2,iso3,m49,name_en,name_zh,aliases_zh</c>.</summary>
    private sealed class Row
    {
        [Name("iso2")]
        public string Iso2 { get; set; } = "";

        [Name("iso3")]
        public string Iso3 { get; set; } = "";

        [Name("m49")]
        public string M49 { get; set; } = "";

        [Name("name_en")]
        public string NameEn { get; set; } = "";

        [Name("name_zh")]
        public string NameZh { get; set; } = "";

        [Name("aliases_zh")]
        public string AliasesZh { get; set; } = "";
    }
}
