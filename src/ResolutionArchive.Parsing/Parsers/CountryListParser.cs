using ResolutionArchive.Parsing.Countries;

namespace ResolutionArchive.Parsing.Parsers;

/// <summary>A country named in a list, resolved to the registry, with the <c>*</c> that may follow it.</summary>
/// <param name="Country">The resolved state; null for a name the registry does not know (kept as printed).</param>
/// <param name="Starred">True when the name was followed by <c>*</c> (a footnote marker: "not a member of the Council").</param>
/// <param name="Name">The name as printed, white space removed, without the <c>*</c>.</param>
internal sealed record ListedCountry(Country? Country, bool Starred, string Name);

/// <summary>
/// Splits a printed list of Chinese country names into states (input-formats §4.4). Names are separated by 、 and the
/// last two by 和; but 和 also occurs inside names (委内瑞拉玻利瓦尔共和国, 特立尼达和多巴哥, 波斯尼亚和黑塞哥维那),
/// so each 、-separated item is split by the registry: the item is cut at the 和 positions that leave only known
/// names, preferring the cut with fewest names. White space (a name broken across lines: 黑\n山) is ignored.
/// </summary>
internal static class CountryListParser
{
    /// <summary>
    /// Resolves <paramref name="list"/> in printed order; an item that does not resolve is kept in place with
    /// <c>Country</c> null and its printed name (input-formats §4.4: a name the registry does not know never drops
    /// the list). Names are looked up for <paramref name="date"/> (a name two states bore at different times).
    /// </summary>
    public static IReadOnlyList<ListedCountry> Parse(string list, CountryRegistry registry, DateOnly? date = null)
    {
        var countries = new List<ListedCountry>();
        var compact = CountryRegistry.NormalizeName(list).TrimEnd('。', '.', '；', ';', '：', ':');
        foreach (var item in compact.Split(['、', '，', ','], StringSplitOptions.RemoveEmptyEntries))
        {
            var split = SplitItem(item, registry, date);
            if (split is null)
            {
                var starred = item.EndsWith('*');
                countries.Add(new ListedCountry(null, starred, starred ? item[..^1] : item));
            }
            else
            {
                countries.AddRange(split);
            }
        }

        return countries;
    }

    /// <summary>
    /// Splits one item ("乌拉圭和委内瑞拉玻利瓦尔共和国") into known names joined by 和; null when no split works.
    /// Dynamic programming over the item: best[i] is the fewest names that cover item[..i].
    /// </summary>
    private static List<ListedCountry>? SplitItem(string item, CountryRegistry registry, DateOnly? date)
    {
        var n = item.Length;
        var best = new int[n + 1];
        var back = new (int Start, ListedCountry Country)[n + 1];
        Array.Fill(best, int.MaxValue);
        best[0] = 0;
        for (var start = 0; start < n; start++)
        {
            if (best[start] == int.MaxValue)
            {
                continue;
            }

            // after the first name, the next one must be introduced by 和
            var nameStart = start;
            if (start > 0)
            {
                if (item[start] != '和')
                {
                    continue;
                }

                nameStart = start + 1;
            }

            for (var end = nameStart + 1; end <= n && end - nameStart <= registry.LongestChineseName + 1; end++)
            {
                var candidate = item[nameStart..end];
                var starred = candidate.EndsWith('*');
                var name = starred ? candidate[..^1] : candidate;
                if (name.Length == 0)
                {
                    continue;
                }

                var country = registry.FindByChineseName(name, date);
                if (country is not null && best[start] + 1 < best[end])
                {
                    best[end] = best[start] + 1;
                    back[end] = (start, new ListedCountry(country, starred, name));
                }
            }
        }

        if (best[n] == int.MaxValue)
        {
            return null;
        }

        var result = new List<ListedCountry>();
        for (var at = n; at > 0; at = back[at].Start)
        {
            result.Add(back[at].Country);
        }

        result.Reverse();
        return result;
    }
}
