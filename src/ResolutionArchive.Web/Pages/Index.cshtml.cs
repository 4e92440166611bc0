using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResolutionArchive.Data;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Web.Pages;

/// <summary>The home page: every resolution and draft in the archive, newest first, drafts last.</summary>
public sealed class IndexModel(ArchiveDbContext db) : PageModel
{
    /// <summary>The rows of the table.</summary>
    public IReadOnlyList<Row> Resolutions { get; private set; } = [];

    /// <summary>Loads the list.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Resolutions.AsNoTracking()
            .Select(r => new Row(r.Key, r.Symbol, r.Number, r.Title, r.Body, r.Session, r.Status, r.AdoptionDate, r.VoteMode, r.YesCount, r.NoCount, r.AbstainCount))
            .ToListAsync(cancellationToken);
        Resolutions = rows
            .OrderBy(r => r.Status == ResolutionStatus.Draft)
            .ThenByDescending(r => r.AdoptionDate)
            .ThenByDescending(r => r.Session)
            .ThenBy(r => r.Number, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>One resolution in the list.</summary>
    public sealed record Row(
        string Key,
        string? Symbol,
        string Number,
        string Title,
        Body Body,
        int? Session,
        ResolutionStatus Status,
        DateOnly? AdoptionDate,
        VoteMode VoteMode,
        int? YesCount,
        int? NoCount,
        int? AbstainCount);
}
