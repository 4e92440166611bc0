using System.Text.RegularExpressions;

namespace ResolutionArchive.Parsing.Parsers;

/// <summary>
/// The line patterns of the seed-style layouts, each named after the section of <c>docs/input-formats.md</c> that
/// describes it. Patterns marked "compact" are matched against the line with all white space removed
/// (<see cref="Compact"/>), because the layouts print 2021 年 3 月 and 2021年3月 alike. Digits are ASCII <c>[0-9]</c>,
/// never <c>\d</c>: .NET's <c>\d</c> also matches full-width and other Unicode digits (４９), which
/// <see cref="int.Parse(string, IFormatProvider)"/> then rejects with an exception instead of a diagnostic.
/// </summary>
internal static partial class Patterns
{
    /// <summary>The line without any white space: <c>大 会</c> → <c>大会</c>.</summary>
    public static string Compact(string text) => WhiteSpace().Replace(text, "");

    /// <summary>Removes a markdown ATX heading prefix (<c>## 人权理事会</c>, seed 000; §1.2).</summary>
    public static string StripHeading(string text) => Heading().Replace(text, "");

    [GeneratedRegex(@"\s+")]
    public static partial Regex WhiteSpace();

    [GeneratedRegex(@"^#{1,6}\s+")]
    private static partial Regex Heading();

    /// <summary>§2.2 (compact) session line: 第四十六届会议, 第二十八届特别会议.</summary>
    [GeneratedRegex(@"^第(?<n>[〇零一二两三四五六七八九十百千0-9]+)届(?<special>特别)?会议$")]
    public static partial Regex Session();

    /// <summary>§2.2 (compact) the session's dates: 2021年2月22日至3月24日.</summary>
    [GeneratedRegex(@"^[0-9]{4}年[0-9]{1,2}月[0-9]{1,2}日至(?:[0-9]{4}年)?(?:[0-9]{1,2}月)?[0-9]{1,2}日$")]
    public static partial Regex SessionDates();

    /// <summary>§2.3 agenda item: 议程项目3, 议程项目 74 (b).</summary>
    [GeneratedRegex(@"^议程项目\s*(?<item>\S.*)$")]
    public static partial Regex AgendaItem();

    /// <summary>§2.4 (compact) adoption heading: 人权理事会2021年3月23日通过的决议, 2021年12月16日大会决议.</summary>
    [GeneratedRegex(@"^(?:人权理事会|大会)?(?<y>[0-9]{4})年(?<m>[0-9]{1,2})月(?<d>[0-9]{1,2})日(?:大会)?(?:通过的)?决议$")]
    public static partial Regex AdoptionHeading();

    /// <summary>§2.5 (compact) the word that marks a draft: 决议草案.</summary>
    [GeneratedRegex(@"^决议草案$")]
    public static partial Regex DraftMarker();

    /// <summary>§2.6 number and title: 46/13. 标题, 43/... 标题, S-28/1. 标题.</summary>
    [GeneratedRegex(@"^(?<num>(?:S-)?[0-9]{1,3}/(?:[0-9]{1,4}|\.{3}|…))\.?\s*(?<title>\S.*)$")]
    public static partial Regex NumberAndTitle();

    /// <summary>§2.8 (compact, after markdown is removed) committee report: [根据第三委员会的报告(A/76/462/Add.2，第114段)通过].</summary>
    [GeneratedRegex(@"^\[根据(?<committee>[^(（\[]*?委员会)的报告[(（](?<symbol>[A-Z][^，,()（）]*(?:\([^()]*\))?[^，,()（）]*)(?:[，,]第(?<para>[0-9]{1,6})段)?[)）]通过\]$")]
    public static partial Regex CommitteeReport();

    /// <summary>
    /// §2.5: the document symbol of a draft as the masthead prints it — an L document of the Council or the Assembly, of
    /// a Main Committee of the Assembly, with a revision: <c>A/HRC/43/L.8</c>, <c>A/HRC/43/L.8/Rev.1</c>,
    /// <c>A/75/L.70</c>, <c>A/C.3/76/L.21/Rev.1</c>, of an emergency or a special session: <c>A/ES-11/L.1</c>,
    /// <c>A/HRC/S-33/L.1</c> (UN document symbols, ST/LIB/SER.B/5/Rev.5: <c>L.</c> marks
    /// limited distribution, the series of draft resolutions).
    /// </summary>
    [GeneratedRegex(@"^A/(?:(?:HRC/|C\.[1-6]/)?\d{1,3}|ES-\d{1,2}|HRC/S-\d{1,2})/L\.\d{1,4}(?:/Rev\.\d{1,2})?$")]
    public static partial Regex DraftSymbol();

    /// <summary>
    /// The draft's own symbol in a list of documents as the UN's metadata writes it: <c>A/75/L.32 and A/75/L.32/Add.1</c>
    /// (UN Digital Library), <c>A/75/L.8 和 Add.1</c> (an AKN4UN cover), <c>A/75/L.101 (as amended in A/75/L.104)</c>
    /// (a workflow step) → <c>A/75/L.32</c>, <c>A/75/L.8</c>, <c>A/75/L.101</c>: the first
    /// item, white space removed, when it is an L document (<see cref="DraftSymbol"/>); null otherwise, so that a
    /// committee report in the same place (<c>A/76/461, para. 20</c>) is never taken for the draft (input-formats §7.7, §11.3).
    /// </summary>
    public static string? FirstDraftSymbol(string? documents)
    {
        if (string.IsNullOrWhiteSpace(documents))
        {
            return null;
        }

        var first = documents.Split([" and ", "和", "，", ",", ";", "；", "(", "（"], 2, StringSplitOptions.None)[0];
        var symbol = string.Concat(first.Where(c => !char.IsWhiteSpace(c)));
        return DraftSymbol().IsMatch(symbol) ? symbol : null;
    }

    /// <summary>§1.2 masthead lines in Latin script (Distr.: General, 31 March 2021, Original: English).</summary>
    [GeneratedRegex(@"^[\x20-\x7E]+$")]
    public static partial Regex Masthead();

    /// <summary>§1.2 the enacting formula that opens the preamble (compact): 人权理事会， / 大会，.</summary>
    [GeneratedRegex(@"^(?<body>人权理事会|大会)[，,]$")]
    public static partial Regex EnactingFormula();

    /// <summary>§3.3 an operative paragraph: <c>1. 吁请…</c>, <c>12.  决定…</c>.</summary>
    [GeneratedRegex(@"^(?<n>[0-9]{1,3})\.(?![0-9])\s*(?<text>\S.*)$")]
    public static partial Regex OperativeParagraph();

    /// <summary>§3.5 a sub-paragraph: <c>(a) …</c>, <c>(ii) …</c>, full-width brackets too.</summary>
    [GeneratedRegex(@"^[(（](?<label>[a-z]{1,2}|[ivxlc]+)[)）]\s*(?<text>\S.*)$")]
    public static partial Regex SubParagraph();

    /// <summary>§5.1 a footnote: <c>¹ A/HRC/43/31。</c>, <c>¹² …</c>.</summary>
    [GeneratedRegex(@"^(?<marker>[⁰¹²³⁴⁵⁶⁷⁸⁹]+)\s*(?<text>\S.*)$")]
    public static partial Regex NumberedFootnote();

    /// <summary>§5.2 the asterisk note: <c>* 非人权理事会成员国。</c>.</summary>
    [GeneratedRegex(@"^\\?\*\s+(?<text>\S.*)$")]
    public static partial Regex StarFootnote();

    /// <summary>§4.1 (compact) the date at the foot: 2021年3月23日.</summary>
    [GeneratedRegex(@"^(?<y>[0-9]{4})年(?<m>[0-9]{1,2})月(?<d>[0-9]{1,2})日$")]
    public static partial Regex FootDate();

    /// <summary>§4.2 (compact) the meeting: 第49次会议, 第53次全体会议, 第48次全体会议(续会).</summary>
    [GeneratedRegex(@"^第(?<n>[0-9]{1,4})次(?<plenary>全体)?会议(?<resumed>[(（]续会[)）])?$")]
    public static partial Regex Meeting();

    /// <summary>§4.3 (compact) the opening of the adoption statement: [经记录表决…, [未经表决获得通过。].</summary>
    [GeneratedRegex(@"^\[.*(?:表决|获得通过)")]
    public static partial Regex VoteStatement();

    /// <summary>§4.4 a vote list label, possibly followed by names: 赞成：, 反对：, 弃权：.</summary>
    [GeneratedRegex(@"^(?<label>赞成|反对|弃权)\s*[:：]\s*(?<rest>.*)$")]
    public static partial Regex VoteLabel();

    /// <summary>§4.3 (compact) 26票赞成 / 28票对1票 (first number in favour).</summary>
    [GeneratedRegex(@"(?<n>[0-9]+)票(?:赞成|对)")]
    public static partial Regex YesCount();

    /// <summary>§4.3 (compact) 15票反对 / 28票对1票 (second number against).</summary>
    [GeneratedRegex(@"(?:(?<n>[0-9]+)票反对|票对(?<n>[0-9]+)票)")]
    public static partial Regex NoCount();

    /// <summary>§4.3 (compact) 6票弃权.</summary>
    [GeneratedRegex(@"(?<n>[0-9]+)票弃权")]
    public static partial Regex AbstainCount();

    /// <summary>§1.4 page furniture of the PDF layout: job numbers (GE.21-03912) and lone page numbers.</summary>
    [GeneratedRegex(@"^(?:GE\.[0-9]{2}-[0-9]{4,6}(?:\s*\([A-Z]\))?|[0-9]{1,3}|[0-9]{2}-[0-9]{5})$")]
    public static partial Regex PageFurniture();
}
