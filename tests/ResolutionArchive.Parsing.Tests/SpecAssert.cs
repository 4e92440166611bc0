using ResolutionArchive.Parsing.Serialization;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Parsing.Tests;

/// <summary>
/// Compares a parsed resolution with a spec's expected JSON: field by field first, so that a failure names the field
/// (and, for clauses, the clause id) that differs, then as the whole JSON text, so that nothing is left unchecked.
/// </summary>
internal static class SpecAssert
{
    public static void Matches(string expectedJson, ParsedResolution actual, string spec)
    {
        var expected = ResolutionJson.Deserialize(expectedJson);

        actual.Symbol.Should().Be(expected.Symbol, "{0}: symbol", spec);
        actual.Body.Should().Be(expected.Body, "{0}: body", spec);
        actual.Session.Should().Be(expected.Session, "{0}: session", spec);
        actual.Number.Should().Be(expected.Number, "{0}: number", spec);
        actual.Status.Should().Be(expected.Status, "{0}: status", spec);
        actual.Title.Should().Be(expected.Title, "{0}: title", spec);
        actual.AgendaItem.Should().Be(expected.AgendaItem, "{0}: agendaItem", spec);
        actual.AgendaTitle.Should().Be(expected.AgendaTitle, "{0}: agendaTitle", spec);
        actual.AdoptionDate.Should().Be(expected.AdoptionDate, "{0}: adoptionDate", spec);
        actual.Meeting.Should().Be(expected.Meeting, "{0}: meeting", spec);
        actual.CommitteeReport.Should().Be(expected.CommitteeReport, "{0}: committeeReport", spec);

        Clauses(expected.Preamble, actual.Preamble, spec, "preamble");
        Clauses(expected.Operative, actual.Operative, spec, "operative");

        actual.Footnotes.Select(f => f.Id).Should().Equal(expected.Footnotes.Select(f => f.Id), "{0}: the footnotes, in order", spec);
        foreach (var (e, a) in expected.Footnotes.Zip(actual.Footnotes))
        {
            a.Marker.Should().Be(e.Marker, "{0}: footnote {1} marker", spec, e.Id);
            a.Text.Should().Be(e.Text, "{0}: footnote {1} text", spec, e.Id);
            a.AttachedTo.Should().Be(e.AttachedTo, "{0}: footnote {1} attachedTo", spec, e.Id);
        }

        actual.Vote.Mode.Should().Be(expected.Vote.Mode, "{0}: vote mode", spec);
        actual.Vote.YesCount.Should().Be(expected.Vote.YesCount, "{0}: vote yesCount", spec);
        actual.Vote.NoCount.Should().Be(expected.Vote.NoCount, "{0}: vote noCount", spec);
        actual.Vote.AbstainCount.Should().Be(expected.Vote.AbstainCount, "{0}: vote abstainCount", spec);
        actual.Vote.Yes.Should().Equal(expected.Vote.Yes, "{0}: vote yes list", spec);
        actual.Vote.No.Should().Equal(expected.Vote.No, "{0}: vote no list", spec);
        actual.Vote.Abstain.Should().Equal(expected.Vote.Abstain, "{0}: vote abstain list", spec);

        actual.Sponsors.Should().Equal(expected.Sponsors, "{0}: sponsors", spec);

        Normalize(ResolutionJson.Serialize(actual)).Should().Be(Normalize(expectedJson), "{0}: the whole JSON", spec);
    }

    private static void Clauses(IReadOnlyList<Clause> expected, IReadOnlyList<Clause> actual, string spec, string part)
    {
        actual.Select(c => c.Id).Should().Equal(expected.Select(c => c.Id), "{0}: the {1} clause ids", spec, part);
        foreach (var (e, a) in expected.Zip(actual))
        {
            a.Number.Should().Be(e.Number, "{0}: clause {1} number", spec, e.Id);
            a.Text.Should().Be(e.Text, "{0}: clause {1} text", spec, e.Id);
            a.Footnotes.Should().Equal(e.Footnotes, "{0}: clause {1} footnote markers", spec, e.Id);
            a.Emphasis.Should().Equal(e.Emphasis, "{0}: clause {1} emphasis", spec, e.Id);
            Points(e.Points, a.Points, spec);
        }
    }

    private static void Points(IReadOnlyList<Point> expected, IReadOnlyList<Point> actual, string spec)
    {
        actual.Select(p => p.Id).Should().Equal(expected.Select(p => p.Id), "{0}: sub-paragraph ids", spec);
        foreach (var (e, a) in expected.Zip(actual))
        {
            a.Label.Should().Be(e.Label, "{0}: sub-paragraph {1} label", spec, e.Id);
            a.Text.Should().Be(e.Text, "{0}: sub-paragraph {1} text", spec, e.Id);
            a.Footnotes.Should().Equal(e.Footnotes, "{0}: sub-paragraph {1} footnote markers", spec, e.Id);
            Points(e.Points, a.Points, spec);
        }
    }

    /// <summary>Line ends and the final newline do not count (git may check a spec out with CRLF).</summary>
    private static string Normalize(string json) => json.ReplaceLineEndings("\n").TrimEnd();
}
