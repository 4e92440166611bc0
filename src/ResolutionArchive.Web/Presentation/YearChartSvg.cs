using System.Globalization;
using ResolutionArchive.Data.Voting;

namespace ResolutionArchive.Web.Presentation;

/// <summary>
/// A state's recorded votes per year as vertical stacked bars (in favour at the bottom, then against, abstaining,
/// absent, not listed), drawn on the server as SVG by <c>Pages/Countries/_YearChart.cshtml</c> (docs/voting.md §6).
/// Each year is a column labelled with the year and its total; each part has its own fill pattern besides its
/// colour, and a legend names them; a table with the same numbers follows the chart on the page.
/// </summary>
internal sealed record YearChartSvg
{
    /// <summary>Width of the drawing in user units.</summary>
    public const double Width = 640;

    /// <summary>Height of the plot area (bars) in user units.</summary>
    public const double PlotHeight = 180;

    /// <summary>Height of the whole drawing: plot, year labels and totals (the legend is HTML under it).</summary>
    public const double Height = 216;

    /// <summary>Left margin (for the axis labels).</summary>
    public const double Left = 36;

    /// <summary>The least room a year's label needs, in user units: four digits at 12 px and a gap.</summary>
    public const double LabelRoom = 40;

    private YearChartSvg(IReadOnlyList<Column> columns, int max, int labelStep) => (Columns, Max, LabelStep) = (columns, max, labelStep);

    /// <summary>
    /// Every how many years a column is labelled: 1 when each year has <see cref="LabelRoom"/>, else the least of 2, 5,
    /// 10, 20, 50 that gives it (a state's whole history since 1946 is some 77 columns of 8 units); the labelled years are
    /// those divisible by it that lie at least <see cref="LabelRoom"/> after the last labelled one (a gap of years
    /// without votes can make two of them neighbouring columns), so that labels never overlap.
    /// </summary>
    public int LabelStep { get; }

    /// <summary>True when each column is labelled and has room for its total under the year; otherwise the totals are in
    /// the bars' titles and the table under the chart.</summary>
    public bool ShowsTotals => LabelStep == 1;

    /// <summary>One column per year, oldest first.</summary>
    public IReadOnlyList<Column> Columns { get; }

    /// <summary>The largest yearly total (the top of the axis).</summary>
    public int Max { get; }

    /// <summary>One year's bar.</summary>
    /// <param name="Year">The year.</param>
    /// <param name="X">Left edge.</param>
    /// <param name="BarWidth">Width.</param>
    /// <param name="Total">Votes that year.</param>
    /// <param name="Parts">The stacked parts, bottom first; parts of 0 are left out.</param>
    /// <param name="Labelled">True when the year is written under the bar (<see cref="LabelStep"/>).</param>
    public sealed record Column(int Year, double X, double BarWidth, int Total, IReadOnlyList<Part> Parts, bool Labelled);

    /// <summary>One part of a bar.</summary>
    /// <param name="Vote">What it counts.</param>
    /// <param name="Count">How many.</param>
    /// <param name="Y">Top edge.</param>
    /// <param name="PartHeight">Height.</param>
    public sealed record Part(CountryVote Vote, int Count, double Y, double PartHeight);

    /// <summary>
    /// The chart of <paramref name="record"/>: its dated votes in which the state had a part — in favour, against,
    /// abstaining, or absent as a member — or null when there is none. Votes in which it was <see cref="CountryVote.NotListed"/>
    /// (a Council vote of a year it was not on the Council, a General Assembly vote of an observer state) are left out:
    /// drawn, they made every year off the Council a full hatched bar as tall as a year of votes (issue 17). The table
    /// under the chart still lists them.
    /// </summary>
    public static YearChartSvg? For(IEnumerable<(RecordedVote Vote, CountryVote Position)> record)
    {
        ArgumentNullException.ThrowIfNull(record);
        var years = record.Where(r => r.Vote.Date is not null && r.Position != CountryVote.NotListed)
            .GroupBy(r => r.Vote.Date!.Value.Year)
            .OrderBy(g => g.Key)
            .Select(g => (Year: g.Key, Counts: VotingLabels.All.Select(v => (Vote: v, Count: g.Count(r => r.Position == v))).ToList()))
            .ToList();
        if (years.Count == 0)
        {
            return null;
        }

        var max = years.Max(y => y.Counts.Sum(c => c.Count));
        var slot = (Width - Left) / years.Count;
        var barWidth = Math.Min(48, slot * 0.7);
        var labelStep = new[] { 1, 2, 5, 10, 20, 50 }.FirstOrDefault(step => step * slot >= LabelRoom, 100);
        var columns = new List<Column>();
        double? lastLabel = null;
        for (var i = 0; i < years.Count; i++)
        {
            var (year, counts) = years[i];
            var y = PlotHeight;
            var parts = new List<Part>();
            foreach (var (vote, count) in counts.Where(c => c.Count > 0))
            {
                var h = PlotHeight * count / max;
                y -= h;
                parts.Add(new Part(vote, count, y, h));
            }

            // a column is a year with votes, not a calendar year: with a gap (a state not listed for years, as South Africa
            // 1974–1993 in the Assembly) two years divisible by the step can be neighbours, so a label also needs its room
            var x = Left + i * slot + (slot - barWidth) / 2;
            var labelled = year % labelStep == 0 && (lastLabel is not { } last || x - last >= LabelRoom);
            lastLabel = labelled ? x : lastLabel;
            columns.Add(new Column(year, x, barWidth, counts.Sum(c => c.Count), parts, labelled));
        }

        return new YearChartSvg(columns, max, labelStep);
    }

    /// <summary>A number in SVG: invariant culture, at most two decimals.</summary>
    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
