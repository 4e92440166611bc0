using ResolutionArchive.Parsing.Countries;
using ResolutionArchive.Parsing.Diagnostics;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Parsing.Parsers;

/// <summary>
/// Completes a recorded vote with its non-voting members (input-formats §4.5): the members of the body on the adoption
/// date (<see cref="CountryRegistry.MembersOn"/>) that are in none of the three lists. Shared by both readers, so that a
/// seed text and an AKN4UN file of one vote give the same list.
/// </summary>
internal static class NonVotingMembers
{
    /// <summary>
    /// The vote with <see cref="Vote.NonVoting"/> set. A listed state that was not a member on that date is kept where
    /// it is printed and reported as a warning (the registry or the text is wrong, and the data-quality report shows
    /// which). Nothing is computed for a vote that is not recorded, has no date, or falls on a date for which the
    /// registry holds no Council membership (a warning says so).
    /// </summary>
    public static Vote Complete(Vote vote, Body body, DateOnly? date, CountryRegistry registry, string file, int line, List<ParseDiagnostic> diagnostics)
    {
        if (vote.Mode != VoteMode.Recorded || date is not { } on)
        {
            return vote;
        }

        if (body == Body.HRC && !registry.KnowsCouncilOn(on))
        {
            diagnostics.Add(new ParseDiagnostic(file, line, $"expected the Council's membership on {on:yyyy-MM-dd} in the country registry, found none; non-voting members not computed", DiagnosticSeverity.Warning));
            return vote;
        }

        var members = registry.MembersOn(body, on);
        var memberCodes = members.Select(m => m.Iso3).ToHashSet(StringComparer.Ordinal);
        var listed = vote.Yes.Concat(vote.No).Concat(vote.Abstain).ToHashSet(StringComparer.Ordinal);
        foreach (var code in vote.Yes.Concat(vote.No).Concat(vote.Abstain).Where(c => !memberCodes.Contains(c)))
        {
            var what = body == Body.GA ? "a member of the United Nations" : "a member of the Human Rights Council";
            diagnostics.Add(new ParseDiagnostic(file, line, $"expected only members in the recorded vote, found {code}, which was not {what} on {on:yyyy-MM-dd} according to the country registry", DiagnosticSeverity.Warning));
        }

        return vote with { NonVoting = members.Select(m => m.Iso3).Where(c => !listed.Contains(c)).ToList() };
    }
}
