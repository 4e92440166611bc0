using System.Globalization;
using ResolutionArchive.Data.Voting;
using ResolutionArchive.Parsing.Countries;

namespace ResolutionArchive.Web.Presentation;

/// <summary>
/// The map of states by voting (docs/voting.md §11) as the positions of an SVG drawn on the server: the scaling's two
/// coordinates fitted into <see cref="Width"/> × <see cref="Height"/> with one scale for both axes (distances keep their
/// proportions), each state a point coloured by its UN regional group with its ISO3 code beside it. The drawing is
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

    /// <summary>One state as drawn.</summary>
    /// <param name="Iso3">Its code (the label).</param>
    /// <param name="Group">Its UN regional group (the colour), or null.</param>
    /// <param name="X">Horizontal position, px from the left.</param>
    /// <param name="Y">Vertical position, px from the top.</param>
    /// <param name="Source">The computed point.</param>
    public sealed record Point(string Iso3, RegionalGroup? Group, double X, double Y, MapPoint Source)
    {
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
        return new VotingMapSvg(map.Points.Select(p => new Point(
            p.Iso3,
            CountryRegistry.Default.FindByIso3(p.Iso3)?.RegionalGroup,
            offsetX + ((p.X - minX) * scale),
            Height - (offsetY + ((p.Y - minY) * scale)),
            p)).ToList());
    }
}
