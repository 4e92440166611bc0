using System.Globalization;
using ResolutionArchive.Data.Voting;
using ResolutionArchive.Parsing.Countries;

namespace ResolutionArchive.Web.Presentation;

/// <summary>
/// The map of states by voting (docs/voting.md §11) as the positions of an SVG drawn on the server: the scaling's two
/// coordinates fitted into <see cref="Width"/> × <see cref="Height"/> with one scale for both axes (distances keep their
/// proportions), each state a point coloured by its UN regional group with its ISO3 code beside it, where it fits
/// (<see cref="Point.Label"/>). The drawing is
/// <see cref="Width"/> CSS pixels wide and is not shrunk on small screens (its container scrolls), so its labels stay
/// 12 px.
/// </summary>
internal sealed record VotingMapSvg(IReadOnlyList<VotingMapSvg.Point> Points)
{
    /// <summary>The drawing's width, in CSS pixels.</summary>
    public const int Width = 760;

    /// <summary>The drawing's height, in CSS pixels.</summary>
    public const int Height = 560;

    private const int Margin = 36;

    /// <summary>Points closer than this, in px, are drawn as one place: their states voted alike (one label for all).</summary>
    public const double SamePlace = 4;

    /// <summary>The width of one character of a label at 12 px, in px, taken generously (capital letters, digits, +).</summary>
    public const double CharWidth = 8;

    /// <summary>The height of a label's box, in px.</summary>
    public const double LabelHeight = 13;

    /// <summary>One state as drawn.</summary>
    /// <param name="Iso3">Its code.</param>
    /// <param name="Group">Its UN regional group (the colour), or null.</param>
    /// <param name="X">Horizontal position, px from the left.</param>
    /// <param name="Y">Vertical position, px from the top.</param>
    /// <param name="Source">The computed point.</param>
    public sealed record Point(string Iso3, RegionalGroup? Group, double X, double Y, MapPoint Source)
    {
        /// <summary>
        /// The label drawn beside it: its code, <c>DZA +7</c> for the first (by code) of eight states drawn at one place
        /// (within <see cref="SamePlace"/> px), or null — another state's label names it, or no label fits without
        /// covering one already placed (the point keeps its title, and the table below lists every state).
        /// </summary>
        public Label? Label { get; init; }

        /// <summary>The codes of the other states drawn at its place, when its label stands for them; else empty.</summary>
        public IReadOnlyList<string> Together { get; init; } = [];

        /// <summary>The CSS class of its group: <c>group-African</c> … <c>group-none</c>.</summary>
        public string GroupClass => "group-" + (Group?.ToString() ?? "none");

        /// <summary>A coordinate for the markup, invariant, one decimal.</summary>
        public static string Number(double value) => value.ToString("0.0", CultureInfo.InvariantCulture);
    }

    /// <summary>Fits <paramref name="map"/> into the drawing.</summary>
    public static VotingMapSvg For(VotingMapResult map)
    {
        ArgumentNullException.ThrowIfNull(map);
        if (map.Points.Count == 0)
        {
            return new VotingMapSvg([]);
        }

        var (minX, maxX) = (map.Points.Min(p => p.X), map.Points.Max(p => p.X));
        var (minY, maxY) = (map.Points.Min(p => p.Y), map.Points.Max(p => p.Y));
        var scale = Math.Min((Width - (2 * Margin)) / Math.Max(maxX - minX, 1e-9), (Height - (2 * Margin)) / Math.Max(maxY - minY, 1e-9));
        var offsetX = (Width - ((maxX - minX) * scale)) / 2;
        var offsetY = (Height - ((maxY - minY) * scale)) / 2;
        var points = map.Points.Select(p => new Point(
            p.Iso3,
            CountryRegistry.Default.FindByIso3(p.Iso3)?.RegionalGroup,
            offsetX + ((p.X - minX) * scale),
            Height - (offsetY + ((p.Y - minY) * scale)),
            p)).ToList();
        return new VotingMapSvg(PlaceLabels(points));
    }

    /// <summary>
    /// Labels that never overlap: the states drawn at one place share one label (the first code and how many more), and
    /// each place, the fullest first, takes the first of four positions — right, left, above, below — whose box is
    /// inside the drawing and clear of the labels already placed and of every point but the place's own; a place with
    /// none left has no label. The points keep their order.
    /// </summary>
    private static List<Point> PlaceLabels(List<Point> points)
    {
        var places = new List<List<Point>>();
        foreach (var p in points.OrderBy(p => p.Iso3, StringComparer.Ordinal))
        {
            var place = places.FirstOrDefault(c => Math.Abs(c[0].X - p.X) < SamePlace && Math.Abs(c[0].Y - p.Y) < SamePlace);
            if (place is null)
            {
                places.Add([p]);
            }
            else
            {
                place.Add(p);
            }
        }

        var taken = points.Select(PointBox).ToList();
        var labelled = new Dictionary<string, Point>(StringComparer.Ordinal);
        foreach (var place in places.OrderByDescending(c => c.Count).ThenBy(c => c[0].Iso3, StringComparer.Ordinal))
        {
            var first = place[0];
            var own = place.Select(PointBox).ToHashSet();
            var text = place.Count == 1 ? first.Iso3 : string.Create(CultureInfo.InvariantCulture, $"{first.Iso3} +{place.Count - 1}");
            var width = text.Length * CharWidth;
            Label? label = null;
            foreach (var candidate in new[]
            {
                new Label(text, first.X + 7, first.Y + 4, "start"),
                new Label(text, first.X - 7, first.Y + 4, "end"),
                new Label(text, first.X, first.Y - 9, "middle"),
                new Label(text, first.X, first.Y + 17, "middle"),
            })
            {
                var left = candidate.Anchor switch { "start" => candidate.X, "end" => candidate.X - width, _ => candidate.X - (width / 2) };
                var box = new Box(left, candidate.Y - LabelHeight + 3, left + width, candidate.Y + 3);
                if (box.Left >= 0 && box.Right <= Width && box.Top >= 0 && box.Bottom <= Height
                    && !taken.Any(t => t.Overlaps(box) && !own.Contains(t)))
                {
                    taken.Add(box);
                    label = candidate;
                    break;
                }
            }

            labelled[first.Iso3] = first with { Label = label, Together = label is null ? [] : place.Skip(1).Select(p => p.Iso3).ToList() };
        }

        return points.Select(p => labelled.TryGetValue(p.Iso3, out var withLabel) ? withLabel : p).ToList();
    }

    /// <summary>The room a point's circle (radius 5) takes.</summary>
    private static Box PointBox(Point point) => new(point.X - 5, point.Y - 5, point.X + 5, point.Y + 5);

    /// <summary>A label as drawn: its text, the SVG <c>text</c> position (px) and <c>text-anchor</c>.</summary>
    /// <param name="Text">The code, or the code and how many more states share the place (<c>DZA +7</c>).</param>
    /// <param name="X">The anchor's x, px.</param>
    /// <param name="Y">The baseline's y, px.</param>
    /// <param name="Anchor"><c>start</c>, <c>end</c> or <c>middle</c>.</param>
    public sealed record Label(string Text, double X, double Y, string Anchor);

    private readonly record struct Box(double Left, double Top, double Right, double Bottom)
    {
        public bool Overlaps(Box other) => Left < other.Right && other.Left < Right && Top < other.Bottom && other.Top < Bottom;
    }
}
