using System.Globalization;
using System.Xml.Linq;
using ResolutionArchive.Parsing.Countries;
using ResolutionArchive.Parsing.Diagnostics;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Parsing.Akn;

public static partial class AknResolutionReader
{
    private enum Region
    {
        Preamble,
        Main,
    }

    /// <summary>One block of text in document order before it is classified (§7.5).</summary>
    private sealed record Block(XElement Source, string? Num, IReadOnlyList<XNode> Content, Region Region, int Depth, bool Heading = false, IReadOnlyList<XElement>? Cells = null)
    {
        /// <summary>A block of a mainBody that a later preamble follows (§7.3): read as the preamble until a number.</summary>
        public bool SplitPreamble { get; init; }
    }

    private sealed class PointB(string id, string label)
    {
        public string Id { get; } = id;
        public string Label { get; } = label;
        public string Text { get; set; } = "";
        public IReadOnlyList<string> Footnotes { get; set; } = [];
        public List<PointB> Points { get; } = [];
        public Point Build() => new(Id, Label, Text, Footnotes, Points.Select(p => p.Build()).ToList());
    }

    private sealed class ClauseB(string id, ClauseKind kind, string? number, int line, string? part)
    {
        public string Id { get; } = id;
        public ClauseKind Kind { get; } = kind;
        public string? Number { get; } = number;
        public int Line { get; } = line;
        public string? Part { get; } = part;
        public string Text { get; set; } = "";
        public IReadOnlyList<string> Footnotes { get; set; } = [];
        public IReadOnlyList<Emphasis> Emphasis { get; set; } = [];
        public List<PointB> Points { get; } = [];
        public HashSet<string> PointIds { get; } = new(StringComparer.Ordinal);
        public Clause Build() => new(Id, Kind, Number, Text, Footnotes, Emphasis, Points.Select(p => p.Build()).ToList(), Line, Part);
    }

    private sealed class Reading(string file, CountryRegistry registry, List<ParseDiagnostic> diagnostics)
    {
        private readonly List<Clause> _preamble = [];
        private readonly List<Clause> _operative = [];
        private readonly List<Footnote> _footnotes = [];
        private readonly HashSet<string> _footnoteIds = new(StringComparer.Ordinal);
        private int? _numberSession;
        private readonly Dictionary<XElement, Vote> _votes = [];

        public ParseResult Run(XElement root)
        {
            var top = root.Elements().FirstOrDefault(e => e.Name.Namespace == Akn && e.Name.LocalName != "components");
            if (top is null)
            {
                Error(root, "expected a document element (statement or documentCollection) inside akomaNtoso, found none");
                return Fail();
            }

            var meta = top.Element(Akn + "meta");
            if (meta is null)
            {
                Error(top, $"expected the meta element at the start of {top.Name.LocalName}, found none");
                return Fail();
            }

            // §7.1 the archive holds the Chinese texts: the text itself decides (a file whose body is in another script is
            // refused, whatever it declares); a Chinese text that declares another language is read with a warning
            var languageElement = meta.Element(Akn + "identification")?.Element(Akn + "FRBRExpression")?.Element(Akn + "FRBRlanguage");
            var language = Attr(languageElement, "language");
            var (han, letters) = Script(top, root);
            if (letters > 0 && han * 5 < letters)
            {
                Error(languageElement ?? (XObject)top, $"expected a Chinese text, found a text with {han} Chinese characters among {letters} letters (FRBRlanguage '{language}'); this archive holds the Chinese texts, so nothing of this file is stored");
                return Fail();
            }

            if (language is { Length: > 0 } && language is not ("zho" or "chi" or "zh" or "cmn"))
            {
                Warning(languageElement!, $"FRBRExpression/FRBRlanguage says '{language}', but the text is Chinese ({han} Chinese characters among {letters} letters); read as Chinese");
            }

            var cover = top.Element(Akn + "coverPage");
            var preface = top.Element(Akn + "preface");
            var work = meta.Element(Akn + "identification")?.Element(Akn + "FRBRWork");

            // §7.2 body
            var author = Attr(work?.Element(Akn + "FRBRauthor"), "href")?.TrimStart('#');
            var authority = AknText.Plain(cover?.Descendants(Akn + "docAuthority").FirstOrDefault(d => Attr(d, "refersTo") == "#issuingBody")).Replace(" ", "", StringComparison.Ordinal);
            Body? body = author switch
            {
                "ga" => Body.GA,
                "hrc" => Body.HRC,
                _ => authority switch
                {
                    "大会" => Body.GA,
                    "人权理事会" => Body.HRC,
                    _ => null,
                },
            };
            if (body is null)
            {
                Error(work ?? meta, $"expected FRBRWork/FRBRauthor href=\"ga\" (or docAuthority 大会), found '{author}' / '{authority}'");
            }

            // §7.2 symbol and number
            var symbolElement = cover?.Descendants(Akn + "docNumber").FirstOrDefault(d => Attr(d, "refersTo") == "#symbol");
            var symbol = NormalizeSymbol(AknText.Plain(symbolElement));
            var numberElement = preface?.Descendants(Akn + "docNumber").FirstOrDefault();
            var number = AknText.Plain(numberElement).TrimEnd('.', '。').Trim();
            if (number.Length == 0 && symbol.StartsWith("A/RES/", StringComparison.Ordinal))
            {
                number = symbol["A/RES/".Length..].Split(' ')[0];
                Warning(cover ?? top, $"expected the resolution number in preface/docNumber, found none; taken from the symbol {symbol}");
            }

            if (number.Length == 0)
            {
                Error(preface ?? top, "expected the resolution number in preface/p/docNumber (such as '76/159.'), found none");
            }
            else if (!ResolutionNumber().IsMatch(number))
            {
                // §7.2: the number becomes the record's key, its URL and a field of every CSV row: nothing else is taken
                Error((XObject?)numberElement ?? preface ?? top, $"expected the resolution number as SESSION/NUMBER (such as 76/159, ES-11/1 or S-32/1), found '{number}'");
                number = "";
            }

            if (number.Length > 0 && body is { } b)
            {
                var expected = ResolutionTextParser.SymbolOf(b, number);
                if (symbol.Length == 0)
                {
                    symbol = expected;
                }
                else if (symbol != expected && !(symbol.StartsWith(expected + " ", StringComparison.Ordinal) && PartSuffix().IsMatch(symbol[(expected.Length + 1)..])))
                {
                    // 75/75_269_C.xml: the cover page says A/RES/75/268, the preface 75/269. and the FRBR URI 75-269
                    Warning(symbolElement ?? top, $"expected the symbol on the cover page to be {expected} (the number in the preface), found {symbol}; {expected} is used");
                    symbol = expected;
                }
            }

            // §7.2 the title: every docTitle of the preface's first paragraph (75/290 prints its title in two), joined by a
            // space; §7.10 a later paragraph with a letter (docNumber refersTo="#letter", or a docNumber of one letter) is the
            // part this document publishes alone, with its own title and notes (75/242 B, 75/290 A)
            var titleNotes = new List<AknNote>();
            var prefaceParagraphs = preface?.Elements(Akn + "p").ToList() ?? [];
            var titleParagraph = prefaceParagraphs.FirstOrDefault(p => p.Elements(Akn + "docTitle").Any()) ?? preface;
            var titleElement = titleParagraph?.Elements(Akn + "docTitle").FirstOrDefault() ?? preface?.Descendants(Akn + "docTitle").FirstOrDefault();
            var title = string.Join(' ', (titleParagraph?.Elements(Akn + "docTitle") ?? []).DefaultIfEmpty(titleElement).OfType<XElement>()
                .Select(t => AknText.Read(t.Nodes(), "title", titleNotes).Text).Where(t => t.Length > 0));
            ResolutionPart? publishedPart = null;
            foreach (var paragraph in prefaceParagraphs)
            {
                var partLetters = paragraph.Elements(Akn + "docNumber").Where(d => Attr(d, "refersTo") == "#letter" || IsPartLetter(AknText.Plain(d))).ToList();
                // a part letter printed in the title's own paragraph after the title (75/245 B) counts too
                if (partLetters.Count == 0 || (paragraph == titleParagraph && partLetters.All(l => l.ElementsBeforeSelf(Akn + "docTitle").Any() is false)))
                {
                    continue;
                }

                var partTitle = paragraph.Elements(Akn + "docTitle").Where(t => paragraph != titleParagraph || t.ElementsBeforeSelf().Any(e => partLetters.Contains(e)))
                    .Select(t => AknText.Read(t.Nodes(), "title", titleNotes).Text).FirstOrDefault(t => t.Length > 0) ?? "";
                foreach (var note in paragraph.Elements(Akn + "authorialNote"))
                {
                    AknText.Read([note], "title", titleNotes);
                }

                publishedPart = new ResolutionPart(AknText.Plain(partLetters[0]).TrimEnd('.'), partTitle);
            }
            if (title.Length == 0)
            {
                Warning(preface ?? cover ?? top, "expected the title in preface/p/docTitle, found none; the title is left empty");
            }

            // §7.2 session, agenda, date, meeting, committee report
            int? session = int.TryParse(Attr(cover?.Descendants(Akn + "session").FirstOrDefault(), "value"), NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : null;
            var agendaItem = AgendaItem(AknText.Plain(cover?.Descendants(Akn + "inline").FirstOrDefault(i => Attr(i, "name") == "agenda item")));
            var agendaTitle = AknText.Plain(cover?.Descendants(Akn + "inline").FirstOrDefault(i => Attr(i, "name") == "agenda item name"));
            var components = top.Name.LocalName == "documentCollection"
                ? (root.Element(Akn + "components") ?? top.Element(Akn + "components"))?.Elements(Akn + "component").Select(c => c.Elements().FirstOrDefault(e => e.Name.Namespace == Akn)).ToList() ?? []
                : [];
            _numberSession = int.TryParse(number.Split('/')[0], NumberStyles.None, CultureInfo.InvariantCulture, out var ns) ? ns : null;
            var adoptionDate = AdoptionDate(top, meta, _numberSession);
            if (adoptionDate is null && components.OfType<XElement>().Select(c => AdoptionDate(c, c.Element(Akn + "meta"), _numberSession)).FirstOrDefault(d => d is not null) is { } fromPart)
            {
                adoptionDate = fromPart; // §7.10: a collection whose date sits only in its components
            }

            if (adoptionDate is null)
            {
                Error(work ?? meta, "expected the adoption date in FRBRWork/FRBRdate name=\"adoption\" (yyyy-MM-dd), found none");
            }

            var steps = meta.Element(Akn + "workflow")?.Elements(Akn + "step").ToList() ?? [];
            // a collection prints its meeting in its components' conclusions (75/254, 76/247)
            var meeting = Meeting(steps.FirstOrDefault(x => Attr(x, "outcome") == "adopted"), components.Count > 0 ? root : top, report: components.Count == 0)
                ?? components.OfType<XElement>().Select(c => c.Element(Akn + "meta")?.Element(Akn + "workflow")?.Elements(Akn + "step").FirstOrDefault(x => Attr(x, "outcome") == "adopted"))
                    .Where(step => step is not null).Select(step => Meeting(step, root, report: false)).FirstOrDefault(m => m is not null);
            if (meeting is null && components.Count > 0)
            {
                Warning(top, "expected the meeting in workflow/step outcome=\"adopted\" as=\"A/76/PV.53\" or in conclusions, found none");
            }
            var report = CommitteeReport(cover, steps.FirstOrDefault(x => Attr(x, "outcome") == "recommendedForAdoption"));

            // §7.7 sponsors
            var sponsors = new List<Sponsor>();
            foreach (var step in steps)
            {
                var outcome = Attr(step, "outcome");
                if (outcome is "draftResolution" or "draftResolutionAdditionalSponsors")
                {
                    sponsors.AddRange(AknSponsors.Build(Attr(step, "by") ?? "", outcome != "draftResolution", registry, file, AknText.LineOf(step), diagnostics));
                }
            }

            // §7.8 vote
            var voting = VotingOf(meta) ?? components.OfType<XElement>().Select(c => VotingOf(c.Element(Akn + "meta"))).FirstOrDefault(v => v is not null);
            var vote = ReadVote(voting, adoptionDate, body);

            // §7.3–§7.6, §7.10 body, parts, annexes
            var parts = new List<ResolutionPart>();
            if (top.Name.LocalName == "documentCollection")
            {
                if (components.Count == 0)
                {
                    Error(top, "expected components/component for a documentCollection, found none");
                }

                foreach (var statement in components)
                {
                    if (statement is null)
                    {
                        Error(top, "expected a statement inside components/component, found none");
                        continue;
                    }

                    var partPreface = statement.Element(Akn + "preface");
                    var label = AknText.Plain(partPreface?.Descendants(Akn + "docNumber").FirstOrDefault()).TrimEnd('.');
                    if (label.Length == 0)
                    {
                        label = ((char)('A' + parts.Count)).ToString();
                        Warning(statement, $"expected the part's letter in preface/docNumber, found none; taken as {label}");
                    }

                    // §7.10 a note on the part's heading (its letter or title) is a footnote of the part, attached to "{label}-title"
                    var headingNotes = new List<AknNote>();
                    var partTitle = partPreface?.Descendants(Akn + "docTitle").FirstOrDefault() is { } docTitle ? AknText.Read(docTitle.Nodes(), $"{label}-title", headingNotes).Text : "";
                    if (partPreface?.Descendants(Akn + "docNumber").FirstOrDefault() is { } docNumber)
                    {
                        AknText.Read(docNumber.Nodes(), $"{label}-title", headingNotes);
                    }

                    parts.Add(PartOf(statement, label, partTitle, body));
                    ReadBody(statement, label);
                    foreach (var note in headingNotes)
                    {
                        AddFootnote(note, label + "-");
                    }
                }
            }
            else
            {
                ReadBody(top, null);
            }

            foreach (var note in titleNotes)
            {
                AddFootnote(note, null);
            }

            var annexes = new List<Annex>();
            foreach (var attachment in root.Descendants(Akn + "attachment"))
            {
                annexes.Add(ReadAnnex(attachment, annexes.Count + 1));
            }

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

        private ParseResult Fail() => new(null, diagnostics.OrderBy(d => d.Line).ToList());

        private void Error(XObject at, string message) => diagnostics.Add(new ParseDiagnostic(file, AknText.LineOf(at), message));

        private void Warning(XObject at, string message) => diagnostics.Add(new ParseDiagnostic(file, AknText.LineOf(at), message, DiagnosticSeverity.Warning));

        private static DateOnly? Date(string? value) =>
            DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year > 1 ? date : null;

        /// <summary>"A/RES/75/101A-B" and "A/RES/75/101  A-B" → "A/RES/75/101 A-B" (§7.2).</summary>
        private static string NormalizeSymbol(string symbol)
        {
            var compact = string.Join(' ', symbol.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            var match = System.Text.RegularExpressions.Regex.Match(compact, @"^(A/RES/(?:[A-Z]+-)?\d+/\d+)\s*([A-Z](?:\s*-\s*[A-Z])*)$");
            return match.Success ? $"{match.Groups[1].Value} {match.Groups[2].Value.Replace(" ", "", StringComparison.Ordinal)}" : compact;
        }

        private static string? AgendaItem(string text)
        {
            var item = text.Replace("议程项目", "", StringComparison.Ordinal).Trim();
            if (item.Length == 0)
            {
                return null;
            }

            var match = AgendaWithLetter().Match(item);
            return match.Success ? $"{match.Groups[1].Value} {match.Groups[2].Value}" : item;
        }

        /// <summary>
        /// The meeting (§7.2): what the text prints in its conclusions (<c>第48次全体会议(续会)</c>) and what the workflow
        /// records (<c>A/76/PV.53</c>, <c>Adopted 90-0-47, 87th plenary meeting</c>). When both are there and differ, the
        /// printed text wins, as for the date (§7.2 "Conflicting values"), and a warning names both.
        /// </summary>
        private Meeting? Meeting(XElement? adopted, XElement scope, bool report)
        {
            var inline = scope.Descendants(Akn + "inline").FirstOrDefault(i => Attr(i, "name") == "adoptionMeeting");
            var conclusion = AknText.Plain(inline);
            var resumed = conclusion.Contains("续会", StringComparison.Ordinal);
            var @as = Attr(adopted, "as") ?? "";
            int? printed = Number(ChineseMeeting().Match(conclusion));
            int? recorded = Number(PvMeeting().Match(@as)) ?? Number(EnglishMeeting().Match(@as));
            if (printed is { } p && recorded is { } r && p != r)
            {
                Warning(inline!, $"conflicting meetings: the text prints meeting {p} (line {AknText.LineOf(inline!)}), workflow/step outcome=\"adopted\" records {@as} (line {AknText.LineOf(adopted!)}); the printed meeting {p} is used");
            }

            if ((printed ?? recorded) is { } n)
            {
                return new Meeting(n, Plenary: true, resumed);
            }

            if (report)
            {
                Warning(adopted ?? scope, "expected the meeting in workflow/step outcome=\"adopted\" as=\"A/76/PV.53\" or in conclusions, found none");
            }

            return null;

            static int? Number(System.Text.RegularExpressions.Match match) =>
                match.Success && int.TryParse(match.Groups[1].Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0 ? n : null;
        }

        /// <summary>
        /// The adoption date (§7.2 "Conflicting values"). Three places state it: the text (<c>conclusions//docDate
        /// refersTo="#adoptionDate"</c>), the metadata (<c>FRBRWork/FRBRdate name="adoption"</c>) and the workflow (<c>step
        /// outcome="adopted"/@date</c>). The rule: the printed date, unless it falls outside the session the number belongs
        /// to (a regular session N of the General Assembly runs from September of 1945 + N to September of the next year)
        /// while another stated date falls inside it — then that one (75/255 prints 2021-12-31 for its adoption at the
        /// 48th meeting of session 75 on 2020-12-31). Values that differ give one warning naming each with its line.
        /// </summary>
        private DateOnly? AdoptionDate(XElement scope, XElement? meta, int? session = null)
        {
            var frbr = meta?.Element(Akn + "identification")?.Element(Akn + "FRBRWork")?.Elements(Akn + "FRBRdate").FirstOrDefault(d => Attr(d, "name") == "adoption");
            var docDate = scope.Descendants(Akn + "docDate").FirstOrDefault(d => Attr(d, "refersTo") == "#adoptionDate");
            var step = meta?.Element(Akn + "workflow")?.Elements(Akn + "step").FirstOrDefault(x => Attr(x, "outcome") == "adopted");
            var stated = new (string Where, XElement? At, DateOnly? Date)[]
            {
                ("the text prints", docDate, Date(Attr(docDate, "date"))),
                ("FRBRWork/FRBRdate name=\"adoption\" records", frbr, Date(Attr(frbr, "date"))),
                ("workflow/step outcome=\"adopted\" records", step, Date(Attr(step, "date"))),
            }.Where(x => x.Date is not null).ToList();
            if (stated.Count == 0)
            {
                return null;
            }

            var chosen = stated[0];
            if (session is { } n and > 0 and < 200)
            {
                var opens = new DateOnly(1945 + n, 9, 1);
                var closes = new DateOnly(1946 + n, 9, 30);
                bool Inside((string, XElement?, DateOnly? Date) x) => x.Date >= opens && x.Date <= closes;
                if (!Inside(chosen) && stated.FirstOrDefault(Inside) is { Date: not null } inside)
                {
                    chosen = inside;
                }
            }

            // the workflow's date is often a placeholder (0001-01-01, read as none) or missing: only real disagreements count
            if (stated.Select(x => x.Date).Distinct().Count() > 1)
            {
                Warning(chosen.At!, "conflicting adoption dates: " + string.Join("; ", stated.Select(x => $"{x.Where} {x.Date:yyyy-MM-dd} (line {AknText.LineOf(x.At!)})"))
                    + $"; {chosen.Date:yyyy-MM-dd} is used ({(chosen == stated[0] ? "the printed date" : $"the one inside session {session}")})");
            }

            return chosen.Date;
        }

        /// <summary>
        /// Han characters and all letters in the text of the document's body (preamble, mainBody, its components' ones
        /// and the preface), for the §7.1 language check: a Chinese text has at least one Han character in five letters.
        /// </summary>
        private static (int Han, int Letters) Script(XElement top, XElement root)
        {
            var han = 0;
            var letters = 0;
            var bodies = top.Elements().Concat(root.Element(Akn + "components")?.Descendants() ?? [])
                .Where(e => e.Name.LocalName is "preamble" or "mainBody" or "preface");
            foreach (var text in bodies.SelectMany(b => b.DescendantNodes().OfType<XText>()))
            {
                foreach (var ch in text.Value)
                {
                    if (char.IsLetter(ch))
                    {
                        letters++;
                        han += ch is >= '\u3400' and <= '\u9fff' or >= '\uf900' and <= '\ufaff' ? 1 : 0;
                    }
                }
            }

            return (han, letters);
        }

        /// <summary>A part's letter as printed: one or two capital Latin letters, an optional final dot (§7.10).</summary>
        private static bool IsPartLetter(string text) =>
            text.TrimEnd('.').Length is 1 or 2 && text.TrimEnd('.').All(char.IsAsciiLetterUpper);

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

        private CommitteeReport? CommitteeReport(XElement? cover, XElement? recommended)
        {
            var proponent = cover?.Descendants(Akn + "docProponent").FirstOrDefault();
            if (proponent is null)
            {
                return null;
            }

            var text = AknText.Plain(proponent);
            if (text.Contains("未经发交主要委员会", StringComparison.Ordinal))
            {
                return null;
            }

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

            var origin = AknText.Plain(proponent.Descendants(Akn + "inline").FirstOrDefault(i => Attr(i, "name") == "originating document"));
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

        // ---------------------------------------------------------------- body (§7.3–§7.5)

        private void ReadBody(XElement statement, string? part)
        {
            // §7.3 every preamble and mainBody of the statement, in document order: the UN's markup may split a preamble
            // around a clause it put in a mainBody (75/161, 77/100), and such an unnumbered block, ahead of a later
            // preamble, is a preamble clause too
            var blocks = new List<Block>();
            var bodies = statement.Elements().Where(e => e.Name == Akn + "preamble" || e.Name == Akn + "mainBody").ToList();
            for (var i = 0; i < bodies.Count; i++)
            {
                var inPreamble = bodies[i].Name.LocalName == "preamble" || bodies.Skip(i + 1).Any(b => b.Name.LocalName == "preamble");
                var start = blocks.Count;
                Flatten(bodies[i], bodies[i].Name.LocalName == "preamble" ? Region.Preamble : Region.Main, 0, blocks);
                if (inPreamble && bodies[i].Name.LocalName == "mainBody")
                {
                    for (var k = start; k < blocks.Count; k++)
                    {
                        blocks[k] = blocks[k] with { SplitPreamble = true };
                    }
                }
            }

            var prefix = part is null ? "" : part + "-";
            var notes = new List<AknNote>();
            var ids = new HashSet<string>(StringComparer.Ordinal);
            var preambleCount = 0;
            var unnumbered = 0;
            var operativeMode = false;
            ClauseB? current = null;
            var built = new List<ClauseB>();
            foreach (var block in blocks)
            {
                var (num, fromText) = NumOf(block);
                var isDigit = num is not null && num.TrimEnd('.').All(char.IsAsciiDigit) && num.TrimEnd('.').Length > 0;
                if (num is not null && !isDigit && current is not null && !block.Heading)
                {
                    var level = block.Depth > 0 && !fromText ? block.Depth : LabelLevel(num, current);
                    var parentList = current.Points;
                    var parentId = current.Id;
                    for (var l = 1; l < level && parentList.Count > 0; l++)
                    {
                        parentId = parentList[^1].Id;
                        parentList = parentList[^1].Points;
                    }

                    var id = Unique($"{parentId}-{LabelKey(num)}", current.PointIds);
                    var point = new PointB(id, num);
                    var (text, _, markers) = AknText.Read(block.Content, id, notes);
                    point.Text = fromText ? StripLeading(text, num).Text : text;
                    point.Footnotes = markers;
                    parentList.Add(point);
                    continue;
                }

                ClauseB clause;
                if (isDigit)
                {
                    var n = num!.TrimEnd('.');
                    if (block.Region == Region.Preamble && !operativeMode)
                    {
                        Warning(block.Source, $"operative paragraph {n} is marked up inside the preamble; read as an operative paragraph");
                    }

                    operativeMode = true;
                    clause = new ClauseB(Unique($"{prefix}op{n}", ids), ClauseKind.Operative, n, AknText.LineOf(block.Source), part);
                }
                else if ((block.Region == Region.Preamble || block.SplitPreamble) && !operativeMode && !block.Heading)
                {
                    clause = new ClauseB(Unique($"{prefix}pp{++preambleCount}", ids), ClauseKind.Preamble, null, AknText.LineOf(block.Source), part);
                }
                else
                {
                    clause = new ClauseB(Unique($"{prefix}op-u{++unnumbered}", ids), ClauseKind.Operative, null, AknText.LineOf(block.Source), part);
                }

                if (block.Cells is { } cells)
                {
                    clause.Text = string.Join(" | ", cells.Select(c => AknText.Read(c.Nodes(), clause.Id, notes).Text));
                    clause.Footnotes = notes.Where(x => x.AttachedTo == clause.Id).Select(x => x.Marker).Distinct().ToList();
                }
                else
                {
                    var (text, emphasis, markers) = AknText.Read(block.Content, clause.Id, notes);
                    (clause.Text, clause.Emphasis) = fromText && num is not null ? StripLeading(text, num, emphasis) : (text, emphasis);
                    clause.Footnotes = markers;
                }

                built.Add(clause);
                current = clause;
            }

            foreach (var clause in built)
            {
                (clause.Kind == ClauseKind.Preamble ? _preamble : _operative).Add(clause.Build());
            }

            foreach (var note in notes)
            {
                AddFootnote(note, prefix);
            }
        }

        private Annex ReadAnnex(XElement attachment, int index)
        {
            var doc = attachment.Elements().FirstOrDefault(e => e.Name.Namespace == Akn) ?? attachment;
            var blocks = new List<Block>();
            foreach (var child in doc.Elements().Where(e => e.Name.LocalName != "meta"))
            {
                Flatten(child, Region.Main, 0, blocks);
            }

            var id = $"annex{index}";
            var notes = new List<AknNote>();
            string? heading = null;
            string? title = null;
            var paragraphs = new List<Clause>();
            foreach (var block in blocks)
            {
                var pid = $"{id}-p{paragraphs.Count + 1}";
                string text;
                IReadOnlyList<Emphasis> emphasis = [];
                IReadOnlyList<string> markers = [];
                if (block.Cells is { } cells)
                {
                    text = string.Join(" | ", cells.Select(c => AknText.Read(c.Nodes(), pid, notes).Text));
                    markers = notes.Where(x => x.AttachedTo == pid).Select(x => x.Marker).Distinct().ToList();
                }
                else
                {
                    (text, emphasis, markers) = AknText.Read(block.Content, pid, notes);
                }

                if (text.Length == 0 && block.Num is null)
                {
                    continue;
                }

                if (paragraphs.Count == 0 && block.Num is null && markers.Count == 0)
                {
                    if (heading is null && title is null && text.StartsWith("附件", StringComparison.Ordinal) && text.Length <= 8)
                    {
                        heading = text;
                        continue;
                    }

                    if (title is null && text.Length <= 120 && block.Cells is null && !"，。；：,;:".Contains(text[^1], StringComparison.Ordinal))
                    {
                        title = text;
                        continue;
                    }
                }

                paragraphs.Add(new Clause(pid, ClauseKind.Annex, block.Num?.TrimEnd('.'), text, markers, emphasis, [], AknText.LineOf(block.Source)));
            }

            foreach (var note in notes)
            {
                AddFootnote(note, null);
            }

            return new Annex(id, heading, title, paragraphs);
        }

        private void AddFootnote(AknNote note, string? prefix)
        {
            var id = (prefix ?? "")
                + (note.Marker == "*" ? "fn-star" : $"fn{note.Marker}");
            id = Unique(id, _footnoteIds);
            _footnotes.Add(new Footnote(id, note.Marker, note.Text, note.AttachedTo, note.Line));
        }

        private static string Unique(string id, HashSet<string> used)
        {
            var candidate = id;
            for (var m = 2; !used.Add(candidate); m++)
            {
                candidate = $"{id}-{m}";
            }

            return candidate;
        }

        /// <summary>The printed num, or a number/label at the start of the text (digit + tab, (a), ㈠) and true.</summary>
        private static (string? Num, bool FromText) NumOf(Block block)
        {
            if (block.Num is { Length: > 0 } num)
            {
                return (num, false);
            }

            if (block.Heading || block.Cells is not null)
            {
                return (null, false);
            }

            var raw = RawStart(block.Content).TrimStart();
            if (LeadingNumber().Match(raw) is { Success: true } n)
            {
                return (n.Groups[1].Value, true);
            }

            if (LeadingLabel().Match(raw) is { Success: true } l)
            {
                return (l.Groups[1].Value.Trim(), true);
            }

            return (null, false);
        }

        private static string RawStart(IEnumerable<XNode> nodes)
        {
            var builder = new System.Text.StringBuilder();
            foreach (var node in nodes)
            {
                foreach (var text in node is XElement e ? e.DescendantNodesAndSelf().OfType<XText>() : node is XText t ? [t] : [])
                {
                    builder.Append(text.Value);
                    if (builder.Length > 40)
                    {
                        return builder.ToString();
                    }
                }
            }

            return builder.ToString();
        }

        private static (string Text, IReadOnlyList<Emphasis> Emphasis) StripLeading(string text, string label, IReadOnlyList<Emphasis>? emphasis = null)
        {
            var index = text.IndexOf(label, StringComparison.Ordinal);
            if (index != 0)
            {
                return (text, emphasis ?? []);
            }

            var rest = text[label.Length..];
            if (rest.StartsWith('.'))
            {
                rest = rest[1..];
            }

            var trimmed = rest.TrimStart();
            var shift = text.Length - trimmed.Length;
            var moved = (emphasis ?? []).Select(e => e with { Start = e.Start - shift }).Where(e => e.Start >= 0).ToList();
            return (trimmed, moved);
        }

        /// <summary>Level of a label read from text (§3.5): letters 1, roman numerals and ㈠ 2 (i after h stays 1).</summary>
        private static int LabelLevel(string label, ClauseB clause)
        {
            var key = LabelKey(label);
            if (label.Length == 1 && label[0] is >= '\u3220' and <= '\u3229')
            {
                return clause.Points.Count > 0 ? 2 : 1;
            }

            if (key.All(c => "ivxlc".Contains(c, StringComparison.Ordinal)) && clause.Points.Count > 0)
            {
                var last = LabelKey(clause.Points[^1].Label);
                var follows = last.Length == key.Length && last.Length == 1 && key[0] == last[0] + 1;
                return follows ? 1 : 2;
            }

            return 1;
        }

        /// <summary>Id key of a label: brackets and dots removed, ㈠…㈩ as roman i…x.</summary>
        private static string LabelKey(string label)
        {
            string[] roman = ["i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix", "x"];
            var trimmed = label.Trim().Trim('(', ')', '（', '）', '.').Trim();
            if (trimmed.Length == 1 && trimmed[0] is >= '\u3220' and <= '\u3229')
            {
                return roman[trimmed[0] - '\u3220'];
            }

            return trimmed.Length == 0 ? "x" : trimmed;
        }

        // ---------------------------------------------------------------- flattening

        private static string? NumText(XElement? num)
        {
            var text = AknText.Plain(num).Trim();
            return text.Length == 0 ? null : text;
        }

        private static void Flatten(XElement element, Region region, int depth, List<Block> blocks)
        {
            switch (element.Name.LocalName)
            {
                case "formula":
                case "meta":
                    return;
                case "preamble":
                case "mainBody":
                case "content":
                case "preface":
                case "body":
                    foreach (var child in element.Elements())
                    {
                        Flatten(child, region, depth, blocks);
                    }

                    return;
                case "container":
                    if (element.Elements().Any(e => e.Name.LocalName is "blockList" or "list" or "table" or "paragraph" or "container" or "section"))
                    {
                        foreach (var child in element.Elements())
                        {
                            Flatten(child, region, depth, blocks);
                        }
                    }
                    else
                    {
                        blocks.Add(new Block(element, NumText(element.Element(Akn + "num")), element.Nodes().ToList(), region, depth));
                    }

                    return;
                case "paragraph":
                    {
                        var num = NumText(element.Element(Akn + "num"));
                        var emitted = false;
                        foreach (var child in element.Elements())
                        {
                            switch (child.Name.LocalName)
                            {
                                case "num":
                                    break;
                                case "content" when child.Descendants(Akn + "table").Any():
                                    if (num is not null)
                                    {
                                        blocks.Add(new Block(element, num, [], region, depth));
                                        num = null;
                                    }

                                    Flatten(child, region, depth, blocks);
                                    emitted = true;
                                    break;
                                case "content":
                                case "p":
                                    blocks.Add(new Block(child, num, child.Nodes().ToList(), region, depth));
                                    num = null;
                                    emitted = true;
                                    break;
                                case "list":
                                case "blockList":
                                    FlattenList(child, region, depth, num, blocks);
                                    num = null;
                                    emitted = true;
                                    break;
                                case "subheading":
                                case "heading":
                                case "crossHeading":
                                    blocks.Add(new Block(child, null, child.Nodes().ToList(), region, depth, Heading: true));
                                    break;
                                default:
                                    Flatten(child, region, depth, blocks);
                                    break;
                            }
                        }

                        if (num is not null && !emitted)
                        {
                            blocks.Add(new Block(element, num, [], region, depth));
                        }

                        return;
                    }

                case "list":
                case "blockList":
                case "sublist":
                    FlattenList(element, region, depth, null, blocks);
                    return;
                case "section":
                case "part":
                case "chapter":
                case "hcontainer":
                case "division":
                case "subsection":
                case "tblock":
                    {
                        var heading = element.Elements().Where(e => e.Name.LocalName is "num" or "heading").ToList();
                        if (heading.Count > 0)
                        {
                            var nodes = new List<XNode>();
                            foreach (var h in heading)
                            {
                                nodes.Add(new XText(" "));
                                nodes.AddRange(h.Nodes());
                            }

                            blocks.Add(new Block(heading[0], null, nodes, region, depth, Heading: true));
                        }

                        foreach (var child in element.Elements().Where(e => e.Name.LocalName is not ("num" or "heading")))
                        {
                            Flatten(child, region, depth, blocks);
                        }

                        return;
                    }

                case "subheading":
                case "heading":
                case "crossHeading":
                    blocks.Add(new Block(element, null, element.Nodes().ToList(), region, depth, Heading: element.Attribute("refersTo")?.Value != "#preamble"));
                    return;
                case "table":
                    foreach (var row in element.Descendants(Akn + "tr"))
                    {
                        blocks.Add(new Block(row, null, [], region, depth, Cells: row.Elements().Where(c => c.Name.LocalName is "td" or "th").ToList()));
                    }

                    return;
                default:
                    if (element.DescendantNodes().OfType<XText>().Any(t => !string.IsNullOrWhiteSpace(t.Value)))
                    {
                        blocks.Add(new Block(element, null, element.Nodes().ToList(), region, depth));
                    }

                    return;
            }
        }

        private static void FlattenList(XElement list, Region region, int depth, string? num, List<Block> blocks)
        {
            foreach (var child in list.Elements())
            {
                switch (child.Name.LocalName)
                {
                    case "intro":
                    case "listIntroduction":
                        blocks.Add(new Block(child, num, child.Nodes().ToList(), region, depth));
                        num = null;
                        break;
                    case "point":
                    case "item":
                        {
                            var label = NumText(child.Element(Akn + "num"));
                            var nested = child.Elements().Where(e => e.Name.LocalName is "list" or "blockList" or "sublist").ToList();
                            var content = child.Elements().Where(e => e.Name.LocalName is not ("num" or "list" or "blockList" or "sublist")).SelectMany(e => e.Name.LocalName == "content" ? e.Nodes() : [e]).ToList();
                            blocks.Add(new Block(child, label, content, region, depth + 1));
                            foreach (var sub in nested)
                            {
                                FlattenList(sub, region, depth + 1, null, blocks);
                            }

                            break;
                        }

                    case "list":
                    case "blockList":
                    case "sublist":
                        FlattenList(child, region, depth + 1, null, blocks);
                        break;
                    case "num":
                        break;
                    default:
                        blocks.Add(new Block(child, num, child.Nodes().ToList(), region, depth));
                        num = null;
                        break;
                }
            }

            if (num is not null)
            {
                blocks.Add(new Block(list, num, [], region, depth));
            }
        }
    }
}
