using System.Globalization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ResolutionArchive.Data;
using ResolutionArchive.Data.Voting;
using ResolutionArchive.Parsing.Countries;
using ResolutionArchive.Parsing.Syntax;
using ResolutionArchive.Web.Presentation;

namespace ResolutionArchive.Web.Pages.Countries;

/// <summary>
/// A state's page, <c>/countries/{ISO3}</c> (ISO 3166-1 alpha-3, any case; other cases redirect), docs/voting.md:
/// its names, codes and region; its voting record — every recorded vote of the archive with its part in it (in favour,
/// against, abstaining, absent from a General Assembly vote, or not listed in a Council vote), filtered by <c>body</c>
/// and <c>year</c>; totals and shares and how often it voted with the majority; a chart of its votes per year; its
/// agreement with every other state (the ten closest and farthest, and all of them), each with the number of shared
/// votes and a link to the compare view; and the records it sponsored, flagged where it then abstained or voted
/// against. Everything comes from <see cref="VotingRecords"/> (in memory, rebuilt when an import changes the archive).
/// </summary>
public sealed class ShowModel(ArchiveDbContext db, VotingRecords voting, IConfiguration configuration, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>The fewest shared votes for an agreement figure to be shown (configuration <c>Voting:MinSharedVotes</c>).</summary>
    public const int DefaultMinSharedVotes = 10;

    /// <summary>The code as requested.</summary>
    [BindProperty(SupportsGet = true)]
    public string Iso3 { get; set; } = "";

    /// <summary>The state.</summary>
    public Country Country { get; private set; } = null!;

    /// <summary>Its region and sub-region.</summary>
    public (Region Region, Region SubRegion)? Region { get; private set; }

    /// <summary>True for a UN member state (false for the two observer states).</summary>
    public bool MemberState { get; private set; }

    /// <summary>The body filter.</summary>
    public Body? BodyFilter { get; private set; }

    /// <summary>The year filter.</summary>
    public int? YearFilter { get; private set; }

    /// <summary>Filter values that were ignored, with the reason.</summary>
    public IReadOnlyList<string> Ignored { get; private set; } = [];

    /// <summary>
    /// The most votes the record table lists without a year filter: 200, the newest. The General Assembly's whole
    /// history has about 6,700 recorded votes, a table of several megabytes; a year lists all of its votes, and
    /// <c>/data/votes.csv</c> has every one (docs/voting.md §2).
    /// </summary>
    public const int RecordLimit = 200;

    /// <summary>The voting record under the filters, newest first; at most <see cref="RecordLimit"/> without a year filter.</summary>
    public IReadOnlyList<(RecordedVote Vote, CountryVote Position)> Record { get; private set; } = [];

    /// <summary>The years that have recorded votes (for the year filter), newest first.</summary>
    public IReadOnlyList<int> Years { get; private set; } = [];

    /// <summary>Totals over <see cref="Record"/>.</summary>
    public VotingTotals Totals { get; private set; } = new(0, 0, 0, 0, 0, 0, 0, 0);

    /// <summary>The votes-per-year chart of <see cref="Record"/>.</summary>
    internal YearChartSvg? Chart { get; private set; }

    /// <summary>The fewest shared votes for an agreement to be shown.</summary>
    public int MinShared { get; private set; } = DefaultMinSharedVotes;

    /// <summary>
    /// The states the compare picker offers (every state of the registry but this one), each with its name in the
    /// interface's language, in that language's order (pinyin for Chinese): the form leads to
    /// <c>/countries/{iso3}/compare/{other}</c> (<see cref="ComparePicker"/>).
    /// </summary>
    public IReadOnlyList<(string Iso3, string Name)> CompareChoices => CountryRegistry.Default.Countries
        .Where(other => other.Iso3 != Country.Iso3)
        .Select(other => (other.Iso3, Name: Labels.CountryName(other.Iso3)))
        .OrderBy(other => other.Name, StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo(UiCulture.IsEnglish ? "en" : "zh-CN"), ignoreCase: false))
        .ToList();

    /// <summary>Agreements with at least <see cref="MinShared"/> shared votes, highest share first.</summary>
    public IReadOnlyList<Agreement> Agreements { get; private set; } = [];

    /// <summary>States sharing fewer votes than <see cref="MinShared"/> (not shown).</summary>
    public int HiddenAgreements { get; private set; }

    /// <summary>The records the state sponsored, newest first.</summary>
    public IReadOnlyList<Sponsorship> Sponsorships { get; private set; } = [];

    /// <summary>Loads the page; 404 for a code not in the registry.</summary>
    public async Task<IActionResult> OnGetAsync([FromQuery(Name = "body")] string? body, [FromQuery(Name = "year")] string? year, CancellationToken cancellationToken)
    {
        if (CountryRegistry.Default.FindByIso3((Iso3 ?? "").ToUpperInvariant()) is not { } country)
        {
            return NotFound();
        }

        if (Iso3 != country.Iso3)
        {
            return RedirectPermanent($"/countries/{country.Iso3}{Request.QueryString}");
        }

        Country = country;
        Region = CountryRegions.Default.Of(country.Iso3);
        MemberState = VotingArchive.IsMemberState(country.Iso3);
        MinShared = Math.Max(1, configuration.GetValue("Voting:MinSharedVotes", DefaultMinSharedVotes));

        var ignored = new List<string>();
        if (!string.IsNullOrEmpty(body))
        {
            if (string.Equals(body, "HRC", StringComparison.OrdinalIgnoreCase))
            {
                BodyFilter = Body.HRC;
            }
            else if (string.Equals(body, "GA", StringComparison.OrdinalIgnoreCase))
            {
                BodyFilter = Body.GA;
            }
            else
            {
                ignored.Add(localizer.Localize("机构“{0}”无法识别（可用 HRC 或 GA），已忽略。", SearchParameters.Shorten(body)));
            }
        }

        if (!string.IsNullOrEmpty(year))
        {
            if (int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= 1945 and <= 9998)
            {
                YearFilter = y;
            }
            else
            {
                ignored.Add(localizer.Localize("年份“{0}”不是 {1} 至 {2} 之间的年份，已忽略。", SearchParameters.Shorten(year), 1945, 9998));
            }
        }

        Ignored = ignored;
        var archive = await voting.GetAsync(db, cancellationToken);
        var all = archive.RecordOf(country.Iso3).ToList();
        Years = all.Where(r => r.Vote.Date is not null).Select(r => r.Vote.Date!.Value.Year).Distinct().OrderDescending().ToList();
        var filtered = all.Where(r => (BodyFilter is null || r.Vote.Body == BodyFilter) && (YearFilter is null || r.Vote.Date?.Year == YearFilter)).ToList();
        Totals = VotingArchive.TotalsOf(filtered);
        Chart = YearChartSvg.For(filtered);
        filtered.Reverse();
        Record = YearFilter is null && filtered.Count > RecordLimit ? filtered.GetRange(0, RecordLimit) : filtered;

        var agreements = archive.AgreementsOf(country.Iso3);
        Agreements = agreements.Where(a => a.Shared >= MinShared)
            .OrderByDescending(a => a.Share).ThenByDescending(a => a.Shared).ThenBy(a => a.Iso3, StringComparer.Ordinal).ToList();
        HiddenAgreements = agreements.Count - Agreements.Count;
        Sponsorships = archive.SponsorshipsOf(country.Iso3);
        return Page();
    }

    /// <summary>The page's URL with other filters.</summary>
    public string FilterHref(Body? body, int? year)
    {
        var query = new List<string>();
        if (body is not null)
        {
            query.Add("body=" + body);
        }

        if (year is not null)
        {
            query.Add("year=" + year.Value.ToString(CultureInfo.InvariantCulture));
        }

        return $"/countries/{Country.Iso3}" + (query.Count > 0 ? "?" + string.Join("&", query) : "");
    }
}
