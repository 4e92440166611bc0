using System.Text;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using ResolutionArchive.Data;

namespace ResolutionArchive.Web.Pages.Sources;

/// <summary>
/// <c>/sources/{id}</c>: one imported source file as stored, line by line, each line with its anchor <c>#L{n}</c> (the
/// data-quality report links to the line a warning is about). The text is shown escaped, as UTF-8 (bytes that are
/// not UTF-8 as U+FFFD). 404 for an unknown id.
/// </summary>
public sealed class SourceModel(ArchiveDbContext db) : PageModel
{
    /// <summary>The source's id.</summary>
    [BindProperty(SupportsGet = true)]
    public int Id { get; set; }

    /// <summary>The file name as given to the importer.</summary>
    public string FileName { get; private set; } = "";

    /// <summary>The record the source belongs to.</summary>
    public string ResolutionKey { get; private set; } = "";

    /// <summary>The lines, without their line ends.</summary>
    public IReadOnlyList<string> Lines { get; private set; } = [];

    /// <summary>Loads the source.</summary>
    /// <param name="cancellationToken">The request's cancellation.</param>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var source = await db.Sources.AsNoTracking().Where(s => s.Id == Id)
            .Select(s => new { s.FileName, s.ResolutionKey, s.Content }).SingleOrDefaultAsync(cancellationToken);
        if (source is null)
        {
            return NotFound();
        }

        FileName = source.FileName;
        ResolutionKey = source.ResolutionKey;
        // a vote of the Library's voting data is stored gzip-compressed (input-formats §11.2): its rows are shown
        var text = Parsing.Undl.UndlVotingData.TextOf(source.Content) ?? "";
        Lines = text.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        return Page();
    }
}
