using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResolutionArchive.Data;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Web.Pages.Sessions;

/// <summary>
/// <c>/sessions/{body}/{session}</c> (<c>/sessions/GA/76</c>, <c>/sessions/HRC/46</c>): what one session adopted, in
/// order of adoption date and then number (numerically), and its drafts, each linked to its page. The body is matched
/// ignoring case and redirected to its canonical spelling (<c>/sessions/ga/76</c> → <c>/sessions/GA/76</c>); an unknown
/// body, a session that is not a whole number from 1, or a session without records answers the 404 page.
/// </summary>
public sealed class SessionModel(ArchiveDbContext db) : PageModel
{
    /// <summary>The body as requested.</summary>
    [BindProperty(SupportsGet = true, Name = "body")]
    public string BodyText { get; set; } = "";

    /// <summary>The session as requested.</summary>
    [BindProperty(SupportsGet = true, Name = "session")]
    public string SessionText { get; set; } = "";

    /// <summary>The body shown.</summary>
    public Body Body { get; private set; }

    /// <summary>The session shown.</summary>
    public int Session { get; private set; }

    /// <summary>The resolutions adopted at the session, by adoption date, then number.</summary>
    public IReadOnlyList<IndexModel.Row> Adopted { get; private set; } = [];

    /// <summary>The session's drafts.</summary>
    public IReadOnlyList<IndexModel.Row> Drafts { get; private set; } = [];

    /// <summary>The page of a session: <c>/sessions/GA/76</c>.</summary>
    public static string Href(Body body, int session) => $"/sessions/{body}/{session.ToString(CultureInfo.InvariantCulture)}";

    /// <summary>Loads the session, redirects a body in another case, or answers 404.</summary>
    /// <param name="cancellationToken">The request's cancellation.</param>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        if (!Enum.TryParse<Body>(BodyText, ignoreCase: true, out var body) || !Enum.IsDefined(body) || !BodyText.All(char.IsAsciiLetter)
            || !int.TryParse(SessionText, NumberStyles.None, CultureInfo.InvariantCulture, out var session) || session < 1)
        {
            return NotFound();
        }

        if (BodyText != body.ToString() || SessionText != session.ToString(CultureInfo.InvariantCulture))
        {
            return RedirectPermanent(Href(body, session));
        }

        Body = body;
        Session = session;
        var records = db.Resolutions.AsNoTracking().Where(r => r.Body == body && r.Session == session);
        Adopted = await BrowseQuery.ThenByNumber(records
                .Where(r => r.Status == ResolutionStatus.Adopted)
                .OrderBy(r => r.AdoptionDate == null)
                .ThenBy(r => r.AdoptionDate), descending: false)
            .ThenBy(r => r.Key)
            .Select(r => new IndexModel.Row(r.Key, r.Symbol, r.Number, r.Title, r.Body, r.Session, r.Status, r.AdoptionDate, r.VoteMode, r.YesCount, r.NoCount, r.AbstainCount))
            .ToListAsync(cancellationToken);
        Drafts = await BrowseQuery.ThenByNumber(records
                .Where(r => r.Status == ResolutionStatus.Draft)
                .OrderBy(r => r.Session), descending: false)
            .ThenBy(r => r.Title)
            .ThenBy(r => r.Key)
            .Select(r => new IndexModel.Row(r.Key, r.Symbol, r.Number, r.Title, r.Body, r.Session, r.Status, r.AdoptionDate, r.VoteMode, r.YesCount, r.NoCount, r.AbstainCount))
            .ToListAsync(cancellationToken);
        return Adopted.Count + Drafts.Count == 0 ? NotFound() : Page();
    }
}
