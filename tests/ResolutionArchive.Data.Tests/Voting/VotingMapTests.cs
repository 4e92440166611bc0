using ResolutionArchive.Data.Entities;
using ResolutionArchive.Data.Voting;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Data.Tests.Voting;

/// <summary>
/// The map of states by voting (docs/voting.md §11): classical scaling of one minus the agreement. On hand-made votes
/// whose answer is known: two blocs that always vote against each other fall on either side of the first axis with no
/// distance inside a bloc; distances that fit in a plane are reproduced exactly; a state in too few votes is left out.
/// </summary>
public sealed class VotingMapTests
{
    private static VotingArchive Archive(IEnumerable<RecordedVote> votes)
    {
        var list = votes.ToList();
        return new VotingArchive(1, list, list.Select(v => (v.Key, v.Symbol, v.Number, v.Title, v.Body, v.Date)).ToList(), []);
    }

    private static RecordedVote Vote(int n, params (string Iso3, VotePosition Position)[] positions) =>
        new($"A/RES/70/{n}", $"A/RES/70/{n}", $"70/{n}", "标题", Body.GA, 70, new DateOnly(2015, 12, 1), positions.ToDictionary(p => p.Iso3, p => p.Position));

    private static double Distance(MapPoint a, MapPoint b) => Math.Sqrt(Math.Pow(a.X - b.X, 2) + Math.Pow(a.Y - b.Y, 2));

    [Fact]
    public void TwoBlocsThatAlwaysVoteAgainstEachOtherFallOnEitherSideOfTheFirstAxis()
    {
        string[] east = ["CHN", "CUB", "IRN", "RUS"], west = ["DEU", "FRA", "GBR", "USA"];
        var votes = Enumerable.Range(1, 12).Select(n => Vote(n, [.. east.Select(s => (s, VotePosition.InFavour)), .. west.Select(s => (s, VotePosition.Against))]));

        var map = VotingMap.Compute(Archive(votes), Body.GA, 2015, 2015);

        map.Points.Select(p => p.Iso3).Should().Equal([.. east.Concat(west).Order(StringComparer.Ordinal)]);
        var byCode = map.Points.ToDictionary(p => p.Iso3);
        east.Select(s => Math.Sign(byCode[s].X)).Distinct().Should().ContainSingle();
        west.Select(s => Math.Sign(byCode[s].X)).Distinct().Should().ContainSingle().Which.Should().Be(-Math.Sign(byCode["CHN"].X));
        Distance(byCode["CHN"], byCode["RUS"]).Should().BeApproximately(0, 1e-9);
        Distance(byCode["CHN"], byCode["USA"]).Should().BeApproximately(1, 1e-9, "they never agree: distance 1");
        map.Explained.Should().BeApproximately(1, 1e-9);
        map.Votes.Should().Be(12);
    }

    [Fact]
    public void DistancesThatFitInAPlaneAreReproducedAndAStateInTooFewVotesIsLeftOut()
    {
        // 20 votes: AAA and BBB agree in 10, AAA and CCC in 0... built from three positions per vote
        var votes = new List<RecordedVote>();
        for (var n = 1; n <= 20; n++)
        {
            var b = n <= 10 ? VotePosition.InFavour : VotePosition.Against;   // BRA agrees with ARG half the time
            var c = n <= 15 ? VotePosition.Against : VotePosition.InFavour;   // CAN agrees with ARG a quarter of the time
            var positions = new List<(string, VotePosition)> { ("ARG", VotePosition.InFavour), ("BRA", b), ("CAN", c) };
            if (n <= 3)
            {
                positions.Add(("DNK", VotePosition.Abstaining));
            }

            votes.Add(Vote(n, [.. positions]));
        }

        var map = VotingMap.Compute(Archive(votes), Body.GA, 2015, 2015);

        map.Points.Select(p => p.Iso3).Should().Equal("ARG", "BRA", "CAN");
        map.Left.Should().Be(1, "Denmark is in 3 votes, fewer than " + VotingMap.MinVotes);
        var p = map.Points.ToDictionary(x => x.Iso3);
        Distance(p["ARG"], p["BRA"]).Should().BeApproximately(0.5, 1e-9);
        Distance(p["ARG"], p["CAN"]).Should().BeApproximately(0.75, 1e-9);
        // BRA and CAN agree in votes 11–15 (both against): 5 of 20
        Distance(p["BRA"], p["CAN"]).Should().BeApproximately(0.75, 1e-9);
    }

    [Fact]
    public void APeriodWithoutEnoughVotesHasNoMap()
    {
        var map = VotingMap.Compute(Archive([Vote(1, ("CHN", VotePosition.InFavour), ("USA", VotePosition.Against))]), Body.GA, 2015, 2015);

        map.Points.Should().BeEmpty();
        VotingMap.Compute(Archive([]), Body.HRC, 2000, 2030).Points.Should().BeEmpty();
    }
}
