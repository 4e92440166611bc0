using System.Globalization;
using Microsoft.Extensions.Localization;
using ResolutionArchive.Parsing.Countries;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Web.Presentation;

/// <summary>
/// The interface's labels for the domain's values (UN Chinese terminology). Each takes an optional localizer
/// (docs/localization.md): the Chinese text is the resource key, so without one the label is Chinese.
/// </summary>
internal static class Labels
{
    /// <summary>人权理事会 / 大会.</summary>
    public static string Of(Body body, IStringLocalizer? l = null) => l.Localize(body == Body.GA ? "大会" : "人权理事会");

    /// <summary>The UN regional group's name (docs/voting.md "Regional groups"); null names the states in no group.</summary>
    public static string Of(Parsing.Countries.RegionalGroup? group, IStringLocalizer? l = null) => l.Localize(group switch
    {
        Parsing.Countries.RegionalGroup.African => "非洲国家组",
        Parsing.Countries.RegionalGroup.AsiaPacific => "亚洲－太平洋国家组",
        Parsing.Countries.RegionalGroup.EasternEuropean => "东欧国家组",
        Parsing.Countries.RegionalGroup.LatinAmericanAndCaribbean => "拉丁美洲和加勒比国家组",
        Parsing.Countries.RegionalGroup.WesternEuropeanAndOther => "西欧和其他国家组",
        _ => "不属任何区域组或名称未能识别",
    });

    /// <summary>已通过 / 决议草案.</summary>
    public static string Of(ResolutionStatus status, IStringLocalizer? l = null) =>
        l.Localize(status == ResolutionStatus.Draft ? "决议草案" : "已通过");

    /// <summary>
    /// How a record is named in lists and headings: its document symbol (<c>A/HRC/RES/46/13</c>, or a draft's
    /// L-symbol when its text states one), else its number (<c>46/13</c>); a draft whose number is not yet given
    /// (<c>43/...</c>, seed 001: the number an adopted text receives is left as dots, input-formats §2) is named
    /// "决议草案 · 第 43 届会议" instead of "43/...".
    /// </summary>
    public static string Name(string? symbol, string number, IStringLocalizer? l = null)
    {
        if (symbol is not null)
        {
            return symbol;
        }

        ArgumentNullException.ThrowIfNull(number);
        var slash = number.IndexOf('/', StringComparison.Ordinal);
        return slash > 0 && number[(slash + 1)..].Trim() is "..." or "…" or "……" && int.TryParse(number.AsSpan(0, slash), System.Globalization.CultureInfo.InvariantCulture, out var session)
            ? l.Localize("决议草案 · {0}", Session(session, l))
            : number;
    }

    /// <summary>经记录表决 / 未经表决 / 未说明.</summary>
    public static string Of(VoteMode mode, IStringLocalizer? l = null) => l.Localize(mode switch
    {
        VoteMode.Recorded => "经记录表决",
        VoteMode.WithoutVote => "未经表决",
        VoteMode.SilenceProcedure => "默许程序",
        _ => "未说明",
    });

    /// <summary>第 49 次会议, 第 53 次全体会议（续会）.</summary>
    public static string Of(Meeting meeting, IStringLocalizer? l = null) =>
        l.Localize(meeting.Plenary ? "第 {0} 次全体会议" : "第 {0} 次会议", meeting.Number) + (meeting.Resumed ? l.Localize("（续会）") : "");

    /// <summary>The tally as printed: 26 票赞成、15 票反对、6 票弃权; empty when there was no recorded vote.</summary>
    public static string Tally(Vote vote, IStringLocalizer? l = null) => vote.Mode == VoteMode.Recorded
        ? l.Plural("{0} 票赞成、{1} 票反对、{2} 票弃权", vote.AbstainCount, (object?)vote.YesCount ?? "", (object?)vote.NoCount ?? "", (object?)vote.AbstainCount ?? "")
        : "";

    /// <summary>
    /// The name of a state in the interface's language: the official UN Chinese short name, or the English short name
    /// when the UI culture is English; the code itself when unknown.
    /// </summary>
    public static string CountryName(string iso3) => UiCulture.IsEnglish ? CountryNameEn(iso3) : CountryNameZh(iso3);

    /// <summary>The official UN Chinese short name of a state, or the code itself when unknown.</summary>
    public static string CountryNameZh(string iso3) => CountryRegistry.Default.FindByIso3(iso3)?.NameZh ?? iso3;

    /// <summary>The English short name of a state, or the code itself.</summary>
    public static string CountryNameEn(string iso3) => CountryRegistry.Default.FindByIso3(iso3)?.NameEn ?? iso3;

    /// <summary>
    /// The official name a state bore on <paramref name="date"/> in <paramref name="language"/> (<c>zh</c> or <c>en</c>):
    /// a 2018 vote shows Swaziland / 斯威士兰, a 2023 one Eswatini (docs/voting.md); the code itself when unknown.
    /// </summary>
    public static string CountryNameOn(string iso3, DateOnly? date, string language) =>
        CountryRegistry.Default.FindByIso3(iso3)?.NameOn(date, language) ?? iso3;

    /// <summary>True when <paramref name="iso3"/> is a state the country registry knows (it has a Chinese and an English name).</summary>
    public static bool IsKnownCountry(string iso3) => CountryRegistry.Default.FindByIso3(iso3) is not null;

    /// <summary>第 76 届会议.</summary>
    public static string Session(int session, IStringLocalizer? l = null) => l.Localize("第 {0} 届会议", session);

    /// <summary>人权理事会第 46 届会议, 大会第 76 届会议.</summary>
    public static string Session(Body body, int session, IStringLocalizer? l = null) =>
        l.Localize("{0}第 {1} 届会议", Of(body, l), session);

    /// <summary>
    /// A sponsor as the page shows it: the name of a state (<see cref="CountryName"/>), else the name as printed (a
    /// sponsor that is not a state). The printed form (e.g. "Cuba (on behalf of …)") stays available as the item's title.
    /// </summary>
    public static string SponsorName(Sponsor sponsor) =>
        sponsor.Country is { } iso3 ? CountryName(iso3) : sponsor.Name ?? "";

    /// <summary>A date as 2021 年 3 月 23 日, or 23 March 2021 when the UI culture is English.</summary>
    public static string Date(DateOnly date) => UiCulture.IsEnglish
        ? date.ToString("d MMMM yyyy", CultureInfo.GetCultureInfo("en"))
        : $"{date.Year} 年 {date.Month} 月 {date.Day} 日";
}

/// <summary>A run of clause text, emphasised or not, for rendering <see cref="Emphasis"/> as <c>&lt;strong&gt;</c>.</summary>
/// <param name="Text">The characters of the run (escaped by Razor when rendered).</param>
/// <param name="Emphasised">True when the source emphasised it.</param>
internal sealed record TextRun(string Text, bool Emphasised)
{
    /// <summary>Cuts <paramref name="text"/> at the emphasis spans; overlapping or out-of-range spans are ignored.</summary>
    public static IReadOnlyList<TextRun> Split(string text, IReadOnlyList<Emphasis> emphasis)
    {
        var runs = new List<TextRun>();
        var at = 0;
        foreach (var span in emphasis.OrderBy(e => e.Start))
        {
            if (span.Start < at || span.Start + span.Length > text.Length || span.Length <= 0)
            {
                continue;
            }

            if (span.Start > at)
            {
                runs.Add(new TextRun(text[at..span.Start], false));
            }

            runs.Add(new TextRun(text.Substring(span.Start, span.Length), true));
            at = span.Start + span.Length;
        }

        if (at < text.Length)
        {
            runs.Add(new TextRun(text[at..], false));
        }

        return runs;
    }
}
