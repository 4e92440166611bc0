using ResolutionArchive.Parsing.Countries;
using ResolutionArchive.Parsing.Diagnostics;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Parsing.Parsers;

/// <summary>
/// Resolves the sponsor list of a draft (input-formats §2.7): names as in vote lists (§4.4), each possibly followed by
/// <c>*</c>, the marker of the note 非人权理事会成员国 ("not a member of the Human Rights Council").
/// </summary>
internal static class SponsorBuilder
{
    public static (IReadOnlyList<Sponsor> Sponsors, bool Starred) Build(Header header, CountryRegistry registry, string file, List<ParseDiagnostic> diagnostics)
    {
        if (header.SponsorList is null)
        {
            return ([], false);
        }

        var countries = CountryListParser.Parse(header.SponsorList, registry);
        foreach (var unknown in countries.Where(c => c.Country is null))
        {
            diagnostics.Add(new ParseDiagnostic(file, header.SponsorLine, $"expected UN member or observer state names in the sponsor list, found an unknown name: {unknown.Name} (kept without a country code)", DiagnosticSeverity.Warning));
        }

        var sponsors = countries.Select(c => new Sponsor(c.Country?.Iso3, !c.Starred, c.Name)).ToList();
        return (sponsors, countries.Any(c => c.Starred));
    }
}
