using System.Globalization;

namespace ResolutionArchive.Parsing.Countries;

/// <summary>
/// The country registry (input-formats §4.4, §7.9): every UN member state, the two observer states and the former
/// members, with their official English and Chinese names over time, aliases, regional group, dates of membership and
/// Human Rights Council terms. Loaded from three CSV files embedded in the assembly (<c>Countries/states.csv</c>,
/// <c>Countries/state-names.csv</c>, <c>Countries/hrc-membership.csv</c>; sources in <c>Countries/SOURCES.md</c>):
/// no name or alias is written in C#. Names are compared after <see cref="NormalizeName"/> (Chinese) or
/// <see cref="NormalizeEnglishName"/> (English), and a name borne by two states at different times (<c>Yugoslavia</c>)
/// resolves to the one that bore it on the date asked.
/// </summary>
public sealed partial class CountryRegistry
{
    private const string Prefix = "ResolutionArchive.Parsing.Countries.";
    private static readonly Lazy<CountryRegistry> DefaultInstance = new(Load);

    private readonly Dictionary<string, Country> _byIso3;
    private readonly Dictionary<string, List<(Country Country, StateName Name)>> _byChineseName = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(Country Country, StateName Name)>> _byEnglishName = new(StringComparer.Ordinal);
    private readonly IReadOnlyList<CouncilTerm> _councilTerms;

    private CountryRegistry(IReadOnlyList<Country> states, IReadOnlyList<CouncilTerm> councilTerms)
    {
        AllStates = states;
        Countries = states.Where(c => c.Status != StateStatus.Former).ToList();
        _councilTerms = councilTerms;
        _byIso3 = new Dictionary<string, Country>(StringComparer.OrdinalIgnoreCase);
        foreach (var state in states)
        {
            _byIso3.TryAdd(state.Iso3, state);
            foreach (var other in state.OtherCodes)
            {
                _byIso3.TryAdd(other, state);
            }

            foreach (var name in state.Names)
            {
                if (name.Language == "zh")
                {
                    Add(_byChineseName, NormalizeName(name.Name), state, name);
                }
                else
                {
                    foreach (var key in EnglishKeys(name.Name))
                    {
                        Add(_byEnglishName, key, state, name);
                    }
                }
            }
        }

        LongestChineseName = _byChineseName.Keys.Max(k => k.Length);

        static void Add(Dictionary<string, List<(Country, StateName)>> index, string key, Country state, StateName name)
        {
            if (!index.TryGetValue(key, out var list))
            {
                index[key] = list = [];
            }

            list.Add((state, name));
        }
    }

    /// <summary>
    /// A fingerprint of the embedded registry: the first 16 hex digits of the SHA-256 of its three CSV files. It changes
    /// whenever a name, a date or a term is corrected, so that an archive knows its records were derived with another
    /// registry and derives them again (the Data project's <c>ArchiveDatabase.UpgradeAsync</c>).
    /// </summary>
    public static string DataVersion { get; } = ComputeDataVersion();

    private static string ComputeDataVersion()
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var file in new[] { "states.csv", "state-names.csv", "hrc-membership.csv" })
        {
            using var stream = typeof(CountryRegistry).Assembly.GetManifestResourceStream(Prefix + file)
                ?? throw new InvalidOperationException($"Embedded resource {Prefix + file} is missing from the build.");
            using var memory = new MemoryStream();
            stream.CopyTo(memory);
            hash.AppendData(memory.ToArray());
        }

        return Convert.ToHexStringLower(hash.GetHashAndReset())[..16];
    }

    /// <summary>The registry built from the embedded CSV files, loaded once.</summary>
    public static CountryRegistry Default => DefaultInstance.Value;

    /// <summary>The 193 member states and the 2 observer states, in English alphabetical order (former members left out).</summary>
    public IReadOnlyList<Country> Countries { get; }

    /// <summary>Every state of the registry, the former members after the others.</summary>
    public IReadOnlyList<Country> AllStates { get; }

    /// <summary>Every Human Rights Council term since the Council's first session (2006-06-19).</summary>
    public IReadOnlyList<CouncilTerm> CouncilTerms => _councilTerms;

    /// <summary>Length in UTF-16 units of the longest normalised Chinese name or alias.</summary>
    public int LongestChineseName { get; }

    /// <summary>The state with this ISO 3166-1 alpha-3 code or earlier code (case-insensitive), or null.</summary>
    public Country? FindByIso3(string iso3) => _byIso3.GetValueOrDefault(iso3);

    /// <summary>
    /// The state one of whose Chinese names (official at any time, alias or common form) equals <paramref name="name"/>
    /// after normalisation, or null. When two states bore the name, the one bearing it on <paramref name="date"/>.
    /// </summary>
    public Country? FindByChineseName(string name, DateOnly? date = null) => Pick(_byChineseName.GetValueOrDefault(NormalizeName(name)), date);

    /// <summary>
    /// The state whose English name equals <paramref name="name"/> after <see cref="NormalizeEnglishName"/>, or null.
    /// Accepted: every English row of <c>state-names.csv</c> (official names of any date, aliases such as
    /// <c>UNITED KINGDOM</c>, the UN's own misspellings) in any letter case and with or without diacritics
    /// (<c>Côte d'Ivoire</c>, <c>COTE D'IVOIRE</c>; <c>Türkiye</c>, <c>TÜRKİYE</c>); with a leading <c>the</c> or a
    /// trailing <c>(the)</c>; a bracketed qualifier kept, moved in front or dropped (<c>Bolivia (Plurinational State
    /// of)</c>, <c>Plurinational State of Bolivia</c>, <c>Bolivia</c>; <c>Netherlands (Kingdom of the)</c>, <c>Kingdom
    /// of the Netherlands</c>). When two states bore the name, the one bearing it on <paramref name="date"/>.
    /// </summary>
    /// <param name="name">An English state name as printed in UN vote lists, sponsor lists or metadata.</param>
    /// <param name="date">The date of the text, to choose between states that bore the same name; null for today.</param>
    public Country? FindByEnglishName(string name, DateOnly? date = null)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = NormalizeEnglishName(name);
        return key.Length == 0 ? null : Pick(_byEnglishName.GetValueOrDefault(key), date);
    }

    /// <summary>
    /// The one state whose English name is a single edit away from <paramref name="name"/> (a letter added, dropped,
    /// changed or two swapped: <c>Nambia</c>, <c>Qata</c>), for names of 5 letters or more; null when none is, or when
    /// two are (input-formats §7.9). A match is a guess: the caller reports it as a warning.
    /// </summary>
    public Country? FindMisspeltEnglishName(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var key = NormalizeEnglishName(name);
        if (key.Length < 5)
        {
            return null;
        }

        Country? found = null;
        foreach (var (candidate, entries) in _byEnglishName)
        {
            if (Math.Abs(candidate.Length - key.Length) <= 1 && OneEditApart(key, candidate))
            {
                var state = entries[0].Country;
                if (found is not null && found != state)
                {
                    return null;
                }

                found = state;
            }
        }

        return found;
    }

    /// <summary>
    /// The members of <paramref name="body"/> on <paramref name="date"/>, in registry order: the states that were UN
    /// members that day for the General Assembly (<see cref="Country.IsUnMemberOn"/>; observers are not members), the
    /// Council's members that day for the Human Rights Council (<see cref="CouncilTerms"/>). Empty for a Council date
    /// before 2006-06-19 or after the last term the registry holds.
    /// </summary>
    public IReadOnlyList<Country> MembersOn(Syntax.Body body, DateOnly date)
    {
        if (body == Syntax.Body.GA)
        {
            return AllStates.Where(c => c.IsUnMemberOn(date)).ToList();
        }

        var members = _councilTerms.Where(t => t.Start <= date && date <= t.End).Select(t => t.Iso3).ToHashSet(StringComparer.Ordinal);
        return AllStates.Where(c => members.Contains(c.Iso3)).ToList();
    }

    /// <summary>True when the registry holds the Council's membership on <paramref name="date"/>.</summary>
    public bool KnowsCouncilOn(DateOnly date) => _councilTerms.Any(t => t.Start <= date && date <= t.End);

    /// <summary>
    /// The state a name stands for: on <paramref name="date"/>, the one whose row of that name covers the date (a UN
    /// member that day before a state that was not); without a date or a covering row, today's bearer of the name as
    /// an official name, then any official bearer, then the first state with it as an alias.
    /// </summary>
    private static Country? Pick(List<(Country Country, StateName Name)>? entries, DateOnly? date)
    {
        if (entries is null || entries.Count == 0)
        {
            return null;
        }

        if (date is { } on && entries.Where(e => e.Name.Covers(on) && (e.Name.ValidFrom is not null || e.Name.ValidTo is not null)).ToList() is { Count: > 0 } covering)
        {
            return (covering.FirstOrDefault(e => e.Country.IsUnMemberOn(on)) is { Country: not null } member ? member : covering[0]).Country;
        }

        return entries.FirstOrDefault(e => e.Name.Kind == StateNameKind.Official && e.Name.ValidTo is null && e.Country.Status != StateStatus.Former).Country
            ?? entries.FirstOrDefault(e => e.Name.Kind == StateNameKind.Official).Country
            ?? entries[0].Country;
    }

    /// <summary>True when <paramref name="a"/> becomes <paramref name="b"/> by one insertion, deletion, substitution or
    /// swap of two adjacent characters (optimal string alignment distance 1).</summary>
    private static bool OneEditApart(string a, string b)
    {
        if (a == b)
        {
            return false;
        }

        var i = 0;
        while (i < a.Length && i < b.Length && a[i] == b[i])
        {
            i++;
        }

        if (a.Length == b.Length)
        {
            return a.AsSpan(i + 1).SequenceEqual(b.AsSpan(i + 1))
                || (i + 1 < a.Length && a[i] == b[i + 1] && a[i + 1] == b[i] && a.AsSpan(i + 2).SequenceEqual(b.AsSpan(i + 2)));
        }

        return a.Length + 1 == b.Length ? a.AsSpan(i).SequenceEqual(b.AsSpan(i + 1)) : b.AsSpan(i).SequenceEqual(a.AsSpan(i + 1));
    }

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
}
