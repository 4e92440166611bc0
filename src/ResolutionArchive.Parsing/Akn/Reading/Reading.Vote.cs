using System.Globalization;
using System.Xml.Linq;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Parsing.Akn;

public static partial class AknResolutionReader
{
    // The vote (§7.8), the parts' own votes (§7.10) and the committee report (§7.2).
    private sealed partial class Reading
    {
        private static XElement? VotingOf(XElement? meta) => meta?.Element(Akn + "analysis")?.Element(Akn + "parliamentary")?.Element(Akn + "voting");

        /// <summary>A part (§7.10) with the date, meeting and vote its own component states, where it states them.</summary>
        private ResolutionPart PartOf(XElement statement, string label, string title, Body? body)
        {
            var meta = statement.Element(Akn + "meta");
            var date = AdoptionDate(statement, meta, _numberSession);
            var adopted = meta?.Element(Akn + "workflow")?.Elements(Akn + "step").FirstOrDefault(x => Attr(x, "outcome") == "adopted");
            var meeting = adopted is null && !statement.Descendants(Akn + "inline").Any(i => Attr(i, "name") == "adoptionMeeting") ? null : Meeting(adopted, statement, report: false);
            var vote = VotingOf(meta) is { } voting ? ReadVote(voting, date, body) : null;
            return new ResolutionPart(label, title) { AdoptionDate = date, Meeting = meeting, Vote = vote };
        }

        /// <summary>
        /// §7.8 the vote of one <c>voting</c> element with its non-voting members (§4.5), read once: a collection whose own
        /// meta has none takes its first component's, which the part reads too, and its warnings are not given twice.
        /// </summary>
        private Vote ReadVote(XElement? voting, DateOnly? date, Body? body)
        {
            if (voting is not null && _votes.TryGetValue(voting, out var read))
            {
                return read;
            }

            var vote = AknVote.Read(voting, registry, file, diagnostics, date);
            if (body is { } votedIn)
            {
                vote = Parsers.NonVotingMembers.Complete(vote, votedIn, date, registry, file, voting is null ? 1 : AknText.LineOf(voting), diagnostics);
            }

            if (voting is not null)
            {
                _votes[voting] = vote;
            }

            return vote;
        }

        /// <summary>
        /// §7.10: a part keeps its own date, meeting and vote only where they differ from the record's (a part adopted
        /// on another day, or voted apart); the same values are the record's and are not repeated.
        /// </summary>
        private static ResolutionPart Distinct(ResolutionPart part, DateOnly? date, Meeting? meeting, Vote vote) => part with
        {
            AdoptionDate = part.AdoptionDate == date ? null : part.AdoptionDate,
            Meeting = part.Meeting == meeting ? null : part.Meeting,
            Vote = part.Vote is null || SameVote(part.Vote, vote) ? null : part.Vote,
        };

        private static bool SameVote(Vote a, Vote b) =>
            a.Mode == b.Mode && a.YesCount == b.YesCount && a.NoCount == b.NoCount && a.AbstainCount == b.AbstainCount
            && a.Yes.SequenceEqual(b.Yes) && a.No.SequenceEqual(b.No) && a.Abstain.SequenceEqual(b.Abstain);

        /// <summary>
        /// §7.7 the cover's statement of where a General Assembly resolution came from: its <c>docProponent</c> (the
        /// element), the statement's plain text (<c>[根据第三委员会的报告 (A/76/462/Add.2, 第 114 段) 通过]</c>,
        /// <c>[未经发交主要委员会而通过 (A/75/L.8 和 Add.1)]</c>) and the text of its <c>inline name="originating
        /// document"</c> (empty when there is none). Read once, for the committee report and for the draft symbol.
        /// </summary>
        private sealed record CoverOrigin(XElement Proponent, string Text, string Document)
        {
            /// <summary>True for a resolution adopted without reference to a Main Committee (未经发交主要委员会): its
            /// originating document is the plenary draft, not a report.</summary>
            public bool WithoutReference => Text.Contains("未经发交主要委员会", StringComparison.Ordinal);

            /// <summary>The cover's origin statement, or null when the cover has no <c>docProponent</c>.</summary>
            public static CoverOrigin? Of(XElement? cover) =>
                cover?.Descendants(Akn + "docProponent").FirstOrDefault() is { } proponent
                    ? new CoverOrigin(proponent, AknText.Plain(proponent), AknText.Plain(proponent.Descendants(Akn + "inline").FirstOrDefault(i => Attr(i, "name") == "originating document")))
                    : null;
        }

        private CommitteeReport? CommitteeReport(CoverOrigin? cover, XElement? recommended)
        {
            if (cover is null || cover.WithoutReference)
            {
                return null;
            }

            var (proponent, text, origin) = (cover.Proponent, cover.Text, cover.Document);

            string? committee = null;
            var start = text.IndexOf("根据", StringComparison.Ordinal);
            if (start >= 0)
            {
                var rest = text[(start + 2)..];
                var end = rest.IndexOf("的报告", StringComparison.Ordinal);
                if (end < 0)
                {
                    end = rest.IndexOf('(', StringComparison.Ordinal) is var open && open > 0 && rest.IndexOf("委员会", StringComparison.Ordinal) is var c && c >= 0 && open > c + 3 ? open : rest.Length;
                }

                committee = rest[..end].TrimEnd(']', ' ', '(').Trim();
                if (committee.EndsWith("委员会)", StringComparison.Ordinal) is false && committee.IndexOf(" (", StringComparison.Ordinal) is var sp && sp > 0)
                {
                    committee = committee[..sp];
                }

                committee = committee.Replace(" ", "", StringComparison.Ordinal);
                committee = committee.Length == 0 ? null : committee;
            }

            var match = OriginatingDocument().Match(origin);
            string? symbol = match.Success ? match.Groups["s"].Value : origin.Length > 0 && origin.StartsWith("A/", StringComparison.Ordinal) ? origin.Split('，', ',')[0].Trim() : null;
            int? paragraph = match.Success ? int.Parse(match.Groups["p"].Value, CultureInfo.InvariantCulture) : null;
            if (symbol is null && Attr(recommended, "as") is { } fromStep && fromStep.StartsWith("A/", StringComparison.Ordinal))
            {
                symbol = fromStep;
                paragraph ??= int.TryParse(Attr(recommended, "refersTo"), NumberStyles.None, CultureInfo.InvariantCulture, out var p) ? p : null;
            }

            if (symbol is null)
            {
                Warning(proponent, $"expected the report's symbol in docProponent/inline name=\"originating document\" or workflow step recommendedForAdoption, found none in '{text}'; no committee report recorded");
                return null;
            }

            return new CommitteeReport(committee, symbol, paragraph);
        }
    }
}
