using ResolutionArchive.Parsing.Countries;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Web.Presentation;

/// <summary>
/// A recorded vote broken down by the UN's five regional groups (the groups through which seats and offices are
/// shared out, not M49 geography: docs/voting.md "Regional groups"): for each group, how many of its states voted in
/// favour, against, abstained, or were non-voting members. A state's group is the country registry's
/// (<c>Countries/states.csv</c>, column <c>regional_group</c>); states in no group (the Holy See) and names the
/// registry did not resolve are counted in a last row, so that each column sums to the vote's list. Rendered under the
/// vote grid of <c>Pages/Resolutions/Show.cshtml</c>.
/// </summary>
/// <param name="Rows">One row per group in the registry's order, then the row of states in no group when there are any.</param>
internal sealed record RegionalGroupTally(IReadOnlyList<RegionalGroupTally.Row> Rows)
{
    /// <summary>One group's counts.</summary>
    /// <param name="Group">The group; null for states in no group and unresolved names.</param>
    /// <param name="Yes">States of the group in favour.</param>
    /// <param name="No">Against.</param>
    /// <param name="Abstain">Abstaining.</param>
    /// <param name="NonVoting">Non-voting members (input-formats §4.5).</param>
    public sealed record Row(RegionalGroup? Group, int Yes, int No, int Abstain, int NonVoting);

    /// <summary>The tally of <paramref name="vote"/>; null when it is not a recorded vote.</summary>
    public static RegionalGroupTally? For(Vote vote, CountryRegistry? registry = null)
    {
        ArgumentNullException.ThrowIfNull(vote);
        if (vote.Mode != VoteMode.Recorded)
        {
            return null;
        }

        registry ??= CountryRegistry.Default;
        RegionalGroup? GroupOf(string iso3) => registry.FindByIso3(iso3)?.RegionalGroup;
        int Count(IEnumerable<string> states, RegionalGroup? group) => states.Count(s => GroupOf(s) == group);
        int Unresolved(VoteList list) => vote.Unresolved.Count(u => u.List == list);

        var rows = Enum.GetValues<RegionalGroup>()
            .Select(g => new Row(g, Count(vote.Yes, g), Count(vote.No, g), Count(vote.Abstain, g), Count(vote.NonVoting, g)))
            .ToList();
        var other = new Row(null,
            Count(vote.Yes, null) + Unresolved(VoteList.InFavour),
            Count(vote.No, null) + Unresolved(VoteList.Against),
            Count(vote.Abstain, null) + Unresolved(VoteList.Abstaining),
            Count(vote.NonVoting, null));
        if (other is not { Yes: 0, No: 0, Abstain: 0, NonVoting: 0 })
        {
            rows.Add(other);
        }

        return new RegionalGroupTally(rows);
    }
}
