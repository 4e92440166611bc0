using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResolutionArchive.Data;
using ResolutionArchive.Data.Import;
using ResolutionArchive.Data.Queries;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Web.Pages.Resolutions;

/// <summary>
/// One resolution rendered as a document at its permanent URL <c>/resolutions/{key}</c> (the key is the symbol,
/// e.g. <c>/resolutions/A/HRC/RES/46/13</c>). A number (<c>/resolutions/46/13</c>) redirects to the canonical URL when
/// it names one resolution, and lists the candidates when it names several.
/// </summary>
public sealed class ShowModel(ArchiveDbContext db) : PageModel
{
    /// <summary>The record's key as requested.</summary>
    [BindProperty(SupportsGet = true)]
    public string Key { get; set; } = "";

    /// <summary>The resolution; null when <see cref="Candidates"/> is shown instead.</summary>
    public ParsedResolution? Resolution { get; private set; }

    /// <summary>Records whose number matches an ambiguous request.</summary>
    public IReadOnlyList<(string Key, string Label, string Title)> Candidates { get; private set; } = [];

    /// <summary>Loads the record, redirects a number to its symbol, or answers 404.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var key = (Key ?? "").Trim('/');
        var entity = await ResolutionLookup.FindByKeyAsync(db, key, cancellationToken);
        if (entity is not null)
        {
            Resolution = ResolutionMapper.ToModel(entity);
            Key = entity.Key;
            return Page();
        }

        var byNumber = await db.Resolutions.AsNoTracking()
            .Where(r => r.Number == key || r.Symbol == key)
            .Select(r => new { r.Key, Label = r.Symbol ?? r.Number, r.Title })
            .ToListAsync(cancellationToken);
        if (byNumber.Count == 1)
        {
            return RedirectPermanent(Api.ListResolutions.PageUrl(byNumber[0].Key));
        }

        if (byNumber.Count > 1)
        {
            Candidates = byNumber.Select(c => (c.Key, c.Label, c.Title)).ToList();
            return Page();
        }

        return NotFound();
    }

    /// <summary>The anchor id of a footnote reference: <c>ref-{clause}-{marker}</c>.</summary>
    public static string RefId(string clauseId, string marker) => $"ref-{clauseId}-{(marker == "*" ? "star" : marker)}";

    /// <summary>The anchor id of a footnote: <c>fn1</c>, <c>fn-star</c>.</summary>
    public static string FootnoteId(string marker) => marker == "*" ? "fn-star" : $"fn{marker}";
}
