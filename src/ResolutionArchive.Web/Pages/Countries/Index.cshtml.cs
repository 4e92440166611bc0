using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResolutionArchive.Data;
using ResolutionArchive.Data.Search;
using ResolutionArchive.Data.Voting;
using ResolutionArchive.Parsing.Countries;
using ResolutionArchive.Web.Presentation;

namespace ResolutionArchive.Web.Pages.Countries;

/// <summary>
/// <c>/countries</c> (docs/voting.md): the 193 UN member states and the 2 observer states with their official Chinese
/// name, English name, ISO code and number of recorded votes in the archive, in the registry's (English alphabetical)
/// order. <c>?q=</c> narrows the list: a code (ISO3 or ISO2, any case) matches exactly; otherwise the text is looked
/// for in the Chinese name, the Chinese aliases and the English name (normalised as the search does, docs/search.md
/// §1, so case and full-width forms do not matter). Works without script.
/// </summary>
public sealed class IndexModel(ArchiveDbContext db, VotingRecords voting) : PageModel
{
    /// <summary>The text typed, trimmed (at most 100 characters are used).</summary>
    public string Query { get; private set; } = "";

    /// <summary>The states shown, each with its number of recorded votes.</summary>
    public IReadOnlyList<(Country Country, int Votes)> Countries { get; private set; } = [];

    /// <summary>Recorded votes in the archive.</summary>
    public int RecordedVotes { get; private set; }

    /// <summary>Loads the list.</summary>
    public async Task OnGetAsync([FromQuery(Name = "q")] string? q, CancellationToken cancellationToken)
    {
        Query = (q ?? "").Trim();
        if (Query.Length > 100)
        {
            Query = Query[..100];
        }

        var archive = await voting.GetAsync(db, cancellationToken);
        RecordedVotes = archive.Votes.Count;
        // in the interface's language's order: Chinese names by pinyin (ICU's zh-CN collation), English names alphabetically
        var order = UiCulture.IsEnglish
            ? Matching(Query).OrderBy(c => c.NameEn, StringComparer.Create(CultureInfo.GetCultureInfo("en"), ignoreCase: true))
            : Matching(Query).OrderBy(c => c.NameZh, StringComparer.Create(CultureInfo.GetCultureInfo("zh-CN"), ignoreCase: false));
        Countries = order.Select(c => (c, archive.CastCount(c.Iso3))).ToList();
    }

    /// <summary>The states matching <paramref name="query"/> (all when empty).</summary>
    public static IEnumerable<Country> Matching(string query)
    {
        ArgumentNullException.ThrowIfNull(query);
        var all = CountryRegistry.Default.Countries;
        if (query.Length == 0)
        {
            return all;
        }

        var byCode = all.Where(c => string.Equals(c.Iso3, query, StringComparison.OrdinalIgnoreCase) || string.Equals(c.Iso2, query, StringComparison.OrdinalIgnoreCase)).ToList();
        if (byCode.Count > 0)
        {
            return byCode;
        }

        var needle = SearchText.Normalize(query);
        return all.Where(c => new[] { c.NameZh, c.NameEn }.Concat(c.AliasesZh).Any(name => SearchText.Normalize(name).Contains(needle, StringComparison.Ordinal)));
    }
}
