using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Parsing.References;

/// <summary>
/// Finds cross-references in plain clause and footnote text (input-formats §8): resolution numbers in their Chinese
/// phrases (<c>第 46/14 号决议</c>, <c>第 66/3 和 76/1 号决议</c>, <c>第 46/14 号和第 49/25 号决议</c>) and UN document
/// symbols (<c>A/HRC/43/31</c>, <c>A/CONF.157/24(Part I)</c>, the two halves of
/// <c>E/CN.4/2001/2-E/CN.4/Sub.2/2000/46</c>). Pure and thread-safe.
/// </summary>
public static partial class ReferenceFinder
{
    /// <summary>
    /// How far back, in UTF-16 code units from the <c>第</c> of a phrase, a body word (or an earlier reference) may stand
    /// and still govern it (input-formats §8.2). 120 covers the longest seed case (seed 002 pp12: 人权理事会 … 第 46/14, 70
    /// characters apart, with a quoted title in between) with room to spare.
    /// </summary>
    public const int BodyWordWindow = 120;

    /// <summary>
    /// The references in <paramref name="text"/>, ordered by <see cref="Reference.Start"/>, never overlapping.
    /// </summary>
    /// <param name="text">Plain text of one clause, sub-paragraph or footnote (markdown already removed); null is empty.</param>
    /// <param name="citingBody">The body of the citing resolution: decides a number that no body word governs
    /// (input-formats §8.2, rule 4).</param>
    /// <returns>Resolution references with a derived <see cref="Reference.Target"/> and document symbols; a number whose
    /// body cannot be decided consistently (§8.2, rule 5) is left out.</returns>
    public static IReadOnlyList<Reference> Find(string? text, Body citingBody)
    {
        if (string.IsNullOrEmpty(text))
        {
            return [];
        }

        var folded = FoldWidth(text);
        var found = new List<Reference>();
        FindResolutions(text, folded, citingBody, found);
        FindSymbols(text, folded, found);
        found.Sort((a, b) => a.Start.CompareTo(b.Start));
        return found;
    }

    /// <summary>
    /// Every reference in the clauses (preamble, operative, their sub-paragraphs, annex blocks) and footnotes of
    /// <paramref name="resolution"/>, in document order: clauses first, footnotes after, each text's references by offset.
    /// The citing body is <see cref="ParsedResolution.Body"/>.
    /// </summary>
    public static IReadOnlyList<AnchoredReference> FindIn(ParsedResolution resolution)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        var all = new List<AnchoredReference>();
        void Add(string anchor, string text) =>
            all.AddRange(Find(text, resolution.Body).Select(r => new AnchoredReference(anchor, r)));
        void AddPoints(IReadOnlyList<Point> points)
        {
            foreach (var point in points)
            {
                Add(point.Id, point.Text);
                AddPoints(point.Points);
            }
        }

        foreach (var clause in resolution.Preamble.Concat(resolution.Operative).Concat(resolution.Annexes.SelectMany(a => a.Paragraphs)))
        {
            Add(clause.Id, clause.Text);
            AddPoints(clause.Points);
        }

        foreach (var footnote in resolution.Footnotes)
        {
            Add(footnote.Id, footnote.Text);
        }

        return all;
    }

    /// <summary>
    /// The UN document symbol of a resolution (input-formats §8.3): <paramref name="number"/> (<c>46/14</c>,
    /// <c>S-28/1</c>, <c>75/101 A</c>) in the series of <paramref name="body"/>.
    /// </summary>
    public static string ResolutionSymbol(CitedBody body, string number) => body switch
    {
        CitedBody.GeneralAssembly => $"A/RES/{number}",
        CitedBody.HumanRightsCouncil => $"A/HRC/RES/{number}",
        CitedBody.CommissionOnHumanRights => $"E/CN.4/RES/{number}",
        CitedBody.SubCommission => $"E/CN.4/SUB.2/RES/{number}",
        CitedBody.EconomicAndSocialCouncil => $"E/RES/{number}",
        _ => throw new ArgumentOutOfRangeException(nameof(body), body, "expected one of the five bodies"),
    };

    /// <summary>
    /// Folds fullwidth ASCII (U+FF01–U+FF5E) to ASCII and the ideographic space U+3000 to a space, one code unit for
    /// one, so offsets into the result are offsets into <paramref name="text"/> (input-formats §8.5).
    /// </summary>
    public static string FoldWidth(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var chars = text.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            chars[i] = chars[i] switch
            {
                >= '\uFF01' and <= '\uFF5E' => (char)(chars[i] - 0xFEE0),
                '\u3000' => ' ',
                _ => chars[i],
            };
        }

        return new string(chars);
    }

    // §8.1: 第, one or more numbers joined by 、/和/及/以及/与/或 (each optionally with its own 第 and 号), then 号决议.
    // A number: optional S-/ES- (special and emergency special sessions), session or year, slash, resolution number,
    // optional part letter (75/101 A). The lookbehind (?<=号) makes the last number carry 号.
    private const string NumberPattern = @"(?<n>(?:E?S-)?\d{1,4}/\d{1,4}(?!\d)(?:\s?[A-Z](?![A-Za-z0-9]))?)";

    [GeneratedRegex(@"第\s*" + NumberPattern + @"(?:\s*号)?(?:\s*(?:、|以及|和|及|与|或)\s*(?:第\s*)?" + NumberPattern + @"(?:\s*号)?)*(?<=号)\s*决议", RegexOptions.CultureInvariant)]
    private static partial Regex ResolutionPhrase();

    // §8.2: body words. Longer names first; 安全理事会, 托管理事会 and 缔约方大会 etc. are matched only so that their 理事会/大会
    // is not taken for the Council or the Assembly.
    [GeneratedRegex(@"(?<ecosoc>经济及社会理事会|经社理事会)|(?<other>安全理事会|安理会|托管理事会|缔约方大会|缔约国大会|卫生大会)|(?<hrc>人权理事会|理事会)|(?<chr>人权委员会)|(?<sub>小组委员会)|(?<ga>大会)", RegexOptions.CultureInvariant)]
    private static partial Regex BodyWord();

    // §8.2 rule 2: a body word right after one of these verbs is their object (设立人权理事会的第 60/251 号决议), not the
    // author of the resolution that follows.
    [GeneratedRegex(@"(?:设立|建立|取代|请|鼓励|建议|提交|交由|协助|支持|向)\s*$", RegexOptions.CultureInvariant)]
    private static partial Regex ObjectVerbBefore();

    // §8.2 rule 3: 其 (its) right before the phrase, a date between allowed: the citing body's own resolution.
    [GeneratedRegex(@"其\s*(?:\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*)?$", RegexOptions.CultureInvariant)]
    private static partial Regex ItsBefore();

    // §8.4: a symbol: an upper-case series (A, E, CCPR, ST…), then slash-separated segments; inside a segment '.' joins
    // (CN.4, Add.2, Sub.2) and '-' only before a digit (S-28), so a '-' before a letter ends the symbol (a joint symbol);
    // a segment may carry "(Part I)". Not preceded by a letter, digit, '/' or '.'.
    [GeneratedRegex(@"(?<![A-Za-z0-9/.])[A-Z]{1,10}(?:\.\d+)?(?:/[A-Za-z0-9]+(?:(?:\.|-(?=\d))[A-Za-z0-9]+)*(?:\s?\((?:Part|Vol\.?)\s+[IVX\d]+\))?)+", RegexOptions.CultureInvariant)]
    private static partial Regex Symbol();

    // Sentence ends: a body word never governs across them (§8.2 rule 1).
    private static readonly SearchValues<char> SentenceEnds = SearchValues.Create("。；;！？!?\n");

    private static void FindResolutions(string text, string folded, Body citingBody, List<Reference> found)
    {
        var bodyWords = BodyWord().Matches(folded)
            .Select(m => (m.Index, End: m.Index + m.Length, Body: BodyOf(m), Object: ObjectVerbBefore().IsMatch(folded[Math.Max(0, m.Index - 8)..m.Index])))
            .ToList();
        var earlier = new List<(int End, CitedBody Body)>();
        foreach (Match phrase in ResolutionPhrase().Matches(folded))
        {
            var numbers = phrase.Groups["n"].Captures;
            var yearShaped = IsYearShaped(numbers[0].Value);
            var body = Decide(folded, phrase.Index, yearShaped, citingBody, bodyWords, earlier);
            if (body is not { } decided)
            {
                continue;
            }

            foreach (Capture number in numbers)
            {
                if (IsYearShaped(number.Value) != yearShaped)
                {
                    continue;
                }

                var printed = NormaliseNumber(number.Value);
                found.Add(new Reference(number.Index, number.Length, ReferenceKind.Resolution, text.Substring(number.Index, number.Length), printed, ResolutionSymbol(decided, printed), decided));
            }

            earlier.Add((phrase.Index + phrase.Length, decided));
        }
    }

    private static CitedBody? Decide(string folded, int start, bool yearShaped, Body citingBody, List<(int Index, int End, CitedBody? Body, bool Object)> bodyWords, List<(int End, CitedBody Body)> earlier)
    {
        var from = Math.Max(0, start - BodyWordWindow);
        var stop = folded.AsSpan(from, start - from).LastIndexOfAny(SentenceEnds);
        if (stop >= 0)
        {
            from += stop + 1;
        }

        var before = folded[Math.Max(from, start - 24)..start];
        var own = citingBody == Body.GA ? CitedBody.GeneralAssembly : CitedBody.HumanRightsCouncil;
        var its = ItsBefore().Match(before);
        var candidates = bodyWords.Where(w => w.Index >= from && w.End <= start && w.Body is not null && !w.Object)
            .Select(w => (w.End, Body: w.Body!.Value))
            .Concat(earlier.Where(e => e.End > from && e.End <= start))
            .Concat(its.Success ? [(End: start - before.Length + its.Index + 1, Body: own)] : [])
            .OrderByDescending(c => c.End);
        foreach (var candidate in candidates)
        {
            if (Fits(candidate.Body, yearShaped))
            {
                return candidate.Body;
            }
        }

        return Fits(own, yearShaped) ? own : null;
    }

    private static CitedBody? BodyOf(Match m) =>
        m.Groups["ga"].Success ? CitedBody.GeneralAssembly
        : m.Groups["hrc"].Success ? CitedBody.HumanRightsCouncil
        : m.Groups["chr"].Success ? CitedBody.CommissionOnHumanRights
        : m.Groups["sub"].Success ? CitedBody.SubCommission
        : m.Groups["ecosoc"].Success ? CitedBody.EconomicAndSocialCouncil
        : null;

    // §8.2 rule 5: the Assembly and the Council number by session (1–3 digits, S-/ES- for special sessions); the
    // Commission, its Sub-Commission and ECOSOC by year (4 digits, 1946 or later).
    private static bool Fits(CitedBody body, bool yearShaped) =>
        yearShaped == body is CitedBody.CommissionOnHumanRights or CitedBody.SubCommission or CitedBody.EconomicAndSocialCouncil;

    private static bool IsYearShaped(string number)
    {
        var first = number.Split('/')[0];
        return first.Length == 4 && int.TryParse(first, NumberStyles.None, CultureInfo.InvariantCulture, out var year) && year >= 1946;
    }

    // 46/14 stays; "75/101A" and "75/101 A" become "75/101 A" (the archive's key form, docs/references.md).
    private static string NormaliseNumber(string number)
    {
        var compact = new StringBuilder(number.Length + 1);
        foreach (var c in number.Where(c => !char.IsWhiteSpace(c)))
        {
            if (char.IsAsciiLetterUpper(c) && compact.Length > 0 && char.IsAsciiDigit(compact[^1]))
            {
                compact.Append(' ');
            }

            compact.Append(c);
        }

        return compact.ToString();
    }

    private static void FindSymbols(string text, string folded, List<Reference> found)
    {
        foreach (Match m in Symbol().Matches(folded))
        {
            var segments = m.Value.Split('/');
            if (segments.Length < 3 || !m.Value.Any(char.IsAsciiDigit) || found.Any(r => r.Start < m.Index + m.Length && m.Index < r.Start + r.Length))
            {
                continue;
            }

            var printed = WhiteSpace().Replace(m.Value, " ");
            found.Add(new Reference(m.Index, m.Length, ReferenceKind.DocumentSymbol, text.Substring(m.Index, m.Length), printed, printed, null));
        }
    }

    [GeneratedRegex(@"\s+", RegexOptions.CultureInvariant)]
    private static partial Regex WhiteSpace();
}
