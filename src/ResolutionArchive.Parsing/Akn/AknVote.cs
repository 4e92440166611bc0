using System.Globalization;
using System.Xml.Linq;
using ResolutionArchive.Parsing.Countries;
using ResolutionArchive.Parsing.Diagnostics;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Parsing.Akn;

/// <summary>
/// The vote of an AKN4UN file (input-formats §7.8): <c>meta/analysis/parliamentary/voting/@outcome</c> with
/// <c>count value=… refersTo="inFavour|against|abstaining"</c> and <c>akn4un:voters/organization</c> lists in English
/// capitals, resolved through <see cref="CountryRegistry.FindByEnglishName"/>.
/// </summary>
internal static class AknVote
{
    private static readonly XNamespace Akn = AknResolutionReader.Namespace;

    /// <summary>
    /// The vote of <paramref name="voting"/>. Never loses a name: a name the registry does not know is kept verbatim in
    /// <see cref="Vote.Unresolved"/> (or read through <see cref="CountryRegistry.FindMisspeltEnglishName"/>), and a list
    /// whose length differs from its count keeps both; each is a warning, not an error (input-formats §7.8).
    /// </summary>
    public static Vote Read(XElement? voting, CountryRegistry registry, string file, List<ParseDiagnostic> diagnostics, DateOnly? date = null)
    {
        if (voting is null)
        {
            diagnostics.Add(new ParseDiagnostic(file, 1, "expected meta/analysis/parliamentary/voting, found none; the vote is not stated", DiagnosticSeverity.Warning));
            return Vote.NotStated;
        }

        var line = AknText.LineOf(voting);
        var outcome = ((string?)voting.Attribute("outcome") ?? "").Trim();
        var counts = voting.Elements(Akn + "count").ToList();
        if (outcome == "adoptedWithoutVote" || outcome.StartsWith("Adopted without vote", StringComparison.OrdinalIgnoreCase))
        {
            if (counts.Count > 0)
            {
                diagnostics.Add(new ParseDiagnostic(file, line, $"expected no count lists for outcome '{outcome}', found {counts.Count}"));
            }

            return Vote.WithoutVote;
        }

        // GA decision 74/544 (2020): drafts adopted under the silence procedure, without a meeting
        if (outcome.Contains("silence", StringComparison.OrdinalIgnoreCase))
        {
            return Vote.WithoutVote with { Mode = VoteMode.SilenceProcedure };
        }

        int[]? stated = null;
        if (AknResolutionReader.OutcomeCounts().Match(outcome) is { Success: true } m)
        {
            stated = [.. Enumerable.Range(1, 3).Select(i => int.Parse(m.Groups[i].Value, CultureInfo.InvariantCulture))];
        }
        else if (outcome != "adoptedRecordedVote" && !(outcome.Length == 0 && counts.Count > 0))
        {
            diagnostics.Add(new ParseDiagnostic(file, line, $"expected voting outcome adoptedWithoutVote, adoptedRecordedVote, a silence procedure, 'Adopted without vote…' or 'Adopted N-N-N…', found '{outcome}'; the adoption is recorded as not stated", DiagnosticSeverity.Warning));
            return Vote.NotStated;
        }
        else if (outcome.Length == 0)
        {
            diagnostics.Add(new ParseDiagnostic(file, line, "expected voting/@outcome, found none; read as a recorded vote from its count lists", DiagnosticSeverity.Warning));
        }

        var lists = new Dictionary<string, (int Count, List<string> Codes)>(StringComparer.Ordinal);
        var unresolved = new List<UnresolvedVoter>();
        foreach (var count in counts)
        {
            var refersTo = ((string?)count.Attribute("refersTo") ?? "").TrimStart('#');
            if (!int.TryParse((string?)count.Attribute("value"), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                diagnostics.Add(new ParseDiagnostic(file, AknText.LineOf(count), $"expected a number in count/@value, found '{(string?)count.Attribute("value")}'"));
                continue;
            }

            var codes = new List<string>();
            var unknown = 0;
            foreach (var organization in count.Descendants().Where(e => e.Name.LocalName == "organization"))
            {
                var name = AknText.Plain(organization);
                var country = registry.FindByEnglishName(name, date);
                if (country is null && registry.FindMisspeltEnglishName(name) is { } guess)
                {
                    diagnostics.Add(new ParseDiagnostic(file, AknText.LineOf(organization), $"read '{name}' in the {refersTo} list as {guess.Iso3} ({guess.NameEn}), a misspelling the registry does not list", DiagnosticSeverity.Warning));
                    country = guess;
                }

                if (country is null)
                {
                    diagnostics.Add(new ParseDiagnostic(file, AknText.LineOf(organization), $"expected a state the registry knows in the {refersTo} list, found '{name}' (kept without a country code)", DiagnosticSeverity.Warning));
                    if (ListOf(refersTo) is { } list)
                    {
                        unresolved.Add(new UnresolvedVoter(list, name));
                    }

                    unknown++;
                    continue;
                }

                if (codes.Contains(country.Iso3) || lists.Values.Any(l => l.Codes.Contains(country.Iso3)))
                {
                    diagnostics.Add(new ParseDiagnostic(file, AknText.LineOf(organization), $"expected each state once in the recorded vote, found {country.Iso3} ('{name}') again; the repeat is passed over", DiagnosticSeverity.Warning));
                    continue;
                }

                codes.Add(country.Iso3);
            }

            if (codes.Count + unknown != value)
            {
                diagnostics.Add(new ParseDiagnostic(file, AknText.LineOf(count), $"expected {value} states in the {refersTo} list (count/@value), found {codes.Count + unknown}; both are kept", DiagnosticSeverity.Warning));
            }

            if (!lists.TryAdd(refersTo, (value, codes)))
            {
                diagnostics.Add(new ParseDiagnostic(file, AknText.LineOf(count), $"expected one count with refersTo=\"{refersTo}\", found another"));
            }
        }

        foreach (var key in lists.Keys.Where(k => k is not ("inFavour" or "against" or "abstaining")))
        {
            diagnostics.Add(new ParseDiagnostic(file, line, $"expected count/@refersTo inFavour, against or abstaining, found '{key}'"));
        }

        // a count that is absent is a count of zero (the files leave out empty against/abstaining lists)
        var yes = lists.GetValueOrDefault("inFavour", (0, []));
        var no = lists.GetValueOrDefault("against", (0, []));
        var abstain = lists.GetValueOrDefault("abstaining", (0, []));
        if (counts.Count == 0 && stated is null)
        {
            diagnostics.Add(new ParseDiagnostic(file, line, $"expected count lists (count refersTo=\"inFavour\" …) for the recorded vote '{outcome}', found none; the counts and lists are left empty", DiagnosticSeverity.Warning));
        }

        if (stated is not null && (stated[0] != yes.Count || stated[1] != no.Count || stated[2] != abstain.Count))
        {
            diagnostics.Add(new ParseDiagnostic(file, line, $"expected the counts in the outcome '{outcome}' to equal the count elements ({yes.Count}-{no.Count}-{abstain.Count}); the count elements are kept", DiagnosticSeverity.Warning));
            if (counts.Count == 0)
            {
                (yes.Count, no.Count, abstain.Count) = (stated[0], stated[1], stated[2]);
            }
        }

        return new Vote(VoteMode.Recorded, yes.Count, no.Count, abstain.Count, yes.Codes, no.Codes, abstain.Codes) { Unresolved = unresolved };
    }

    private static VoteList? ListOf(string refersTo) => refersTo switch
    {
        "inFavour" => VoteList.InFavour,
        "against" => VoteList.Against,
        "abstaining" => VoteList.Abstaining,
        _ => null,
    };
}
