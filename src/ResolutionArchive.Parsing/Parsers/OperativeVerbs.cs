namespace ResolutionArchive.Parsing.Parsers;

/// <summary>
/// The leading operative verb ("operative phrase") of an operative paragraph, as a search facet
/// (input-formats §9): <c>又决定…</c> → <c>决定</c>, <c>强烈谴责…</c> → <c>谴责</c>, <c>赞赏地注意到…</c> → <c>注意到</c>,
/// <c>表示深为关切…</c> → <c>表示关切</c>.
/// </summary>
/// <remarks>
/// A pure function over the paragraph text as stored (number and emphasis markers already removed). It walks a
/// character trie from the start of the text: leading white space, quotes and brackets are skipped, then modifiers
/// (又, 还, 再次, 强烈, 赞赏地, 在这方面, 我们 …, §9.2) are skipped, and the longest known verb at that position is the
/// result (§9.3). No regular expressions and no allocations besides the trie built once, so it is cheap enough to run
/// on every paragraph at import.
/// </remarks>
public static class OperativeVerbs
{
    private enum Kind
    {
        /// <summary>A verb; the match ends the walk.</summary>
        Verb,

        /// <summary>A complement that is a verb only after 表示/深表/感到 (表示遗憾): alone it is not one.</summary>
        Complement,

        /// <summary>An adverb, conjunction or subject in front of the verb; skipped.</summary>
        Modifier,

        /// <summary>A sentence connective (在这方面); skipped with one comma after it.</summary>
        Connective,

        /// <summary>表示, 深表, 感到: a light verb whose complement decides the facet.</summary>
        Express,
    }

    /// <param name="Kind">What the word is.</param>
    /// <param name="Canonical">The facet for a verb; for 表示 and 深表 the facet when no known complement follows.</param>
    /// <param name="Expressed">The facet when the verb follows 表示/深表/感到 (注意到 → 表示注意到); null: <see cref="Canonical"/>.</param>
    private sealed record Entry(Kind Kind, string? Canonical, string? Expressed = null);

    private sealed class Node
    {
        public Dictionary<char, Node>? Children;
        public Entry? Entry;
    }

    /// <summary>
    /// The verbs: canonical form, the spellings that give it, and the facet after 表示 when it differs. In descending
    /// order of frequency in the General Assembly corpus of sessions 75–76 (§9.4), which is the order of <see cref="Known"/>.
    /// </summary>
    private static readonly (string Canonical, string[] Spellings, string? Expressed)[] VerbTable =
    [
        ("鼓励", ["鼓励"], null),
        ("请", ["请"], null),
        ("促请", ["促请"], null),
        ("重申", ["重申"], null),
        ("注意到", ["注意到"], "表示注意到"),
        ("欢迎", ["欢迎"], null),
        ("确认", ["确认"], null),
        ("决定", ["决定"], null),
        ("敦促", ["敦促"], null),
        ("回顾", ["回顾"], null),
        ("表示注意到", [], null),
        ("邀请", ["邀请"], null),
        ("强调指出", ["强调指出"], null),
        ("强调", ["强调"], null),
        ("表示关切", ["关切"], null),
        ("呼吁", ["呼吁"], null),
        ("着重指出", ["着重指出"], null),
        ("谴责", ["谴责"], null),
        ("认识到", ["认识到"], null),
        ("认可", ["认可"], null),
        ("赞扬", ["赞扬"], null),
        ("表示赞赏", [], null),
        ("承认", ["承认"], null),
        ("申明", ["申明"], null),
        ("核准", ["核准"], null),
        ("要求", ["要求"], null),
        ("肯定", ["肯定"], null),
        ("建议", ["建议"], null),
        ("表示感谢", [], null),
        ("赞赏", ["赞赏"], "表示赞赏"),
        ("欣见", ["欣见"], null),
        ("特别指出", ["特别指出"], null),
        ("指出", ["指出"], null),
        ("核可", ["核可"], null),
        ("支持", ["支持"], "表示支持"),
        ("授权", ["授权"], null),
        ("考虑到", ["考虑到"], null),
        ("痛惜", ["痛惜"], null),
        ("期待", ["期待"], null),
        ("承诺", ["承诺"], null),
        ("宣布", ["宣布"], null),
        ("认为", ["认为"], null),
        ("知悉", ["知悉"], null),
        ("吁请", ["吁请"], null),
        ("重点指出", ["重点指出"], null),
        ("感谢", ["感谢"], "表示感谢"),
        ("同意", ["同意"], null),
        ("表示支持", [], null),
        ("赞同", ["赞同"], null),
        ("表示深信", [], null),
        ("反对", ["反对"], null),
        ("斥责", ["斥责"], null),
        ("决心", ["决心"], "表示决心"),
        ("提请", ["提请"], null),
        ("表示", [], null),
        ("认定", ["认定"], null),
        ("表示遗憾", [], null),
        ("核定", ["核定"], null),
        ("提醒", ["提醒"], null),
        ("祝贺", ["祝贺"], null),
        ("表示声援", [], null),
        ("表示满意", [], null),
        ("表示希望", [], null),
        ("珍视", ["珍视"], null),
        ("尊重", ["尊重"], null),
        ("通过", ["通过"], null),
        ("订正", ["订正"], null),
        ("表示震惊", [], null),
        ("感到鼓舞", ["感到鼓舞"], null),
        ("表示致力于", [], null),
        ("表示决心", [], null),
        ("忆及", ["忆及"], null),
        ("批准", ["批准"], null),
        ("铭记", ["铭记"], null),
        ("提议", ["提议"], null),
        ("推荐", ["推荐"], null),
        ("称赞", ["称赞"], null),
        ("痛责", ["痛责"], null),
        ("宣告", ["宣告"], null),
        ("致力于", ["致力于", "致力"], "表示致力于"),
        ("深信", ["深信", "坚信"], "表示深信"),
        ("接受", ["接受"], null),
    ];

    /// <summary>Complements that make a facet only after 表示/深表/感到 (§9.3): 表示遗憾, but 遗憾的是 alone is no verb.</summary>
    private static readonly (string Spelling, string Expressed)[] ComplementTable =
    [
        ("关注", "表示关切"),
        ("遗憾", "表示遗憾"),
        ("满意", "表示满意"),
        ("希望", "表示希望"),
        ("声援", "表示声援"),
        ("震惊", "表示震惊"),
    ];

    /// <summary>Words skipped in front of the verb (§9.2): conjunctions, adverbs of repetition, degree and manner, the subject 我们.</summary>
    private static readonly string[] ModifierTable =
    [
        "又", "还", "并", "也", "亦",
        "再次", "再度", "一再", "进一步", "继续", "仍", "仍然", "依然",
        "强烈", "强烈地", "最强烈地", "坚决", "坚定", "断然", "明确", "大力", "紧急", "酌情",
        "深切", "深为", "严重", "极为", "极其", "非常", "日益", "特别", "尤其", "高度", "衷心", "完全", "正式", "确切", "谨",
        "共同", "毫无保留地", "赞赏地", "关切地", "满意地", "感兴趣地", "遗憾地", "震惊地", "令人鼓舞地",
        "我们",
    ];

    /// <summary>Connectives skipped together with one comma after them (§9.2): 在这方面，鼓励… → 鼓励.</summary>
    private static readonly string[] ConnectiveTable = ["在这方面", "在此方面", "在这一方面", "为此", "因此", "就此", "同时", "此外"];

    /// <summary>The most ideographs an unlisted manner adverb may have before its 地 (input-formats §9.1).</summary>
    private const int MaxMannerAdverb = 6;

    private static readonly Node Root = BuildTrie();

    /// <summary>
    /// The canonical verbs <see cref="LeadingVerb"/> can return (input-formats §9.3), in a stable order: descending
    /// frequency in the General Assembly corpus of sessions 75–76 (§9.4). Includes the multi-word facets
    /// <c>表示注意到</c>, <c>表示关切</c>, <c>表示赞赏</c> … and the bare <c>表示</c>.
    /// </summary>
    public static IReadOnlyList<string> Known { get; } = Array.AsReadOnly(VerbTable.Select(v => v.Canonical).ToArray());

    /// <summary>
    /// The canonical leading verb of an operative paragraph's text, or null when the paragraph does not start with a
    /// known operative verb (input-formats §9).
    /// </summary>
    /// <param name="text">The paragraph's plain text, without its number (<c>又决定将题为…</c>).</param>
    /// <returns>
    /// One of <see cref="Known"/>: the verb after leading white space, quotes, brackets and modifiers, matched longest
    /// first (<c>注意到</c> over <c>注意</c>, <c>强调指出</c> over <c>强调</c>); after 表示/深表/感到 the multi-word facet
    /// (<c>表示注意到</c>, <c>表示关切</c>). Null for text that starts with anything else: a noun, a preposition
    /// (<c>对…表示满意</c>, <c>根据…</c>), a number, or a misprinted verb (<c>叼请</c>).
    /// </returns>
    public static string? LeadingVerb(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var span = text.AsSpan();
        var i = SkipLeading(span, 0);
        Entry? express = null;

        while (i < span.Length)
        {
            var (entry, length) = LongestMatch(span, i);
            if (entry is null)
            {
                // An unlisted manner adverb (深感遗憾地注意到): up to six ideographs and 地, then a verb.
                var after = MannerAdverbEnd(span, i);
                if (after > i)
                {
                    i = SkipSpaces(span, after);
                    continue;
                }

                break;
            }

            i += length;
            switch (entry.Kind)
            {
                case Kind.Modifier:
                    i = SkipSpaces(span, i);
                    continue;
                case Kind.Connective:
                    i = SkipSpaces(span, i);
                    if (i < span.Length && span[i] is '，' or ',')
                    {
                        i = SkipSpaces(span, i + 1);
                    }

                    continue;
                case Kind.Express:
                    express ??= entry;
                    i = SkipSpaces(span, i);
                    continue;
                case Kind.Complement:
                    return express is null ? null : entry.Expressed;
                default:
                    return express is null ? entry.Canonical : entry.Expressed ?? entry.Canonical;
            }
        }

        return express?.Canonical;
    }

    /// <summary>The position after leading white space, zero-width characters, quotes, opening brackets and <c>*</c>.</summary>
    private static int SkipLeading(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && (char.IsWhiteSpace(text[i]) || IsLeadingPunctuation(text[i])))
        {
            i++;
        }

        return i;
    }

    private static bool IsLeadingPunctuation(char c) => c is
        '"' or '\'' or '“' or '”' or '‘' or '’' or '「' or '」' or '『' or '』' or
        '(' or '（' or '[' or '［' or '【' or '〔' or '〈' or '《' or '{' or '｛' or
        '*' or '\\' or '\u200B' or '\uFEFF';

    private static int SkipSpaces(ReadOnlySpan<char> text, int i)
    {
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary>The entry of the longest trie key at <paramref name="start"/> and its length, or (null, 0).</summary>
    private static (Entry? Entry, int Length) LongestMatch(ReadOnlySpan<char> text, int start)
    {
        var node = Root;
        Entry? best = null;
        var bestLength = 0;
        for (var i = start; i < text.Length; i++)
        {
            if (node.Children is null || !node.Children.TryGetValue(text[i], out var next))
            {
                break;
            }

            node = next;
            if (node.Entry is not null)
            {
                best = node.Entry;
                bestLength = i - start + 1;
            }
        }

        return (best, bestLength);
    }

    /// <summary>
    /// The position after an unlisted manner adverb at <paramref name="start"/>: one to six CJK ideographs ending in
    /// 地, directly followed by a verb (not a modifier); otherwise <paramref name="start"/>.
    /// </summary>
    private static int MannerAdverbEnd(ReadOnlySpan<char> text, int start)
    {
        var limit = Math.Min(text.Length - 1, start + MaxMannerAdverb);
        for (var i = start + 1; i <= limit; i++)
        {
            if (!IsIdeograph(text[i - 1]))
            {
                return start;
            }

            if (text[i] == '地')
            {
                var (entry, _) = LongestMatch(text, i + 1);
                return entry is { Kind: Kind.Verb } ? i + 1 : start;
            }
        }

        return start;
    }

    private static bool IsIdeograph(char c) => c is >= '\u4E00' and <= '\u9FFF';

    private static Node BuildTrie()
    {
        var root = new Node();
        foreach (var (canonical, spellings, expressed) in VerbTable)
        {
            foreach (var spelling in spellings)
            {
                Add(root, spelling, new Entry(Kind.Verb, canonical, expressed));
            }
        }

        foreach (var (spelling, expressed) in ComplementTable)
        {
            Add(root, spelling, new Entry(Kind.Complement, null, expressed));
        }

        foreach (var modifier in ModifierTable)
        {
            Add(root, modifier, new Entry(Kind.Modifier, null));
        }

        foreach (var connective in ConnectiveTable)
        {
            Add(root, connective, new Entry(Kind.Connective, null));
        }

        Add(root, "表示", new Entry(Kind.Express, "表示"));
        Add(root, "深表", new Entry(Kind.Express, "表示"));
        Add(root, "感到", new Entry(Kind.Express, null));
        return root;
    }

    private static void Add(Node root, string key, Entry entry)
    {
        var node = root;
        foreach (var c in key)
        {
            node.Children ??= [];
            if (!node.Children.TryGetValue(c, out var next))
            {
                next = new Node();
                node.Children.Add(c, next);
            }

            node = next;
        }

        if (node.Entry is not null)
        {
            throw new InvalidOperationException($"'{key}' is listed twice in the operative verb tables");
        }

        node.Entry = entry;
    }
}
