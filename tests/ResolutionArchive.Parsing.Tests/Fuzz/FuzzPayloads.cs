using System.Text;
using CsCheck;

namespace ResolutionArchive.Parsing.Tests.Fuzz;

/// <summary>
/// One mutation step: its kind and three numbers that pick the place, the extent and the payload. CsCheck generates and
/// shrinks the numbers (towards 0: the first place, the smallest extent, the first payload), so a failing input shrinks
/// to a short recipe.
/// </summary>
/// <param name="Kind">Index into the mutator's list of kinds.</param>
/// <param name="A">Usually the place (taken modulo the length).</param>
/// <param name="B">Usually the extent or a variant.</param>
/// <param name="C">Usually the payload.</param>
internal readonly record struct MutationStep(int Kind, int A, int B, int C)
{
    /// <summary>Steps of <paramref name="kinds"/> kinds, with numbers up to a million.</summary>
    public static Gen<MutationStep> Generator(int kinds) =>
        Gen.Select(Gen.Int[0, kinds - 1], Gen.Int[0, 1_000_000], Gen.Int[0, 1_000_000], Gen.Int[0, 1_000_000], (k, a, b, c) => new MutationStep(k, a, b, c));

    /// <summary>A random source fixed by the step's numbers, for steps that touch several places.</summary>
    public Random Random() => new(HashCode.Combine(Kind, A, B, C));

    public string Describe(IReadOnlyList<string> names) => $"{names[Kind]}({A},{B},{C})";
}

/// <summary>The hostile material the mutators insert: odd characters, junk tokens, huge numbers, broken UTF-8, DTDs.</summary>
internal static class FuzzPayloads
{
    /// <summary>Characters and short strings that upset text handling (lone surrogates become U+FFFD when encoded).</summary>
    public static readonly string[] Unicode =
    [
        "\uD800", "\uDC00", "\uDBFF\uDBFF", "\uDFFF\uD800", "😀", "𠀀", "\uD83D", "\uFFFE", "\uFFFF", "\uFFFD", "\u0000",
        "\u0001", "\u0007", "\u0008", "\u000B", "\u000C", "\u001B", "\u001F", "\u007F", "\u0085", "\u00A0", "\u00AD",
        "\u0300", "\u0301\u0302\u0303", "\u034F", "\u061C", "\u115F", "\u180E", "\u200B", "\u200C", "\u200D", "\u200E",
        "\u200F", "\u2028", "\u2029", "\u202A", "\u202B", "\u202C", "\u202D", "\u202E", "\u2060", "\u2066", "\u2069",
        "\u3000", "\u3002", "\uFEFF", "\uFF0E", "\uFF11", "\uFF19", "\u2460", "\u3220", "\u3229", "\u2160", "\u216B",
        "\u00B9", "\u00B2", "\u2070", "\u2074", "\u2079", "\u0660", "\u0669", "\u06F1", "\u0967", "\uFF10", "\uE000",
        "\U000E0001", "\U0010FFFF", "\u2E80", "\u2F00", "\u31C0", "\uF900", "\uFA0E", "\u3007", "\u4E00\u0301",
        "\u1100\u1161", "ﬁ", "Å", "Å", "ǅ", "ß", "İ", "ı", "\u0130\u0131", "\t", "\r", "\n", "\r\n", "\n\r",
    ];

    /// <summary>Tokens of the seed layouts and markup, in and out of place.</summary>
    public static readonly string[] Junk =
    [
        "**", "*", "_", "__", "`", "```", "[", "]", "(", ")", "（", "）", "【", "】", "《", "》", "\\", "<", ">", "&", "&amp;",
        "&#x4E2D;", "&#0;", "<script>alert(1)</script>", "<br/>", "<!--", "-->", "# ", "## ", "### ", "#### ", "> ", "- ",
        "+ ", "1. ", "0. ", "-1. ", "99. ", "1000000. ", "1.1. ", "(a) ", "(z) ", "(aa) ", "(iv) ", "(mmmcmxcix) ", "㈠ ",
        "赞成：", "反对：", "弃权：", "赞成:", "和", "、", "，", "。", "；", "：", "票", "票对", "[经记录表决，以 ",
        "[未经表决获得通过。]", "[未经表决获得通过。", "获得通过。]", "第 9999 次会议", "第 0 次会议", "次会议", "全体会议",
        "2021 年 2 月 29 日", "2021 年 13 月 1 日", "2021 年 0 月 0 日", "0000 年 1 月 1 日", "9999 年 12 月 31 日",
        "人权理事会，", "大会，", "人权理事会", "大会", "43/...", "46/", "/13", "S-", "S-1/1", "A/HRC/RES/", "A/RES/",
        "第一百零五届会议", "第届会议", "届会", "特别会议", "议程项目", "议程项目 ", "决议草案", "提案国", "附件", "附录",
        "Distr.: General", "Original: English", "Chinese", "GE.21-", "* ", "** ", "***", "¹", "²³", "¹²³⁴⁵⁶⁷⁸⁹⁰", "⁰",
        "\uFFFD", "４９", "٣", "第 ４ 次会议", "２０２１ 年", "黑\n山", "\n\n\n", "\n", " ", "\u3000", "\t",
        "A/HRC/46/L.12", "，第 114 段", "A/76/462/Add.2，第 99999999999 段", "见 A/HRC/46/13 号决议", "第 46/13 号决议",
    ];

    /// <summary>Numbers that overflow, underflow or are not numbers, to put where digits stand.</summary>
    public static readonly string[] Numbers =
    [
        "99999999999999999999", "9999999999999999999999999999999999999999", "2147483647", "2147483648", "-2147483648",
        "4294967296", "18446744073709551616", "-1", "-0", "0", "00", "000000000001", "1e9", "1E+308", "1.5", "0x7FFFFFFF",
        "NaN", "Infinity", "١٢", "１２", "⑫", "Ⅻ", "十二", "", " ", "1 2", "+1", "9", "10000", "65536", "32768",
    ];

    /// <summary>Chinese numerals garbage, for session numbers and dates.</summary>
    public static readonly string[] ChineseNumerals =
    [
        "九九九九九九九九九九九九", "一百零五亿", "〇〇〇", "十十十", "两千零两十", "万万万亿", "壹贰叁", "百", "千", "零", "〇",
        "九千九百九十九", "一万", "一千零一", "十百千", "千百十", "二二", "零零零零零", "负一", "九" + new string('千', 400),
        string.Concat(Enumerable.Repeat("九千", 300)), "第", "届", "十六七", "廿", "卅", "两", "一〇〇", "百零", "",
    ];

    /// <summary>Characters to make very long lines of.</summary>
    public static readonly char[] LongLineChars = ['人', 'a', ' ', '*', '(', '[', '1', '、', '，', '千', '\u3000', '\t', '_', '\\', '#', '¹'];

    /// <summary>
    /// The longest run of emphasis delimiters (<c>*</c>, <c>_</c>) made: runs of tens of thousands on both sides of a
    /// word nest emphasis so deep that the parser's recursion overflows the stack, which kills the test host
    /// (ParserFuzzTests.DeeplyNestedEmphasisDoesNotOverflowTheStack); until that is fixed the fuzz stays below it.
    /// </summary>
    public const int MaxDelimiterRun = 1_000;

    /// <summary>Byte sequences that are not valid UTF-8 (lone surrogates, overlong forms, beyond U+10FFFF, cut sequences).</summary>
    public static readonly byte[][] InvalidUtf8 =
    [
        [0xED, 0xA0, 0x80], [0xED, 0xB0, 0x80], [0xED, 0xA0, 0x80, 0xED, 0xB0, 0x80], [0xC0, 0xAF], [0xC0, 0x80],
        [0xE0, 0x80, 0xAF], [0xF0, 0x80, 0x80, 0xAF], [0xF4, 0x90, 0x80, 0x80], [0xF8, 0x88, 0x80, 0x80, 0x80], [0xFE],
        [0xFF], [0x80], [0xBF], [0xE4, 0xBA], [0xF0, 0x9F, 0x98], [0xC3], [0xC2, 0x20], [0xE4, 0x0A, 0xBA], [0x00],
        [0x00, 0x00, 0xFE, 0xFF],
    ];

    /// <summary>Byte order marks: UTF-8, UTF-16 LE and BE, UTF-32 LE and BE, two UTF-8 marks.</summary>
    public static readonly byte[][] Boms =
    [
        [0xEF, 0xBB, 0xBF], [0xFF, 0xFE], [0xFE, 0xFF], [0xFF, 0xFE, 0x00, 0x00], [0x00, 0x00, 0xFE, 0xFF],
        [0xEF, 0xBB, 0xBF, 0xEF, 0xBB, 0xBF], [0x2B, 0x2F, 0x76], [0xF7, 0x64, 0x4C],
    ];

    /// <summary>Values for XML attributes: dates, references and numbers that the AKN reader parses.</summary>
    public static readonly string[] AttributeValues =
    [
        "", " ", "2021-02-29", "2021-13-45", "9999-99-99", "0000-00-00", "21-12-16", "2021-12-16T25:00", "-1", "0",
        "99999999999999999999", "#", "##", "#ga", "#hrc", "ga", "hrc", "#unknown", "../../etc/passwd", "file:///etc/passwd",
        "/akn/un/statement/deliberation/unga/2021-12-16/76-159/", "/akn/un/", "/akn/un/statement/deliberation/unga//",
        "/akn/ontology/organization/iso3166-1/", "/akn/ontology/organization/iso3166-1/ZZZ", "draftResolution",
        "resolution", "adopted", "recorded", "withoutVote", "inFavour", "against", "abstaining", "yes", "no", "true",
        "false", "zho", "en", "A/RES/76/159", "A/RES/", "A/RES/76/", "A/HRC/RES/46/13", "S-1/1", "第1次", "第99999999999次",
        "PV.99999999999", "PV.", "Adopted 999999999999-1-1", "Adopted --", "Adopted 1-2-3", "2 (a)", "99999999999 (zz)",
        "(a)", "(", "㈠", new string('x', 5_000), "人权", "\u3000", "\u202E", "&", "<", "\"", "'", "{0}", "%s%n",
    ];

    /// <summary>Text for XML elements: numbers, labels, vote statements, names.</summary>
    public static readonly string[] ElementTexts =
    [
        "", " ", "1.", "1.\t", "99999999999999999999.\t", "0.\t", "-1.\t", "一.", "(a)", "(zz)", "(mmmmmmm)", "㈩", "①",
        "第 99999999999 次全体会议", "第99999999999次全体会议", "第次会议", "A/76/PV.99999999999", "A/76/PV.",
        "99999999999th plenary meeting", "Adopted 99999999999-0-0", "Adopted 1-1-1 (recorded vote)",
        "2021 年 2 月 29 日", "2021年13月45日", "二〇二一年十二月十六日", "9999年99月99日", "A/76/462/Add.2，第 99999999999 段",
        "A/76/462/Add.2，第 -1 段", "，第 1 段", "人权理事会，", "大会，", "大会", "赞成：", "反对：", "弃权：", "中国、美国",
        "中国、中国、中国", "不存在的国家、火星", "、、、", "；", new string('人', 20_000), "\u3000\u3000", "76/159", "76/",
        "/", "S-32/1", "ES-11/1", "46/13", "46/...", "第四十六届会议", "第九九九九九九九九九九届会议", "第届会议",
        "议程项目 99999999999", "议程项目 3 (a)", "{0}", "%s%n", "&", "<script>alert(1)</script>", "]]>",
    ];

    /// <summary>Unicode strings, XML-legal, to put in element text or attributes.</summary>
    public static string XmlLegal(string text) =>
        new([.. text.Where(c => c is '\t' or '\n' or '\r' || (c >= ' ' && c != '\uFFFE' && c != '\uFFFF' && !char.IsSurrogate(c)))]);

    /// <summary>A copy of <paramref name="bytes"/> with <paramref name="insert"/> at <paramref name="at"/>.</summary>
    public static byte[] Insert(byte[] bytes, int at, ReadOnlySpan<byte> insert)
    {
        at = Math.Clamp(at, 0, bytes.Length);
        return [.. bytes.AsSpan(0, at), .. insert, .. bytes.AsSpan(at)];
    }

    /// <summary>The UTF-8 bytes of <paramref name="text"/> (lone surrogates become U+FFFD, as any writer would).</summary>
    public static byte[] Utf8(string text) => Encoding.UTF8.GetBytes(text);
}
