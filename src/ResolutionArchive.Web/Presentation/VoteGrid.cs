using System.Globalization;
using ResolutionArchive.Data.Voting;
using ResolutionArchive.Parsing.Countries;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Web.Presentation;

/// <summary>
/// A recorded vote as a grid of states by UN regional group (the groups through which Council seats and offices are
/// shared out, from the country registry's <c>regional_group</c> column: docs/voting.md §5 and "Regional groups"), each
/// cell the state's name on the day of the vote in the page's language, coloured and marked by its vote; rendered by
/// <c>Pages/Resolutions/_VoteGrid.cshtml</c>. A General Assembly vote shows every member state, those in no list as
/// absent; a Council vote shows only the listed states (the archive does not hold the Council's membership).
/// </summary>
/// <param name="Groups">The five groups in the registry's order, then the states in no group (the Holy See, a state the
/// registry has no group for) under null; each with its cells, by name (Chinese names in pinyin order, the collation of
/// <c>zh-CN</c>); empty groups are left out.</param>
internal sealed record VoteGrid(IReadOnlyList<(RegionalGroup? Group, IReadOnlyList<VoteGrid.Cell> Cells)> Groups)
{
    /// <summary>One state's cell.</summary>
    /// <param name="Iso3">The state's ISO 3166-1 alpha-3 code.</param>
    /// <param name="Name">Its name on the day of the vote, in the page's language (the code when the registry does not know it).</param>
    /// <param name="Vote">How it voted.</param>
    public sealed record Cell(string Iso3, string Name, CountryVote Vote);

    /// <summary>
    /// The grid of <paramref name="vote"/> adopted by <paramref name="body"/> on <paramref name="date"/>, with names in
    /// <paramref name="language"/> (<c>zh</c> or <c>en</c>); null when it is not a recorded vote.
    /// </summary>
    public static VoteGrid? For(Body body, Vote vote, DateOnly? date = null, string language = "zh")
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

        var states = CountryRegions.Default.Tree().SelectMany(r => r.SubRegions).SelectMany(s => s.Iso3)
            .Concat(positions.Keys).Concat(nonVoting)
            .Distinct(StringComparer.Ordinal);
        var order = StringComparer.Create(CultureInfo.GetCultureInfo(language == "en" ? "en" : "zh-CN"), ignoreCase: false);
        var registry = CountryRegistry.Default;
        var cells = states
            .Select(iso3 => (Iso3: iso3, Vote: Of(iso3)))
            .Where(s => s.Vote is not null)
            .Select(s => new Cell(s.Iso3, Labels.CountryNameOn(s.Iso3, date, language), s.Vote!.Value))
            .ToList();
        var groups = Enum.GetValues<RegionalGroup>().Select(g => (RegionalGroup?)g).Append(null)
            .Select(g => (Group: g, Cells: (IReadOnlyList<Cell>)cells.Where(c => registry.FindByIso3(c.Iso3)?.RegionalGroup == g).OrderBy(c => c.Name, order).ToList()))
            .Where(g => g.Cells.Count > 0)
            .ToList();
        return groups.Count == 0 ? null : new VoteGrid(groups);
    }
}
