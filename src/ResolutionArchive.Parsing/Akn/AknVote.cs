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

    public static Vote Read(XElement? voting, CountryRegistry registry, string file, List<ParseDiagnostic> diagnostics)
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

        int[]? stated = null;
        if (AknResolutionReader.OutcomeCounts().Match(outcome) is { Success: true } m)
        {
            stated = [.. Enumerable.Range(1, 3).Select(i => int.Parse(m.Groups[i].Value, CultureInfo.InvariantCulture))];
        }
        else if (outcome != "adoptedRecordedVote")
        {
            diagnostics.Add(new ParseDiagnostic(file, line, $"expected voting outcome adoptedWithoutVote, adoptedRecordedVote, 'Adopted without vote…' or 'Adopted N-N-N…', found '{outcome}'"));
            return Vote.NotStated;
        }

        var lists = new Dictionary<string, (int Count, List<string> Codes)>(StringComparer.Ordinal);
        foreach (var count in counts)
        {
            var refersTo = ((string?)count.Attribute("refersTo") ?? "").TrimStart('#');
            if (!int.TryParse((string?)count.Attribute("value"), NumberStyles.None, CultureInfo.InvariantCulture, out var value))
            {
                diagnostics.Add(new ParseDiagnostic(file, AknText.LineOf(count), $"expected a number in count/@value, found '{(string?)count.Attribute("value")}'"));
                continue;
            }

            var codes = new List<string>();
            foreach (var organization in count.Descendants().Where(e => e.Name.LocalName == "organization"))
            {
                var name = AknText.Plain(organization);
                var country = registry.FindByEnglishName(name);
                if (country is null)
                {
                    diagnostics.Add(new ParseDiagnostic(file, AknText.LineOf(organization), $"expected a state the registry knows in the {refersTo} list, found '{name}'"));
                    continue;
                }

                codes.Add(country.Iso3);
            }

            if (codes.Count != value && !diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error && d.Line > AknText.LineOf(count)))
            {
                diagnostics.Add(new ParseDiagnostic(file, AknText.LineOf(count), $"expected {value} states in the {refersTo} list (count/@value), found {codes.Count}"));
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
        if (counts.Count == 0)
        {
            diagnostics.Add(new ParseDiagnostic(file, line, $"expected count lists (count refersTo=\"inFavour\" …) for the recorded vote '{outcome}', found none"));
        }

        if (stated is not null && (stated[0] != yes.Count || stated[1] != no.Count || stated[2] != abstain.Count))
        {
            diagnostics.Add(new ParseDiagnostic(file, line, $"expected the counts in the outcome '{outcome}' to equal the count elements ({yes.Count}-{no.Count}-{abstain.Count})"));
        }

        return new Vote(VoteMode.Recorded, yes.Count, no.Count, abstain.Count, yes.Codes, no.Codes, abstain.Codes);
    }
}
