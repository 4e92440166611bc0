namespace ResolutionArchive.Parsing.Parsers;

/// <summary>
/// Chinese numerals as used in session lines (input-formats §2.2): 第四十六届会议 → 46, 第七十六届 → 76,
/// 第一百零五 → 105. Arabic digits are accepted too.
/// </summary>
internal static class ChineseNumerals
{
    /// <summary>The value of <paramref name="text"/>, or null when it is not a numeral below 10,000.</summary>
    public static int? Parse(string text)
    {
        if (text.Length == 0)
        {
            return null;
        }

        if (text.All(char.IsAsciiDigit))
        {
            return text.Length <= 6 ? int.Parse(text, System.Globalization.CultureInfo.InvariantCulture) : null;
        }

        var total = 0;
        var digit = -1;
        foreach (var ch in text)
        {
            var d = Digit(ch);
            if (d == 0)
            {
                digit = -1; // 零 only fills a gap: 一百零五
                continue;
            }

            if (d > 0)
            {
                if (digit >= 0)
                {
                    return null; // two digits in a row (一二) is not a numeral
                }

                digit = d;
                continue;
            }

            var unit = ch switch
            {
                '十' => 10,
                '百' => 100,
                '千' => 1000,
                _ => 0,
            };
            if (unit == 0)
            {
                return null;
            }

            total += (digit < 0 ? 1 : digit) * unit; // 十六: a bare 十 counts as 一十
            digit = -1;
        }

        if (digit > 0)
        {
            total += digit;
        }

        return total > 0 ? total : null;
    }

    private static int Digit(char ch) => ch switch
    {
        '零' or '〇' => 0,
        '一' => 1,
        '二' or '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => -1,
    };
}
