using Microsoft.Extensions.Localization;
using ResolutionArchive.Data.Voting;

namespace ResolutionArchive.Web.Presentation;

/// <summary>
/// How a state's part in a recorded vote is named and marked on the pages (docs/voting.md §1): a word, a CSS class,
/// and a symbol so that colour is never the only cue (✓ in favour, ✗ against, ○ abstaining, – absent, · not listed).
/// </summary>
internal static class VotingLabels
{
    /// <summary>Every value, in the order the pages list them.</summary>
    public static IReadOnlyList<CountryVote> All { get; } =
        [CountryVote.InFavour, CountryVote.Against, CountryVote.Abstaining, CountryVote.Absent, CountryVote.NotListed];

    /// <summary>赞成, 反对, 弃权, 未参加表决 (a non-voting member: input-formats §4.5), 未列名 (through the localizer when given).</summary>
    public static string Of(CountryVote vote, IStringLocalizer? l = null) => l.Localize(vote switch
    {
        CountryVote.InFavour => "赞成",
        CountryVote.Against => "反对",
        CountryVote.Abstaining => "弃权",
        CountryVote.Absent => "未参加表决",
        _ => "未列名",
    });

    /// <summary>The CSS class and the value used in data attributes and the API: yes, no, abstain, absent, not-listed.</summary>
    public static string Value(CountryVote vote) => vote switch
    {
        CountryVote.InFavour => "yes",
        CountryVote.Against => "no",
        CountryVote.Abstaining => "abstain",
        CountryVote.Absent => "absent",
        _ => "not-listed",
    };

    /// <summary>The symbol shown beside the word or inside a grid cell.</summary>
    public static string Symbol(CountryVote vote) => vote switch
    {
        CountryVote.InFavour => "✓",
        CountryVote.Against => "✗",
        CountryVote.Abstaining => "○",
        CountryVote.Absent => "–",
        _ => "·",
    };

    /// <summary>A share as a whole percentage: <c>87%</c>.</summary>
    public static string Percent(double share) => Math.Round(share * 100, MidpointRounding.AwayFromZero).ToString("0", System.Globalization.CultureInfo.InvariantCulture) + "%";
}
