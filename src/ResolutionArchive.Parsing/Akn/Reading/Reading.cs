using System.Globalization;
using System.Xml.Linq;
using ResolutionArchive.Parsing.Countries;
using ResolutionArchive.Parsing.Diagnostics;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Parsing.Akn;

public static partial class AknResolutionReader
{
    /// <summary>
    /// One reading of one AKN4UN document (docs/input-formats.md §7): <see cref="Run"/> calls a reader per construct in
    /// document order — the script (§7.1), the issuing body, number and symbol, title and published part, session,
    /// agenda, date, meeting and committee report (§7.2, Reading.Heading.cs), sponsors (§7.7), the vote (§7.8,
    /// Reading.Vote.cs), the body, parts, annexes and footnotes (§7.3–§7.6, §7.10, §7.11, Reading.Body.cs, over the
    /// blocks of <see cref="BlockFlattener"/>) — then checks that nothing was dropped (§7.14). Findings go to the
    /// shared diagnostics list as <c>FILE:LINE</c>; any error means no record.
    /// </summary>
    private sealed partial class Reading(string file, CountryRegistry registry, List<ParseDiagnostic> diagnostics)
    {
        private readonly List<Clause> _preamble = [];
        private readonly List<Clause> _operative = [];
        private readonly List<Footnote> _footnotes = [];
        private readonly HashSet<string> _footnoteIds = new(StringComparer.Ordinal);
        private int? _numberSession;
        private readonly Dictionary<XElement, Vote> _votes = [];

        public ParseResult Run(XElement root)
        {
            if (DocumentAndMeta(root) is not var (top, meta) || !IsChineseText(root, top, meta))
            {
                return Fail();
            }

            var cover = top.Element(Akn + "coverPage");
            var preface = top.Element(Akn + "preface");
            var work = meta.Element(Akn + "identification")?.Element(Akn + "FRBRWork");
            var body = IssuingBody(work, cover, meta);
            var (number, symbol) = NumberAndSymbol(top, cover, preface, body);
            var titleNotes = new List<AknNote>();
            var (title, publishedPart) = TitleAndPublishedPart(top, cover, preface, titleNotes);

            // §7.2 session, agenda, date, meeting, committee report
            int? session = int.TryParse(Attr(cover?.Descendants(Akn + "session").FirstOrDefault(), "value"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : null;
            var agendaItem = AgendaItem(AknText.Plain(cover?.Descendants(Akn + "inline").FirstOrDefault(i => Attr(i, "name") == "agenda item")));
            var agendaTitle = AknText.Plain(cover?.Descendants(Akn + "inline").FirstOrDefault(i => Attr(i, "name") == "agenda item name"));
            var components = Components(root, top);
            _numberSession = int.TryParse(number.Split('/')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ns) ? ns : null;
            var adoptionDate = AdoptionDateOf(top, meta, work, components);
            var steps = meta.Element(Akn + "workflow")?.Elements(Akn + "step").ToList() ?? [];
            var meeting = MeetingOf(root, top, steps, components);
            var origin = CoverOrigin.Of(cover);
            var report = CommitteeReport(origin, steps.FirstOrDefault(x => Attr(x, "outcome") == "recommendedForAdoption"));
            var sponsors = Sponsors(steps);
            var draftSymbol = DraftSymbolOf(steps, origin);

            // §7.8 vote
            var voting = VotingOf(meta) ?? components.OfType<XElement>().Select(c => VotingOf(c.Element(Akn + "meta"))).FirstOrDefault(v => v is not null);
            var vote = ReadVote(voting, adoptionDate, body);

            // §7.3–§7.6, §7.10 body, parts, annexes
            var parts = ReadBodyAndParts(top, components, body);
            foreach (var note in titleNotes)
            {
                AddFootnote(note, null);
            }

            var annexes = root.Descendants(Akn + "attachment").Select((attachment, i) => ReadAnnex(attachment, i + 1)).ToList();
            if (_operative.Count == 0 && _preamble.Count == 0)
            {
                Error(top, "expected preamble/container or mainBody/paragraph clauses, found none");
            }

            if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                return Fail();
            }

            if (session is { } printed && number.Split('/')[0] is var head && int.TryParse(head, NumberStyles.None, CultureInfo.InvariantCulture, out var fromNumber) && printed != fromNumber)
            {
                Warning(cover ?? top, $"the number {number} does not belong to the session in coverPage/session ({printed})");
            }

            var resolution = new ParsedResolution
            {
                Body = body!.Value,
                Session = session,
                AgendaItem = agendaItem,
                AgendaTitle = agendaTitle.Length == 0 ? null : agendaTitle,
                Number = number,
                Symbol = symbol,
                Status = ResolutionStatus.Adopted,
                Title = title,
                AdoptionDate = adoptionDate,
                Meeting = meeting,
                CommitteeReport = report,
                Preamble = _preamble,
                Operative = _operative,
                Footnotes = _footnotes,
                Vote = vote,
                Sponsors = sponsors,
                DraftSymbol = draftSymbol,
                Parts = parts.Select(p => Distinct(p, adoptionDate, meeting, vote)).ToList(),
                PublishedPart = publishedPart,
                Annexes = annexes,
            };
            // §7.14 nothing dropped silently: characters of the body that the record does not hold are reported
            diagnostics.AddRange(AknCompleteness.Check(root, resolution, file));
            // a component's date and meeting are read for the record (when the collection states none) and for its part:
            // the same finding is reported once
            return new ParseResult(resolution, diagnostics.Distinct().OrderBy(d => d.Line).ToList());
        }

        /// <summary>The document element (statement or documentCollection) and its meta, or null with an error.</summary>
        private (XElement Top, XElement Meta)? DocumentAndMeta(XElement root)
        {
            var top = root.Elements().FirstOrDefault(e => e.Name.Namespace == Akn && e.Name.LocalName != "components");
            if (top is null)
            {
                Error(root, "expected a document element (statement or documentCollection) inside akomaNtoso, found none");
                return null;
            }

            var meta = top.Element(Akn + "meta");
            if (meta is null)
            {
                Error(top, $"expected the meta element at the start of {top.Name.LocalName}, found none");
                return null;
            }

            return (top, meta);
        }

        /// <summary>
        /// §7.1 the archive holds the Chinese texts: the text itself decides (a file whose body is in another script is
        /// refused, whatever it declares); a Chinese text that declares another language is read with a warning.
        /// </summary>
        private bool IsChineseText(XElement root, XElement top, XElement meta)
        {
            var languageElement = meta.Element(Akn + "identification")?.Element(Akn + "FRBRExpression")?.Element(Akn + "FRBRlanguage");
            var language = Attr(languageElement, "language");
            var (han, letters) = Script(top, root);
            if (letters > 0 && han * 5 < letters)
            {
                Error(languageElement ?? (XObject)top, $"expected a Chinese text, found a text with {han} Chinese characters among {letters} letters (FRBRlanguage '{language}'); this archive holds the Chinese texts, so nothing of this file is stored");
                return false;
            }

            if (language is { Length: > 0 } && language is not ("zho" or "chi" or "zh" or "cmn"))
            {
                Warning(languageElement!, $"FRBRExpression/FRBRlanguage says '{language}', but the text is Chinese ({han} Chinese characters among {letters} letters); read as Chinese");
            }

            return true;
        }

        /// <summary>§7.10 the statements of a documentCollection's components, in order (null for an empty component); none for a statement.</summary>
        private static List<XElement?> Components(XElement root, XElement top) =>
            top.Name.LocalName == "documentCollection"
                ? (root.Element(Akn + "components") ?? top.Element(Akn + "components"))?.Elements(Akn + "component").Select(c => c.Elements().FirstOrDefault(e => e.Name.Namespace == Akn)).ToList() ?? []
                : [];

        /// <summary>§7.7 the sponsors: the workflow steps of the draft and of the additional sponsors, in order.</summary>
        private List<Sponsor> Sponsors(IEnumerable<XElement> steps)
        {
            var sponsors = new List<Sponsor>();
            foreach (var step in steps)
            {
                var outcome = Attr(step, "outcome");
                if (outcome is "draftResolution" or "draftResolutionAdditionalSponsors")
                {
                    sponsors.AddRange(AknSponsors.Build(Attr(step, "by") ?? "", outcome != "draftResolution", registry, file, AknText.LineOf(step), diagnostics));
                }
            }

            return sponsors;
        }

        /// <summary>
        /// §7.7 the draft's symbol: the first <c>workflow/step[@outcome="draftResolution"]/@as</c> that is an L document
        /// (<c>A/C.3/76/L.37</c>), else, for a resolution adopted without reference to a Main Committee, the cover's
        /// originating document (<c>[未经发交主要委员会而通过 (A/75/L.8 和 Add.1)]</c> → <c>A/75/L.8</c>); null otherwise.
        /// </summary>
        private static string? DraftSymbolOf(IEnumerable<XElement> steps, CoverOrigin? origin)
        {
            foreach (var step in steps.Where(s => Attr(s, "outcome") == "draftResolution"))
            {
                if (Parsers.Patterns.FirstDraftSymbol(Attr(step, "as")) is { } symbol)
                {
                    return symbol;
                }
            }

            return origin is { WithoutReference: true } ? Parsers.Patterns.FirstDraftSymbol(origin.Document) : null;
        }

        private ParseResult Fail() => new(null, diagnostics.OrderBy(d => d.Line).ToList());

        private void Error(XObject at, string message) => diagnostics.Add(new ParseDiagnostic(file, AknText.LineOf(at), message));

        private void Warning(XObject at, string message) => diagnostics.Add(new ParseDiagnostic(file, AknText.LineOf(at), message, DiagnosticSeverity.Warning));
    }
}
