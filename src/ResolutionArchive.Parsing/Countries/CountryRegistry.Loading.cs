using System.Globalization;
using CsvHelper;
using CsvHelper.Configuration;
using CsvHelper.Configuration.Attributes;

namespace ResolutionArchive.Parsing.Countries;

/// <summary>
/// Loading the registry from its three embedded CSV files (<c>Countries/states.csv</c>, <c>Countries/state-names.csv</c>,
/// <c>Countries/hrc-membership.csv</c>; their columns and sources in <c>Countries/SOURCES.md</c>) through CsvHelper.
/// A file that does not match its columns, a state without a name, an unknown status, kind or regional group throws
/// <see cref="InvalidOperationException"/> (or CsvHelper's own exception) at the first use of
/// <see cref="CountryRegistry.Default"/>: the data ships in the assembly, so that is a build defect, never input.
/// </summary>
public sealed partial class CountryRegistry
{
    private static CountryRegistry Load()
    {
        var names = Read<NameRow>("state-names.csv").GroupBy(r => r.Iso3, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(r => new StateName(r.Language, Enum.Parse<StateNameKind>(r.Kind, ignoreCase: true), r.Name, Date(r.ValidFrom), Date(r.ValidTo)))
                .OrderBy(n => n.Kind).ToList(), StringComparer.Ordinal);
        var states = Read<StateRow>("states.csv").Select(r =>
        {
            var own = names.GetValueOrDefault(r.Iso3) ?? throw new InvalidOperationException($"state-names.csv has no name of {r.Iso3}");
            var en = own.FirstOrDefault(n => n.Kind == StateNameKind.Official && n.Language == "en" && n.ValidTo is null) ?? own.Last(n => n.Kind == StateNameKind.Official && n.Language == "en");
            var zh = own.FirstOrDefault(n => n.Kind == StateNameKind.Official && n.Language == "zh" && n.ValidTo is null) ?? own.Last(n => n.Kind == StateNameKind.Official && n.Language == "zh");
            return new Country(r.Iso2, r.Iso3, r.M49, en.Name, zh.Name, own.Where(n => n.Language == "zh" && n != zh).Select(n => n.Name).Distinct().ToList())
            {
                Status = Enum.Parse<StateStatus>(r.Status, ignoreCase: true),
                RegionalGroup = Group(r.RegionalGroup),
                Admitted = Date(r.Admitted),
                Left = Date(r.Left),
                OtherCodes = r.OtherCodes.Split('|', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
                Note = r.Note.Length == 0 ? null : r.Note,
                Names = own,
            };
        }).OrderBy(c => c.Status == StateStatus.Former).ToList();
        var terms = Read<TermRow>("hrc-membership.csv")
            .Select(r => new CouncilTerm(r.Iso3, Date(r.Start)!.Value, Date(r.End)!.Value, Group(r.Group)!.Value, r.Note.Length == 0 ? null : r.Note))
            .ToList();
        return new CountryRegistry(states, terms);
    }

    /// <summary>The group named as in the CSV files (<c>Western European and other</c>); null for an empty cell.</summary>
    public static RegionalGroup? Group(string name) => name.Trim() switch
    {
        "" => null,
        "African" => RegionalGroup.African,
        "Asia-Pacific" => RegionalGroup.AsiaPacific,
        "Eastern European" => RegionalGroup.EasternEuropean,
        "Latin American and Caribbean" => RegionalGroup.LatinAmericanAndCaribbean,
        "Western European and other" => RegionalGroup.WesternEuropeanAndOther,
        _ => throw new InvalidOperationException($"unknown regional group '{name}' in the country registry"),
    };

    private static DateOnly? Date(string value) =>
        value.Length == 0 ? null : DateOnly.ParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static List<T> Read<T>(string file)
    {
        using var stream = typeof(CountryRegistry).Assembly.GetManifestResourceStream(Prefix + file)
            ?? throw new InvalidOperationException($"Embedded resource {Prefix + file} is missing from the build.");
        using var reader = new StreamReader(stream);
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        return csv.GetRecords<T>().ToList();
    }

    private sealed class StateRow
    {
        [Name("iso2")] public string Iso2 { get; set; } = "";
        [Name("iso3")] public string Iso3 { get; set; } = "";
        [Name("m49")] public string M49 { get; set; } = "";
        [Name("status")] public string Status { get; set; } = "";
        [Name("regional_group")] public string RegionalGroup { get; set; } = "";
        [Name("admitted")] public string Admitted { get; set; } = "";
        [Name("left")] public string Left { get; set; } = "";
        [Name("other_codes")] public string OtherCodes { get; set; } = "";
        [Name("note")] public string Note { get; set; } = "";
    }

    private sealed class NameRow
    {
        [Name("iso3")] public string Iso3 { get; set; } = "";
        [Name("lang")] public string Language { get; set; } = "";
        [Name("kind")] public string Kind { get; set; } = "";
        [Name("name")] public string Name { get; set; } = "";
        [Name("valid_from")] public string ValidFrom { get; set; } = "";
        [Name("valid_to")] public string ValidTo { get; set; } = "";
    }

    private sealed class TermRow
    {
        [Name("iso3")] public string Iso3 { get; set; } = "";
        [Name("term_start")] public string Start { get; set; } = "";
        [Name("term_end")] public string End { get; set; } = "";
        [Name("regional_group")] public string Group { get; set; } = "";
        [Name("note")] public string Note { get; set; } = "";
    }
}
