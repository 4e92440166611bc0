namespace ResolutionArchive.Parsing.Parsers;

/// <summary>
/// Chinese numerals as used in session lines (input-formats §2.2): 第四十六届会议 → 46, 第七十六届 → 76,
/// 第一百零五 → 105. Arabic digits are accepted too. Parsing and writing sit together so that they stay each other's
/// inverse.
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

    /// <summary>1 → 一, 46 → 四十六, 76 → 七十六, 105 → 一百零五 (Chinese numerals for a session number, 1–9999;
    /// the AKN export's <c>第七十六届会议</c>, docs/akn-export.md). The inverse of <see cref="Parse"/> on 1–9999; any other
    /// value is written in Arabic digits.</summary>
    public static string Format(int value)
    {
        const string digits = "零一二三四五六七八九";
        if (value <= 0 || value > 9999)
        {
            return value.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        if (value < 10)
        {
            return digits[value].ToString();
        }

        if (value < 20)
        {
            return "十" + (value % 10 == 0 ? string.Empty : digits[value % 10].ToString());
        }

        string[] units = ["千", "百", "十", string.Empty];
        int[] powers = [1000, 100, 10, 1];
        var builder = new System.Text.StringBuilder();
        var pendingZero = false;
        for (var i = 0; i < powers.Length; i++)
        {
            var d = value / powers[i] % 10;
            if (d == 0)
            {
                pendingZero = builder.Length > 0;
                continue;
            }

            if (pendingZero)
            {
                builder.Append('零');
                pendingZero = false;
            }

            builder.Append(digits[d]).Append(units[i]);
        }

        return builder.ToString();
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
