using System.Text.RegularExpressions;
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
    /// <summary>The UN Chinese names of the groups and organizations states sponsor for (UNTERM), by English name.</summary>
    private static readonly Dictionary<string, string> Chinese = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Group of 77 and China"] = "77 国集团和中国",
        ["Group of 77"] = "77 国集团",
        ["Movement of Non-Aligned Countries"] = "不结盟国家运动",
        ["Group of African States"] = "非洲国家组",
        ["Group of Asia-Pacific States"] = "亚洲－太平洋国家组",
        ["Group of Eastern European States"] = "东欧国家组",
        ["Group of Latin American and Caribbean States"] = "拉丁美洲和加勒比国家组",
        ["Group of Western European and other States"] = "西欧和其他国家组",
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

    /// <summary>
    /// The group named in a state sponsor's closing <c>(on behalf of …)</c> bracket, without the UN's standing words
    /// <c>the States Members of the United Nations that are members of</c> and a leading <c>the</c>, white space
    /// collapsed: <c>Movement of Non-Aligned Countries</c>. Null for a sponsor without a state (its name is shown whole)
    /// or without such a bracket.
    /// </summary>
    public static string? OnBehalfOf(Sponsor sponsor)
    {
        if (sponsor.Country is null || sponsor.Name is not { } name || OnBehalf().Match(name) is not { Success: true } match)
        {
            return null;
        }

        var group = WhiteSpace().Replace(match.Groups["group"].Value, " ").Trim();
        group = StandingWords().Replace(group, "");
        return group.Length == 0 ? null : group;
    }

    /// <summary>
    /// The group's name for the page: its UN Chinese name in the Chinese interface when the table above has it, with
    /// <c>IsEnglish</c> false; otherwise the English name as printed, with <c>IsEnglish</c> true (to be marked
    /// <c>lang="en"</c>).
    /// </summary>
    public static (string Name, bool IsEnglish) Display(string group, bool englishInterface) =>
        !englishInterface && Chinese.TryGetValue(group, out var chinese) ? (chinese, false) : (group, true);

    [GeneratedRegex(@"\((?:of|on) behalf of (?<group>[^()]+)\)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex OnBehalf();

    [GeneratedRegex(@"^(?:the )?(?:States Members of the United Nations that are members of )?(?:the )?", RegexOptions.IgnoreCase)]
    private static partial Regex StandingWords();

    [GeneratedRegex(@"\s+")]
    private static partial Regex WhiteSpace();
}
