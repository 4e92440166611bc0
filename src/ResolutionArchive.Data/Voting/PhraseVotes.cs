using ResolutionArchive.Data.Entities;

namespace ResolutionArchive.Data.Voting;

/// <summary>One state's votes over a set of recorded votes (docs/voting.md §9).</summary>
/// <param name="Iso3">ISO 3166-1 alpha-3 code.</param>
/// <param name="Yes">Votes in which it was in favour.</param>
/// <param name="No">Against.</param>
/// <param name="Abstain">Abstaining.</param>
/// <param name="NonVoting">Stored as a non-voting member (a member of the body on the date, in none of the lists).</param>
public sealed record StateTally(string Iso3, int Yes, int No, int Abstain, int NonVoting)
{
    /// <summary>The votes in which the state has a stored position: the sum of the four.</summary>
    public int Total => Yes + No + Abstain + NonVoting;
}

/// <summary>How the states voted on a set of records.</summary>
/// <param name="Votes">The records of the set that were adopted by a recorded vote, in the set's order.</param>
/// <param name="States">Every state with a stored position in one of them, by ISO3 code (ordinal).</param>
public sealed record PhraseVoteTally(IReadOnlyList<RecordedVote> Votes, IReadOnlyList<StateTally> States);

/// <summary>
/// Phrase × vote (docs/voting.md §9, issue 16 item 3): for the records a search matches, how each state voted on
/// those that were adopted by a recorded vote — the stored positions counted, nothing inferred: in favour, against,
/// abstaining, and the stored non-voting members (input-formats §4.5, §11.3). A record without a recorded vote is not
/// counted.
/// </summary>
public static class PhraseVotes
{
    /// <summary>Counts the positions of every state over the recorded votes among <paramref name="keys"/>.</summary>
    public static PhraseVoteTally Tally(VotingArchive archive, IEnumerable<string> keys)
    {
        ArgumentNullException.ThrowIfNull(archive);
        ArgumentNullException.ThrowIfNull(keys);
        var votes = keys.Distinct(StringComparer.Ordinal).Select(k => archive.VotesByKey.GetValueOrDefault(k)).OfType<RecordedVote>().ToList();
        var counts = new Dictionary<string, int[]>(StringComparer.Ordinal);
        int[] Of(string iso3) => counts.TryGetValue(iso3, out var c) ? c : counts[iso3] = new int[4];
        foreach (var vote in votes)
        {
            foreach (var (iso3, position) in vote.Positions)
            {
                Of(iso3)[position switch { VotePosition.InFavour => 0, VotePosition.Against => 1, _ => 2 }]++;
            }

            foreach (var iso3 in vote.NonVoting)
            {
                Of(iso3)[3]++;
            }
        }

        var states = counts.OrderBy(c => c.Key, StringComparer.Ordinal).Select(c => new StateTally(c.Key, c.Value[0], c.Value[1], c.Value[2], c.Value[3])).ToList();
        return new PhraseVoteTally(votes, states);
    }
}
