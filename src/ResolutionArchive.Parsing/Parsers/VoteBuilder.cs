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
    public static Vote Build(RawVote raw, CountryRegistry registry, string file, List<ParseDiagnostic> diagnostics, DateOnly? date = null)
    {
        var statement = Patterns.Compact(string.Concat(raw.Statement));
        if (statement.Contains("默许程序", StringComparison.Ordinal))
        {
            return Vote.WithoutVote with { Mode = VoteMode.SilenceProcedure }; // §4.3: GA decision 74/544 (2020)
        }

        if (statement.Contains("未经表决", StringComparison.Ordinal))
        {
            return Vote.WithoutVote;
        }

        if (!statement.Contains("记录表决", StringComparison.Ordinal))
        {
            // §4.3: a statement that names no outcome loses nothing else of the record: kept as "not stated", flagged
            diagnostics.Add(new ParseDiagnostic(file, raw.Line, $"expected an adoption statement with 经记录表决, 未经表决 or 默许程序, found [{statement}; the adoption is recorded as not stated", DiagnosticSeverity.Warning));
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
        var unresolved = new List<UnresolvedVoter>();
        var yes = List("赞成", "in favour", yesCount.Value, VoteList.InFavour);
        var no = List("反对", "against", noCount.Value, VoteList.Against);
        var abstain = List("弃权", "abstaining", abstainCount, VoteList.Abstaining);
        return new Vote(VoteMode.Recorded, yesCount, noCount, abstainCount, yes, no, abstain) { Unresolved = unresolved };

        // §4.4: a name the registry does not know, a repeated state and a count that differs from its list are
        // warnings; the record keeps the stated count, the resolved states and the unknown names as printed
        IReadOnlyList<string> List(string label, string english, int count, VoteList kind)
        {
            var line = raw.Lists.TryGetValue(label, out var printed) ? printed.Line : raw.Line;
            var lines = printed.Lines ?? [];
            var countries = CountryListParser.Parse(string.Concat(lines.Select(l => l.Raw)), registry, date);
            var codes = new List<string>();
            foreach (var listed in countries)
            {
                if (listed.Country is null)
                {
                    var at = LineOf(listed.Name, lines, line);
                    diagnostics.Add(new ParseDiagnostic(file, at, $"expected UN member or observer state names in the list {label}： ({english}), found an unknown name: {listed.Name} (kept without a country code)", DiagnosticSeverity.Warning));
                    unresolved.Add(new UnresolvedVoter(kind, listed.Name));
                }
                else if (!seen.TryAdd(listed.Country.Iso3, label))
                {
                    diagnostics.Add(new ParseDiagnostic(file, line, $"expected each state once in the recorded vote, found {listed.Country.Iso3} in both {seen[listed.Country.Iso3]} and {label}; the repeat is passed over", DiagnosticSeverity.Warning));
                }
                else
                {
                    codes.Add(listed.Country.Iso3);
                }
            }

            if (countries.Count != count)
            {
                diagnostics.Add(new ParseDiagnostic(file, line, $"expected {count} states {english} as the statement says, found {countries.Count} in the list {label}：; both are kept", DiagnosticSeverity.Warning));
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
