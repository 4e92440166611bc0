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
public sealed partial class CountryRegistry
{
    private const string ResourceName = "ResolutionArchive.Parsing.Countries.un-member-states.csv";
    private static readonly Lazy<CountryRegistry> DefaultInstance = new(Load);

    private readonly Dictionary<string, Country> _byIso3;
    private readonly Dictionary<string, Country> _byChineseName;
    private readonly Dictionary<string, Country> _byEnglishName;

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

        _byEnglishName = new Dictionary<string, Country>(StringComparer.Ordinal);
        foreach (var country in countries)
        {
            foreach (var key in EnglishKeys(country.NameEn))
            {
                _byEnglishName.TryAdd(key, country);
            }
        }

        foreach (var (alias, iso3) in EnglishAliases)
        {
            if (_byIso3.TryGetValue(iso3, out var country))
            {
                _byEnglishName.TryAdd(NormalizeEnglishName(alias), country);
            }
        }
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
    /// The state whose English name equals <paramref name="name"/> after <see cref="NormalizeEnglishName"/>, or null.
    /// Accepted: the CSV's <c>name_en</c> (UNTERM short name) in any letter case and with or without diacritics
    /// (<c>Côte d'Ivoire</c>, <c>CÔTE D'IVOIRE</c>, <c>COTE D'IVOIRE</c>; <c>Türkiye</c>, <c>TÜRKİYE</c>); with a leading
    /// <c>the</c> or a trailing <c>(the)</c>; a bracketed qualifier either kept, moved in front or dropped
    /// (<c>Bolivia (Plurinational State of)</c>, <c>Plurinational State of Bolivia</c>, <c>Bolivia</c>); and the
    /// UN's other English forms listed in <see cref="EnglishAliases"/> (<c>UNITED KINGDOM</c> → GBR).
    /// </summary>
    /// <param name="name">An English state name as printed in UN vote lists, sponsor lists or metadata.</param>
    public Country? FindByEnglishName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = NormalizeEnglishName(name);
        return key.Length == 0 ? null : _byEnglishName.GetValueOrDefault(key);
    }

    /// <summary>
    /// English names the UN prints that differ from the CSV's <c>name_en</c> even after normalisation, with the ISO
    /// alpha-3 code each stands for. Derived by resolving every name in the vote lists (<c>MS_in_favour</c>,
    /// <c>MS_against</c>, <c>MS_abstaining</c>) and sponsor lists of <c>shared/corpus/unxml-ga/*.metadata.jsonl</c> and
    /// every <c>akn4un:voters/organization</c> of the 630 AKN4UN files of sessions 75–76, and adding each that failed
    /// (docs/input-formats.md §7.9): the vote lists' short forms <c>UNITED KINGDOM</c>, <c>UNITED STATES</c> and the
    /// pre-2022 <c>TURKEY</c>; earlier UNTERM short names (<c>Czech Republic</c>, <c>Swaziland</c>,
    /// <c>The former Yugoslav Republic of Macedonia</c>) for older texts.
    /// </summary>
    public static IReadOnlyList<(string Alias, string Iso3)> EnglishAliases { get; } =
    [
        ("United Kingdom", "GBR"),
        ("United Kingdom of Great Britain and Northern Ireland", "GBR"),
        ("United States", "USA"),
        ("Turkey", "TUR"),
        ("Czech Republic", "CZE"),
        ("Swaziland", "SWZ"),
        ("The former Yugoslav Republic of Macedonia", "MKD"),
        ("Democratic Republic of Congo", "COD"),
        ("Republic of the Congo", "COG"),
        ("Cape Verde", "CPV"),
        ("Ivory Coast", "CIV"),
        ("Holy See (Vatican City State)", "VAT"),
        ("Palestine", "PSE"),
    ];

    /// <summary>
    /// Normal form for comparing English country names: the dotted and dotless I (<c>İ</c>, <c>ı</c>) folded to I,
    /// diacritics removed (canonical decomposition, combining marks dropped), upper case (invariant culture), typographic
    /// apostrophes (<c>’</c>) as <c>'</c>, white space runs as one space and none around a hyphen (<c>Guinea -Bissau</c>), a leading <c>THE </c> and a trailing
    /// <c>(THE)</c> removed, brackets with a space before them (<c>BOLIVIA (PLURINATIONAL STATE OF)</c>).
    /// </summary>
    /// <param name="name">Any English name.</param>
    /// <returns>The normal form; empty for a name of white space only.</returns>
    public static string NormalizeEnglishName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var folded = name.Replace('İ', 'I').Replace('ı', 'i').Normalize(System.Text.NormalizationForm.FormD);
        var builder = new System.Text.StringBuilder(folded.Length);
        foreach (var ch in folded)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(ch) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            builder.Append(ch switch
            {
                '\u2019' or '\u2018' or '`' or '\u00b4' => '\'',
                '（' => '(',
                '）' => ')',
                _ => char.IsWhiteSpace(ch) ? ' ' : char.ToUpperInvariant(ch),
            });
        }

        var result = builder.ToString();
        result = EnglishOpenBracket().Replace(result, " (");
        result = EnglishCloseBracket().Replace(result, ")");
        result = EnglishWhiteSpace().Replace(result, " ").Replace(" -", "-", StringComparison.Ordinal).Replace("- ", "-", StringComparison.Ordinal).Trim();
        if (result.EndsWith(" (THE)", StringComparison.Ordinal))
        {
            result = result[..^6];
        }

        if (result.StartsWith("THE ", StringComparison.Ordinal))
        {
            result = result[4..];
        }

        return result;
    }

    /// <summary>The lookup keys of one CSV <c>name_en</c>: itself, and for <c>X (Y of)</c> also <c>Y of X</c> and <c>X</c>.</summary>
    private static IEnumerable<string> EnglishKeys(string nameEn)
    {
        var key = NormalizeEnglishName(nameEn);
        yield return key;
        var open = key.IndexOf(" (", StringComparison.Ordinal);
        if (open > 0 && key.EndsWith(')'))
        {
            var head = key[..open];
            var qualifier = key[(open + 2)..^1];
            yield return $"{qualifier} {head}";
            yield return head;
        }
    }

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

    [System.Text.RegularExpressions.GeneratedRegex(@"\s*\(\s*")]
    private static partial System.Text.RegularExpressions.Regex EnglishOpenBracket();

    [System.Text.RegularExpressions.GeneratedRegex(@"\s*\)")]
    private static partial System.Text.RegularExpressions.Regex EnglishCloseBracket();

    [System.Text.RegularExpressions.GeneratedRegex(@"\s+")]
    private static partial System.Text.RegularExpressions.Regex EnglishWhiteSpace();

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
