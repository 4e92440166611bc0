using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResolutionArchive.Data;
using ResolutionArchive.Data.Entities;
using ResolutionArchive.Parsing.Countries;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Web.Pages.Countries;

/// <summary>
/// A state's page, <c>/countries/{ISO3}</c> (ISO 3166-1 alpha-3, any case; lower case redirects): its names and
/// codes from the country registry and every recorded vote the archive holds for it, newest first. The fuller
/// voting record (absences, agreement, sponsorship, charts) is issue 6; this page is what vote lists link to.
/// </summary>
public sealed class ShowModel(ArchiveDbContext db) : PageModel
{
    /// <summary>The code as requested.</summary>
    [BindProperty(SupportsGet = true)]
    public string Iso3 { get; set; } = "";

    /// <summary>The state.</summary>
    public Country? Country { get; private set; }

    /// <summary>The state's recorded votes, newest first.</summary>
    public IReadOnlyList<Row> Votes { get; private set; } = [];

    /// <summary>Loads the state and its votes; 404 for a code not in the registry.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        Country = CountryRegistry.Default.FindByIso3(Iso3 ?? "");
        if (Country is null)
        {
            return NotFound();
        }

        if (Iso3 != Country.Iso3)
        {
            return RedirectPermanent($"/countries/{Country.Iso3}");
        }

        var iso3 = Country.Iso3;
        var rows = await (from v in db.Votes.AsNoTracking()
                          join r in db.Resolutions.AsNoTracking() on v.ResolutionId equals r.Id
                          where v.CountryIso3 == iso3
                          select new Row(r.Key, r.Symbol, r.Number, r.Title, r.Body, r.AdoptionDate, v.Position))
            .ToListAsync(cancellationToken);
        Votes = rows.OrderByDescending(r => r.AdoptionDate).ThenBy(r => r.Number, StringComparer.Ordinal).ToList();
        return Page();
    }

    /// <summary>One recorded vote of the state.</summary>
    public sealed record Row(string Key, string? Symbol, string Number, string Title, Body Body, DateOnly? AdoptionDate, VotePosition Position);
}
