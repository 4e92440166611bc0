using System.Globalization;
using System.Text.RegularExpressions;
using ResolutionArchive.Parsing.Countries;
using ResolutionArchive.Parsing.Diagnostics;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Parsing.Parsers;

/// <summary>
/// Reads the adoption statement (input-formats §4.3–§4.4): 未经表决 → without a vote; 经记录表决 → a recorded vote whose
/// counts come from the sentence (26 票赞成、15 票反对、6 票弃权, or 28 票对 1 票、17 票弃权) and whose lists follow the
/// labels 赞成：/反对：/弃权：. Each list must resolve to known states and have as many as its count; no state may
/// appear twice.
/// </summary>
internal static class VoteBuilder
{
    public static Vote Build(RawVote raw, CountryRegistry registry, string file, List<ParseDiagnostic> diagnostics)
    {
        var statement = Patterns.Compact(string.Concat(raw.Statement));
        if (statement.Contains("未经表决", StringComparison.Ordinal))
        {
            return Vote.WithoutVote;
        }

        if (!statement.Contains("记录表决", StringComparison.Ordinal))
        {
            diagnostics.Add(new ParseDiagnostic(file, raw.Line, $"expected an adoption statement with 经记录表决 or 未经表决, found [{statement}"));
            return Vote.NotStated;
        }

        var yesCount = Count(Patterns.YesCount(), statement, raw, file, diagnostics);
        var noCount = Count(Patterns.NoCount(), statement, raw, file, diagnostics);
        var abstainCount = Count(Patterns.AbstainCount(), statement, raw, file, diagnostics) ?? 0; // §4.3: no 票弃权 means none abstained
        if (yesCount is null || noCount is null)
        {
            diagnostics.Add(new ParseDiagnostic(file, raw.Line, $"expected the counts of a recorded vote (such as 以 26 票赞成、15 票反对、6 票弃权 or 以 28 票对 1 票), found [{statement}"));
            return Vote.NotStated;
        }

        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        var yes = List("赞成", "in favour", yesCount.Value);
        var no = List("反对", "against", noCount.Value);
        var abstain = List("弃权", "abstaining", abstainCount);
        return new Vote(VoteMode.Recorded, yesCount, noCount, abstainCount, yes, no, abstain);

        IReadOnlyList<string> List(string label, string english, int count)
        {
            var line = raw.Lists.TryGetValue(label, out var printed) ? printed.Line : raw.Line;
            var lines = printed.Lines ?? [];
            var (countries, unknown) = CountryListParser.Parse(string.Concat(lines.Select(l => l.Raw)), registry);
            foreach (var name in unknown)
            {
                diagnostics.Add(new ParseDiagnostic(file, LineOf(name, lines, line), $"expected UN member or observer state names in the list {label}： ({english}), found an unknown name: {name}"));
            }

            var codes = countries.Select(c => c.Country.Iso3).ToList();
            foreach (var code in codes)
            {
                if (!seen.TryAdd(code, label))
                {
                    diagnostics.Add(new ParseDiagnostic(file, line, $"expected each state once in the recorded vote, found {code} in both {seen[code]} and {label}"));
                }
            }

            if (unknown.Count == 0 && codes.Count != count)
            {
                diagnostics.Add(new ParseDiagnostic(file, line, $"expected {count} states {english} as the statement says, found {codes.Count} in the list {label}："));
            }

            return codes;
        }
    }

    /// <summary>
    /// The count the pattern finds, or null when there is none. A count too large for an <see cref="int"/> is an error
    /// here (not an exception, and not "none": 票弃权 without a count would otherwise read as 0).
    /// </summary>
    /// <summary>
    /// The source line where <paramref name="name"/> (white space removed, as the list parser reports it) starts:
    /// the lines are compacted and concatenated, and the name's first character is traced back to its line.
    /// </summary>
    private static int LineOf(string name, IReadOnlyList<SourceLine> lines, int fallback)
    {
        var compact = new System.Text.StringBuilder();
        var lineAt = new List<int>();
        foreach (var line in lines)
        {
            var part = Countries.CountryRegistry.NormalizeName(line.Raw);
            compact.Append(part);
            lineAt.AddRange(Enumerable.Repeat(line.Number, part.Length));
        }

        var at = compact.ToString().IndexOf(name, StringComparison.Ordinal);
        return at >= 0 ? lineAt[at] : fallback;
    }

    private static int? Count(Regex pattern, string statement, RawVote raw, string file, List<ParseDiagnostic> diagnostics)
    {
        var match = pattern.Match(statement);
        if (!match.Success)
        {
            return null;
        }

        if (int.TryParse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var count))
        {
            return count;
        }

        diagnostics.Add(new ParseDiagnostic(file, raw.Line, $"expected a number of votes, found {match.Groups["n"].Value}"));
        return null;
    }
}
