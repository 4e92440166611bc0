using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using ResolutionArchive.Data;
using ResolutionArchive.Data.Voting;
using ResolutionArchive.Parsing.Countries;

namespace ResolutionArchive.Web.Pages.Countries;

/// <summary>
/// <c>/countries/{first}/compare/{second}</c> (docs/voting.md §3): every recorded vote of the archive with the parts of
/// both states side by side, newest first, each row marked same / different / not shared, and the agreement figure
/// the country pages show (same positions over the votes both cast). Codes in any case; other cases redirect; an
/// unknown code is a 404.
/// </summary>
public sealed class CompareModel(ArchiveDbContext db, VotingRecords voting) : PageModel
{
    /// <summary>The first code as requested.</summary>
    [BindProperty(SupportsGet = true)]
    public string First { get; set; } = "";

    /// <summary>The second code as requested.</summary>
    [BindProperty(SupportsGet = true)]
    public string Second { get; set; } = "";

    /// <summary>The first state.</summary>
    public Country A { get; private set; } = null!;

    /// <summary>The second state.</summary>
    public Country B { get; private set; } = null!;

    /// <summary>Every recorded vote with both parts, newest first.</summary>
    public IReadOnlyList<(RecordedVote Vote, CountryVote First, CountryVote Second)> Rows { get; private set; } = [];

    /// <summary>The agreement over the shared votes.</summary>
    public Agreement Agreement { get; private set; } = new("", 0, 0);

    /// <summary>Loads both states' records.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var a = CountryRegistry.Default.FindByIso3((First ?? "").ToUpperInvariant());
        var b = CountryRegistry.Default.FindByIso3((Second ?? "").ToUpperInvariant());
        if (a is null || b is null)
        {
            return NotFound();
        }

        if (First != a.Iso3 || Second != b.Iso3)
        {
            return RedirectPermanent($"/countries/{a.Iso3}/compare/{b.Iso3}");
        }

        (A, B) = (a, b);
        var archive = await voting.GetAsync(db, cancellationToken);
        var rows = archive.Compare(a.Iso3, b.Iso3).ToList();
        rows.Reverse();
        Rows = rows;
        var shared = rows.Where(r => IsCast(r.First) && IsCast(r.Second)).ToList();
        Agreement = new Agreement(b.Iso3, shared.Count, shared.Count(r => r.First == r.Second));
        return Page();
    }

    /// <summary>True for in favour, against or abstaining: a position the agreement counts.</summary>
    public static bool IsCast(CountryVote vote) => vote <= CountryVote.Abstaining;
}
