using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;
using ResolutionArchive.Parsing.Akn;
using ResolutionArchive.Parsing.Countries;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Web.Presentation;

/// <summary>
/// The group a state sponsored a draft for: the UN prints <c>Cuba (on behalf of the States Members of the United Nations
/// that are members of the Movement of Non-Aligned Countries)</c> in a sponsor list (an AKN4UN file's
/// <c>workflow/step/@by</c>, input-formats §7.7), the state resolves to CUB and the bracket stays in
/// <see cref="Sponsor.Name"/>. A researcher reads the bracket as much as the state: it says whose draft it was. The site
/// shows it after the state's name, in Chinese for the groups that sponsor in sessions 75–77 (their UN Chinese names,
/// UNTERM), else as printed, in English.
/// </summary>
internal static partial class SponsorGroups
{
    /// <summary>
    /// The UN Chinese names (UNTERM) of the groups and organizations, other than the five regional groups, that states
    /// sponsor for, by English name.
    /// </summary>
    private static readonly Dictionary<string, string> Chinese = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Group of 77 and China"] = "77 国集团和中国",
        ["Group of 77"] = "77 国集团",
        ["Movement of Non-Aligned Countries"] = "不结盟国家运动",
        ["Group of Arab States"] = "阿拉伯国家组",
        ["Organization of Islamic Cooperation"] = "伊斯兰合作组织",
        ["League of Arab States"] = "阿拉伯国家联盟",
        ["European Union"] = "欧洲联盟",
        ["African Union"] = "非洲联盟",
        ["Association of Southeast Asian Nations"] = "东南亚国家联盟",
        ["Economic Community of Central African States"] = "中部非洲国家经济共同体",
        ["Economic Community of West African States"] = "西非国家经济共同体",
        ["Southern African Development Community"] = "南部非洲发展共同体",
        ["Caribbean Community"] = "加勒比共同体",
        ["Pacific Islands Forum"] = "太平洋岛屿论坛",
        ["Nordic countries"] = "北欧国家",
    };

    /// <summary>The five UN regional groups by their English names, named on the page by <see cref="Labels.Of(RegionalGroup?, Microsoft.Extensions.Localization.IStringLocalizer?)"/>.</summary>
    private static readonly Dictionary<string, RegionalGroup> RegionalGroups = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Group of African States"] = RegionalGroup.African,
        ["Group of Asia-Pacific States"] = RegionalGroup.AsiaPacific,
        ["Group of Eastern European States"] = RegionalGroup.EasternEuropean,
        ["Group of Latin American and Caribbean States"] = RegionalGroup.LatinAmericanAndCaribbean,
        ["Group of Western European and other States"] = RegionalGroup.WesternEuropeanAndOther,
    };

    /// <summary>
    /// The group named in a state sponsor's closing <c>(on behalf of …)</c> bracket (<see cref="AknSponsors.OnBehalfOf"/>),
    /// without the UN's standing words <c>the States Members of the United Nations that are members of</c> and a leading
    /// <c>the</c>, white space collapsed: <c>Movement of Non-Aligned Countries</c>. Null for a sponsor without a state
    /// (its name is shown whole) or without such a bracket.
    /// </summary>
    public static string? OnBehalfOf(Sponsor sponsor)
    {
        if (sponsor.Country is null || sponsor.Name is not { } name || AknSponsors.OnBehalfOf(name) is not { } printed)
        {
            return null;
        }

        var group = StandingWords().Replace(WhiteSpace().Replace(printed, " "), "");
        return group.Length == 0 ? null : group;
    }

    /// <summary>
    /// What the page writes after the state's name, or null when it acted for no group: <c>（代表</c>, the group, <c>）</c>
    /// in Chinese, <c> (on behalf of the </c>, the group, <c>)</c> in English. In the Chinese interface the group is a regional
    /// group's label (as on the country pages), else its UN Chinese name, else its English name as printed with
    /// <c>Lang</c> <c>en</c>; in the English interface it is the name as printed.
    /// </summary>
    public static OnBehalf? For(Sponsor sponsor, IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(l);
        if (OnBehalfOf(sponsor) is not { } group)
        {
            return null;
        }

        var (name, english) = UiCulture.IsEnglish ? (group, false)
            : RegionalGroups.TryGetValue(group, out var regional) ? (Labels.Of(regional, l), false)
            : Chinese.TryGetValue(group, out var chinese) ? (chinese, false)
            : (group, true);
        var around = l["（代表{0}）"].Value;
        var at = around.IndexOf("{0}", StringComparison.Ordinal);
        return new OnBehalf(around[..at], name, english ? "en" : null, around[(at + 3)..]);
    }

    /// <summary>The words after a sponsor's name: <paramref name="Before"/>, <paramref name="Group"/> (in
    /// <paramref name="Lang"/> when not null), <paramref name="After"/>.</summary>
    /// <param name="Before"><c>（代表</c> or <c> (on behalf of the </c>.</param>
    /// <param name="Group">The group's name.</param>
    /// <param name="Lang"><c>en</c> for an English name on a Chinese page; else null.</param>
    /// <param name="After"><c>）</c> or <c>)</c>.</param>
    public sealed record OnBehalf(string Before, string Group, string? Lang, string After);

    [GeneratedRegex(@"^(?:the )?(?:States Members of the United Nations that are members of )?(?:the )?", RegexOptions.IgnoreCase)]
    private static partial Regex StandingWords();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
