using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResolutionArchive.Data;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Web.Pages.Sessions;

/// <summary>
/// <c>/sessions</c>: every session of each body that the archive holds records of, with how many resolutions and drafts
/// it has, each linked to its page (<see cref="SessionModel"/>). Records without a session are not listed. One grouped
/// query in the database.
/// </summary>
public sealed class SessionListModel(ArchiveDbContext db) : PageModel
{
    /// <summary>The sessions, Human Rights Council first, then the General Assembly; latest session first.</summary>
    public IReadOnlyList<SessionSummary> Sessions { get; private set; } = [];

    /// <summary>Loads the list.</summary>
    /// <param name="cancellationToken">The request's cancellation.</param>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        var rows = await db.Resolutions.AsNoTracking()
            .Where(r => r.Session != null)
            .GroupBy(r => new { r.Body, Session = r.Session!.Value })
            .Select(g => new
            {
                g.Key.Body,
                g.Key.Session,
                Adopted = g.Count(r => r.Status == ResolutionStatus.Adopted),
                Drafts = g.Count(r => r.Status == ResolutionStatus.Draft),
                Recorded = g.Count(r => r.VoteMode == VoteMode.Recorded),
                First = g.Min(r => r.AdoptionDate),
                Last = g.Max(r => r.AdoptionDate),
            })
            .ToListAsync(cancellationToken);
        Sessions = rows
            .Select(r => new SessionSummary(r.Body, r.Session, r.Adopted, r.Drafts, r.Recorded, r.First, r.Last))
            .OrderBy(s => s.Body == Body.GA)
            .ThenByDescending(s => s.Session)
            .ToList();
    }

    /// <summary>One session of one body.</summary>
    /// <param name="Body">The body.</param>
    /// <param name="Session">The session number.</param>
    /// <param name="Adopted">Resolutions adopted at it.</param>
    /// <param name="Drafts">Drafts of it.</param>
    /// <param name="Recorded">Records adopted by a recorded vote.</param>
    /// <param name="FirstAdoption">The earliest adoption date, if any.</param>
    /// <param name="LastAdoption">The latest adoption date, if any.</param>
    public sealed record SessionSummary(Body Body, int Session, int Adopted, int Drafts, int Recorded, DateOnly? FirstAdoption, DateOnly? LastAdoption)
    {
        /// <summary>The session's page: <c>/sessions/GA/76</c>.</summary>
        public string Href => SessionModel.Href(Body, Session);
    }
}
