using System.Globalization;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ResolutionArchive.Data;
using ResolutionArchive.Data.Voting;
using ResolutionArchive.Parsing.Syntax;
using ResolutionArchive.Web.Presentation;

namespace ResolutionArchive.Web.Pages.Countries;

/// <summary>
/// <c>/countries/map?body=GA&amp;from=2020&amp;to=2022</c> (docs/voting.md §11): the states placed in two dimensions by
/// their voting similarity (<see cref="VotingMap"/>), for a body (GA by default) and a period of adoption years (all
/// the years of that body's recorded votes by default), drawn as SVG on the server; each point links to its country page.
/// Values that cannot be read are ignored and said so, as on the other pages.
/// </summary>
public sealed class MapModel(ArchiveDbContext db, VotingRecords voting, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>The body drawn.</summary>
    public Body Body { get; private set; } = Body.GA;

    /// <summary>The first year of the period.</summary>
    public int From { get; private set; }

    /// <summary>The last year of the period.</summary>
    public int To { get; private set; }

    /// <summary>The years with recorded votes of the body, oldest first (the choices).</summary>
    public IReadOnlyList<int> Years { get; private set; } = [];

    /// <summary>Values ignored, with the reason.</summary>
    public IReadOnlyList<string> Ignored { get; private set; } = [];

    /// <summary>The computed map.</summary>
    public VotingMapResult Map { get; private set; } = new([], 0, 0, 0);

    /// <summary>The drawing.</summary>
    internal VotingMapSvg Drawing { get; private set; } = new([]);

    /// <summary>Loads the page.</summary>
    public async Task OnGetAsync(string? body, string? from, string? to, CancellationToken cancellationToken)
    {
        var ignored = new List<string>();
        if (!string.IsNullOrEmpty(body))
        {
            if (string.Equals(body, "HRC", StringComparison.OrdinalIgnoreCase))
            {
                Body = Body.HRC;
            }
            else if (!string.Equals(body, "GA", StringComparison.OrdinalIgnoreCase))
            {
                ignored.Add(localizer.Localize("机构“{0}”无法识别（可用 HRC 或 GA），已忽略。", SearchParameters.Shorten(body)));
            }
        }

        var archive = await voting.GetAsync(db, cancellationToken);
        Years = archive.Votes.Where(v => v.Body == Body && v.Date is not null).Select(v => v.Date!.Value.Year).Distinct().Order().ToList();
        int? Year(string? text, string name)
        {
            if (string.IsNullOrEmpty(text))
            {
                return null;
            }

            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1945 and <= 9998)
            {
                return y;
            }

            ignored.Add(localizer.Localize("年份“{0}”不是 {1} 至 {2} 之间的年份，已忽略。", SearchParameters.Shorten(text), 1945, 9998));
            return null;
        }

        From = Year(from, "from") ?? Years.FirstOrDefault();
        To = Year(to, "to") ?? (Years.Count > 0 ? Years[^1] : 0);
        if (From > To)
        {
            (From, To) = (To, From);
        }

        Ignored = ignored;
        Map = VotingMap.Compute(archive, Body, From, To);
        Drawing = VotingMapSvg.For(Map);
    }
}
