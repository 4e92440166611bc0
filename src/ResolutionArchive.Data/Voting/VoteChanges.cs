using ResolutionArchive.Data.Entities;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Data.Voting;

/// <summary>A state whose position differs between two recorded votes (docs/voting.md §10).</summary>
/// <param name="Iso3">ISO 3166-1 alpha-3 code.</param>
/// <param name="From">Its position in the earlier vote; null when it has none there (not a member of the body then).</param>
/// <param name="To">Its position in the later vote; null when it has none there.</param>
public sealed record VoteChange(string Iso3, VotePosition? From, VotePosition? To);

/// <summary>
/// Who switched (docs/voting.md §10, issue 16 item 3): between two recorded votes — two versions of a series — the
/// states whose stored position (in favour, against, abstaining, non-voting, or none) differs, from → to.
/// </summary>
public static class VoteChanges
{
    /// <summary>The stored positions of a parsed vote: its three lists and its non-voting members, by ISO3.</summary>
    public static IReadOnlyDictionary<string, VotePosition> PositionsOf(Vote vote)
    {
        ArgumentNullException.ThrowIfNull(vote);
        var positions = new Dictionary<string, VotePosition>(StringComparer.Ordinal);
        foreach (var (list, position) in new[] { (vote.Yes, VotePosition.InFavour), (vote.No, VotePosition.Against), (vote.Abstain, VotePosition.Abstaining), (vote.NonVoting, VotePosition.NonVoting) })
        {
            foreach (var iso3 in list)
            {
                positions.TryAdd(iso3, position);
            }
        }

        return positions;
    }

    /// <summary>The stored positions of an archived vote (<see cref="RecordedVote.Positions"/> and its non-voting members).</summary>
    public static IReadOnlyDictionary<string, VotePosition> PositionsOf(RecordedVote vote)
    {
        ArgumentNullException.ThrowIfNull(vote);
        var positions = new Dictionary<string, VotePosition>(vote.Positions, StringComparer.Ordinal);
        foreach (var iso3 in vote.NonVoting)
        {
            positions.TryAdd(iso3, VotePosition.NonVoting);
        }

        return positions;
    }

    /// <summary>
    /// The states whose position differs from <paramref name="earlier"/> to <paramref name="later"/>, ordered by the
    /// earlier position (in favour, against, abstaining, non-voting, none), then the later, then the code.
    /// </summary>
    public static IReadOnlyList<VoteChange> Between(IReadOnlyDictionary<string, VotePosition> earlier, IReadOnlyDictionary<string, VotePosition> later)
    {
        ArgumentNullException.ThrowIfNull(earlier);
        ArgumentNullException.ThrowIfNull(later);
        return earlier.Keys.Union(later.Keys, StringComparer.Ordinal)
            .Select(iso3 => new VoteChange(iso3, earlier.TryGetValue(iso3, out var from) ? from : null, later.TryGetValue(iso3, out var to) ? to : null))
            .Where(c => c.From != c.To)
            .OrderBy(c => c.From ?? (VotePosition)99).ThenBy(c => c.To ?? (VotePosition)99).ThenBy(c => c.Iso3, StringComparer.Ordinal)
            .ToList();
    }
}
