using Microsoft.AspNetCore.Mvc.RazorPages;
using ResolutionArchive.Data;
using ResolutionArchive.Data.Search;
using ResolutionArchive.Data.Voting;
using ResolutionArchive.Parsing.Countries;
using ResolutionArchive.Web.Api;
using ResolutionArchive.Web.Presentation;

namespace ResolutionArchive.Web.Pages.Search;

/// <summary>
/// <c>/search/votes?q=…</c> (docs/voting.md §9): how the states voted on the recorded votes of the resolutions whose
/// text matches a search — one row per state, grouped by UN regional group, sortable by name or by any count
/// (<c>sort</c>: <c>name</c>, <c>yes</c>, <c>no</c> (the default), <c>abstain</c>, <c>non-voting</c>; counts highest first),
/// with the CSV of the same table. The parameters and their 400s are those of <c>/api/search/votes</c>.
/// </summary>
public sealed class VotesModel(ArchiveDbContext db, ArchiveSearch search, VotingRecords voting) : PageModel
{
    /// <summary>The sort keys, in the order of the table's columns.</summary>
    public static IReadOnlyList<string> SortKeys { get; } = ["name", "yes", "no", "abstain", "non-voting"];

    /// <summary>The search's parameters.</summary>
    internal SearchParameters Parameters { get; private set; } = SearchParameters.Read(_ => null, []);

    /// <summary>Why the search cannot run (the page answers 400), or null.</summary>
    public string? Problem { get; private set; }

    /// <summary>How many resolutions match.</summary>
    public int Matched { get; private set; }

    /// <summary>The tally; null when there is a problem.</summary>
    public PhraseVoteTally? Tally { get; private set; }

    /// <summary>The sort in force.</summary>
    public string Sort { get; private set; } = "no";

    /// <summary>The query as typed, displayable.</summary>
    public string QueryText => IndexModel.Displayable(Parameters.Query.Raw);

    /// <summary>The rows by regional group (the five groups in the registry's order, then the states in none), sorted.</summary>
    public IReadOnlyList<(RegionalGroup? Group, IReadOnlyList<StateTally> States)> Groups { get; private set; } = [];

    /// <summary>Loads the page.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var sort = SearchParameters.First(Request.Query, "sort");
        Sort = SortKeys.Contains(sort) ? sort! : "no";
        (Problem, Parameters, Matched, Tally) = await SearchVotes.RunAsync(HttpContext, db, search, voting, cancellationToken);
        if (Problem is not null)
        {
            Response.StatusCode = StatusCodes.Status400BadRequest;
            return;
        }

        Func<StateTally, int> count = Sort switch
        {
            "yes" => s => s.Yes,
            "abstain" => s => s.Abstain,
            "non-voting" => s => s.NonVoting,
            _ => s => s.No,
        };
        IEnumerable<StateTally> Ordered(IEnumerable<StateTally> states) => Sort == "name"
            ? states.OrderBy(s => Labels.CountryName(s.Iso3), UiCulture.IsEnglish ? StringComparer.OrdinalIgnoreCase : StringComparer.Ordinal)
            : states.OrderByDescending(count).ThenBy(s => s.Iso3, StringComparer.Ordinal);
        Groups = Tally!.States.GroupBy(s => CountryRegistry.Default.FindByIso3(s.Iso3)?.RegionalGroup)
            .OrderBy(g => g.Key is null).ThenBy(g => g.Key)
            .Select(g => (g.Key, (IReadOnlyList<StateTally>)Ordered(g).ToList())).ToList();
    }

    /// <summary>This page's URL with another sort.</summary>
    public string SortHref(string sort) => Parameters.Href("/search/votes") + (sort == "no" ? "" : "&sort=" + sort);

    /// <summary>The CSV of this table.</summary>
    public string CsvHref => Parameters.Href(SearchVotes.CsvPath);
}
