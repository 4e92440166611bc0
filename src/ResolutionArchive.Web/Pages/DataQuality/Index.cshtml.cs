using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResolutionArchive.Data;
using ResolutionArchive.Data.Queries;

namespace ResolutionArchive.Web.Pages.DataQuality;

/// <summary>
/// <c>/data-quality</c>: the archive's data-quality report (docs/cli.md <c>check</c>) — every warning the import gave about
/// a stored source file, grouped by record, each linking to the record and to the source line. <c>?key=</c> shows one
/// record's flags.
/// </summary>
public sealed class DataQualityModel(ArchiveDbContext db) : PageModel
{
    /// <summary>The record whose flags are shown, or null for all.</summary>
    [Microsoft.AspNetCore.Mvc.BindProperty(SupportsGet = true, Name = "key")]
    public string? Key { get; set; }

    /// <summary>The flags shown, grouped by record in key order.</summary>
    public IReadOnlyList<IGrouping<string, DataQualityFlag>> Records { get; private set; } = [];

    /// <summary>Every flag of the archive.</summary>
    public int Total { get; private set; }

    /// <summary>Loads the report.</summary>
    /// <param name="cancellationToken">The request's cancellation.</param>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var key = string.IsNullOrEmpty(Key) ? null : Key;
        var flags = await Data.Queries.DataQuality.ListAsync(db, cancellationToken, key);
        Total = key is null ? flags.Count : await db.DataQualityFlags.CountAsync(cancellationToken);
        Records = flags.GroupBy(f => f.ResolutionKey, StringComparer.Ordinal).ToList();
    }
}
