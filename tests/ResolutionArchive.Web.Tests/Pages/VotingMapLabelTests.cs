using ResolutionArchive.Data.Voting;
using ResolutionArchive.Web.Presentation;

namespace ResolutionArchive.Web.Tests.Pages;

/// <summary>
/// The labels of the map of states by voting (Presentation/VotingMapSvg.cs, docs/voting.md §11): states that voted alike
/// land on one point, and their codes drawn there ran together into an unreadable blot.
/// </summary>
public sealed class VotingMapLabelTests
{
    private static VotingMapSvg Draw(params (string Iso3, double X, double Y)[] points) =>
        VotingMapSvg.For(new VotingMapResult(points.Select(p => new MapPoint(p.Iso3, p.X, p.Y, 10)).ToList(), 10, 0.9, 0));

    [Fact]
    public void States_at_one_place_share_one_label_that_names_the_first_and_counts_the_others()
    {
        var map = Draw(("MAR", 0, 0), ("DZA", 0, 0), ("EGY", 0.0001, 0), ("FRA", 1, 1), ("USA", 1, 0));

        var dza = map.Points.Single(p => p.Iso3 == "DZA");
        dza.Label!.Text.Should().Be("DZA +2");
        dza.Together.Should().Equal("EGY", "MAR");
        map.Points.Where(p => p.Iso3 is "EGY" or "MAR").Should().OnlyContain(p => p.Label == null);
        map.Points.Where(p => p.Iso3 is "FRA" or "USA").Select(p => p.Label!.Text).Should().Equal("FRA", "USA");
        map.Points.Select(p => p.Iso3).Should().Equal(["MAR", "DZA", "EGY", "FRA", "USA"], "the points keep the order of the scaling");
    }

    [Fact]
    public void A_places_own_points_do_not_push_its_label_away()
    {
        // MAR 3 px right of DZA (the drawing's scale is 488 px per unit here): one place, labelled on the right as usual
        var map = Draw(("DZA", 0.5, 0.5), ("MAR", 0.5 + (3.0 / 488), 0.5), ("FRA", 0, 0), ("USA", 1, 1));

        var dza = map.Points.Single(p => p.Iso3 == "DZA");
        dza.Label.Should().Be(new VotingMapSvg.Label("DZA +1", dza.X + 7, dza.Y + 4, "start"));
    }

    [Fact]
    public void No_two_labels_overlap_and_every_label_is_inside_the_drawing_even_in_a_crowd()
    {
        // 60 states on a short diagonal, a few px apart: too close for every label, never on one place
        var crowd = Enumerable.Range(0, 60).Select(i => ($"S{i:00}", (i % 10) * 0.02, (i / 10) * 0.02)).Append(("ZZZ", 1.0, 1.0)).ToArray();
        var map = Draw(crowd);

        var boxes = map.Points.Where(p => p.Label is not null).Select(p => Box(p.Label!)).ToList();
        boxes.Should().NotBeEmpty();
        boxes.Should().OnlyContain(b => b.Left >= 0 && b.Right <= VotingMapSvg.Width && b.Top >= 0 && b.Bottom <= VotingMapSvg.Height);
        for (var i = 0; i < boxes.Count; i++)
        {
            for (var j = i + 1; j < boxes.Count; j++)
            {
                var (a, b) = (boxes[i], boxes[j]);
                (a.Left < b.Right && b.Left < a.Right && a.Top < b.Bottom && b.Top < a.Bottom).Should().BeFalse($"labels {i} and {j} overlap");
            }
        }
    }

    private static (double Left, double Top, double Right, double Bottom) Box(VotingMapSvg.Label label)
    {
        var width = label.Text.Length * VotingMapSvg.CharWidth;
        var left = label.Anchor switch { "start" => label.X, "end" => label.X - width, _ => label.X - (width / 2) };
        return (left, label.Y - VotingMapSvg.LabelHeight + 3, left + width, label.Y + 3);
    }
}
