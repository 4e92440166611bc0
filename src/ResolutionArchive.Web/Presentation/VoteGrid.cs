using ResolutionArchive.Data.Voting;
using ResolutionArchive.Parsing.Countries;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Web.Presentation;

/// <summary>
/// A recorded vote as a grid of states by UN M49 region and sub-region (<see cref="CountryRegions"/>), each cell
/// coloured and marked by the state's vote (docs/voting.md §5), rendered by <c>Pages/Resolutions/_VoteGrid.cshtml</c>.
/// A General Assembly vote shows every member state, those in no list as absent; a Council vote shows only the
/// listed states (the archive does not hold the Council's membership).
/// </summary>
/// <param name="Regions">Regions in M49 order, each with its non-empty sub-regions and their cells.</param>
internal sealed record VoteGrid(IReadOnlyList<(Region Region, IReadOnlyList<(Region SubRegion, IReadOnlyList<(string Iso3, CountryVote Vote)> Cells)> SubRegions)> Regions)
{
    /// <summary>The grid of <paramref name="vote"/> adopted by <paramref name="body"/>; null when it is not a recorded vote.</summary>
    public static VoteGrid? For(Body body, Vote vote)
    {
        ArgumentNullException.ThrowIfNull(vote);
        if (vote.Mode != VoteMode.Recorded)
        {
            return null;
        }

        var positions = new Dictionary<string, CountryVote>(StringComparer.Ordinal);
        foreach (var (list, position) in new[] { (vote.Yes, CountryVote.InFavour), (vote.No, CountryVote.Against), (vote.Abstain, CountryVote.Abstaining) })
        {
            foreach (var iso3 in list)
            {
                positions[iso3] = position;
            }
        }

        // the non-voting members as stored (input-formats §4.5); a vote stored without them falls back to "a GA member
        // state in no list"
        var nonVoting = vote.NonVoting.ToHashSet(StringComparer.Ordinal);
        CountryVote? Of(string iso3) => positions.TryGetValue(iso3, out var p) ? p
            : nonVoting.Contains(iso3) ? CountryVote.Absent
            : nonVoting.Count == 0 && body == Body.GA && VotingArchive.IsMemberState(iso3) ? CountryVote.Absent
            : null;

        var regions = CountryRegions.Default.Tree()
            .Select(r => (r.Region, (IReadOnlyList<(Region, IReadOnlyList<(string, CountryVote)>)>)r.SubRegions
                .Select(s => (s.SubRegion, (IReadOnlyList<(string, CountryVote)>)s.Iso3.Select(i => (i, Of(i))).Where(x => x.Item2 is not null).Select(x => (x.i, x.Item2!.Value)).ToList()))
                .Where(s => s.Item2.Count > 0)
                .ToList()))
            .Where(r => r.Item2.Count > 0)
            .ToList();
        return regions.Count == 0 ? null : new VoteGrid(regions);
    }
}
