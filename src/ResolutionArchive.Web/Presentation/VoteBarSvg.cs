using System.Globalization;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Web.Presentation;

/// <summary>
/// The geometry of a recorded vote drawn as one horizontal stacked bar (rendered as inline SVG on the server by
/// <c>Pages/Shared/_VoteBar.cshtml</c>, no script): in favour, against and abstaining side by side, each as wide as its
/// share of the votes cast or abstaining. Colour is never the only cue: each segment also has its own pattern (solid,
/// diagonal hatching, dots), and a legend under the bar names each with its number; the whole image has a text
/// alternative (<see cref="Text"/>, the SVG's <c>&lt;title&gt;</c>).
/// </summary>
internal sealed record VoteBarSvg
{
    /// <summary>The drawing's width in SVG user units (the viewBox; the bar scales to its container).</summary>
    public const double Width = 600;

    /// <summary>The bar's height in user units.</summary>
    public const double BarHeight = 28;

    /// <summary>The whole drawing's height: the bar alone (its legend is HTML under it, <c>_VoteBar.cshtml</c>).</summary>
    public const double Height = BarHeight;

    private VoteBarSvg(string id, int yes, int no, int abstain, IReadOnlyList<Segment> segments)
    {
        Id = id;
        Yes = yes;
        No = no;
        Abstain = abstain;
        Segments = segments;
    }

    /// <summary>The prefix of the element ids inside the SVG (title, patterns); unique on the page.</summary>
    public string Id { get; }

    /// <summary>Votes in favour.</summary>
    public int Yes { get; }

    /// <summary>Votes against.</summary>
    public int No { get; }

    /// <summary>Abstentions.</summary>
    public int Abstain { get; }

    /// <summary>The three segments, in favour first; a segment of 0 votes has width 0.</summary>
    public IReadOnlyList<Segment> Segments { get; }

    /// <summary>The text alternative: 赞成 26 票，反对 15 票，弃权 6 票.</summary>
    public string Text => $"赞成 {Yes} 票，反对 {No} 票，弃权 {Abstain} 票";

    /// <summary>The id of the SVG's <c>&lt;title&gt;</c>, for <c>aria-labelledby</c>.</summary>
    public string TitleId => $"{Id}-title";

    /// <summary>
    /// The bar for a vote, or null when there is nothing to draw: the resolution was not adopted by a recorded vote,
    /// or its counts are not stated, or they are all 0.
    /// </summary>
    /// <param name="vote">The adoption as parsed.</param>
    /// <param name="id">The id prefix (letters, digits and hyphens), unique on the page.</param>
    public static VoteBarSvg? For(Vote vote, string id = "vote-bar") =>
        vote.Mode == VoteMode.Recorded ? For(vote.YesCount, vote.NoCount, vote.AbstainCount, id) : null;

    /// <summary>The bar for stated counts, or null when a count is missing or negative, or all are 0.</summary>
    /// <param name="yes">Votes in favour.</param>
    /// <param name="no">Votes against.</param>
    /// <param name="abstain">Abstentions.</param>
    /// <param name="id">The id prefix (letters, digits and hyphens), unique on the page.</param>
    public static VoteBarSvg? For(int? yes, int? no, int? abstain, string id = "vote-bar")
    {
        if (yes is not { } y || no is not { } n || abstain is not { } a || y < 0 || n < 0 || a < 0)
        {
            return null;
        }

        var total = (long)y + n + a;
        if (total == 0)
        {
            return null;
        }

        // Each segment starts where the previous one ends; the last ends exactly at the right edge.
        var yesWidth = Math.Round(Width * y / total, 2);
        var noWidth = Math.Round(Width * n / total, 2);
        var abstainWidth = Math.Round(Width - yesWidth - noWidth, 2);
        var segments = new[]
        {
            new Segment("yes", "赞成", y, 0, yesWidth, "#1a7f37"),
            new Segment("no", "反对", n, yesWidth, noWidth, "#b42318"),
            new Segment("abstain", "弃权", a, Math.Round(yesWidth + noWidth, 2), abstainWidth, "#8a6100"),
        };
        return new VoteBarSvg(id, y, n, a, segments);
    }

    /// <summary>A number as an SVG attribute value (invariant culture, at most two decimals).</summary>
    public static string Number(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);

    /// <summary>One part of the bar.</summary>
    /// <param name="Name">The CSS class and id suffix: <c>yes</c>, <c>no</c>, <c>abstain</c>.</param>
    /// <param name="Label">赞成 / 反对 / 弃权.</param>
    /// <param name="Count">How many votes it stands for.</param>
    /// <param name="X">Where it starts, in user units from the left.</param>
    /// <param name="SegmentWidth">How wide it is, in user units.</param>
    /// <param name="Colour">The base colour (the site's --yes, --no and --abstain).</param>
    public sealed record Segment(string Name, string Label, int Count, double X, double SegmentWidth, string Colour)
    {
        /// <summary>The legend's text under the bar: 赞成 26 票.</summary>
        public string Legend => $"{Label} {Count} 票";
    }
}
