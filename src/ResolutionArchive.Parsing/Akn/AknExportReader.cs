using System.Globalization;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ResolutionArchive.Parsing.Diagnostics;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Parsing.Akn;

/// <summary>
/// Reads a document written by <see cref="AknWriter"/> (recognised by <c>meta/proprietary/ra:export</c>) exactly, as the
/// writer's inverse: text as written (no white-space heuristics), ids from the <c>eId</c>s, number and status from
/// <c>FRBRnumber</c>/<c>FRBRsubtype</c>, voters as ISO codes, sponsors through their TLCs, footnotes where the writer put
/// them and in the order <c>ra:export/@footnotes</c> gives (docs/akn-export.md, "Round trip"). The UN's own files never
/// carry the mark and are read by the AKN4UN rules (input-formats §7).
/// </summary>
internal static partial class AknExportReader
{
    private static readonly XNamespace Akn = AknWriter.Namespace;
    private static readonly XNamespace Ra = AknWriter.ExportNamespace;
    private static readonly XNamespace Akn4Un = AknWriter.Akn4UnNamespace;

    private const string IsoPrefix = "/akn/ontology/organization/iso3166-1/";

    /// <summary>The writer's mark in the document's first <c>meta</c>, or null for any other AKN file.</summary>
    public static XElement? Mark(XElement root) =>
        root.Elements().FirstOrDefault(e => e.Name.Namespace == Akn && e.Name.LocalName != "components")
            ?.Element(Akn + "meta")
            ?.Elements(Akn + "proprietary")
            .Elements(Ra + "export")
            .FirstOrDefault();

    /// <summary>Reads the document under <paramref name="root"/>, which carries <paramref name="mark"/>.</summary>
    public static ParseResult Read(XElement root, XElement mark, string file, List<ParseDiagnostic> diagnostics) =>
        new Reading(file, diagnostics).Run(root, mark);

    [GeneratedRegex(@"^第(?<n>[0-9]+)次(?<kind>全体会议|会议)(?<resumed>\(续会\))?$")]
    private static partial Regex MeetingText();

    [GeneratedRegex(@"^(?<s>.*)，第(?<p>-?[0-9]+)段$", RegexOptions.Singleline)]
    private static partial Regex OriginText();

    /// <summary>A draft's number as the text prints it (input-formats §2.6): <c>43/...</c>, <c>S-3/...</c>.</summary>
    [GeneratedRegex(@"^(?:S-)?[0-9]{1,3}/\.\.\.$")]
    private static partial Regex DraftNumber();

    private sealed partial class Reading(string file, List<ParseDiagnostic> diagnostics)
    {
        private readonly List<Footnote> _footnotes = [];

        public ParseResult Run(XElement root, XElement mark)
        {
            var format = (string?)mark.Attribute("format");
            if (format != AknWriter.ExportFormat)
            {
                Error(mark, $"expected ra:export format=\"{AknWriter.ExportFormat}\" (the markup this reader knows), found '{format}'");
                return Fail();
            }

            var top = root.Elements().First(e => e.Name.Namespace == Akn && e.Name.LocalName != "components");
            var meta = top.Element(Akn + "meta")!;
            var work = meta.Element(Akn + "identification")?.Element(Akn + "FRBRWork");
            var references = meta.Elements(Akn + "references").Elements().ToList();

            Body? body = Value(work?.Element(Akn + "FRBRauthor"), "href") switch
            {
                "#ga" => Body.GA,
                "#hrc" => Body.HRC,
                _ => null,
            };
            if (body is null)
            {
                Error(work ?? meta, $"expected FRBRWork/FRBRauthor href=\"#ga\" or \"#hrc\", found '{Value(work?.Element(Akn + "FRBRauthor"), "href")}'");
            }

            var number = Value(work?.Element(Akn + "FRBRnumber"), "value");
            if (number is null)
            {
                Error(work ?? meta, "expected FRBRWork/FRBRnumber/@value, found none");
            }
            else if (!AknResolutionReader.ResolutionNumber().IsMatch(number) && !DraftNumber().IsMatch(number))
            {
                // the number becomes the record's key and URL: a marked file is checked like any other (input-formats §7.2)
                Error(work!, $"expected FRBRWork/FRBRnumber/@value as SESSION/NUMBER (such as 76/159, or 43/... for a draft), found '{number}'");
            }

            var status = Value(work?.Element(Akn + "FRBRsubtype"), "value") == "draftResolution" ? ResolutionStatus.Draft : ResolutionStatus.Adopted;
            var symbol = Value(work?.Elements(Akn + "FRBRalias").FirstOrDefault(a => Value(a, "name") == "symbol"), "value");
            if (symbol is not null && number is not null && body is { } symbolBody
                && symbol != ResolutionTextParser.SymbolOf(symbolBody, number)
                && !(symbol.StartsWith(ResolutionTextParser.SymbolOf(symbolBody, number) + " ", StringComparison.Ordinal) && AknResolutionReader.PartSuffix().IsMatch(symbol[(ResolutionTextParser.SymbolOf(symbolBody, number).Length + 1)..])))
            {
                Error(work!, $"expected the symbol alias {ResolutionTextParser.SymbolOf(symbolBody, number)} (with a part suffix such as ' A-B' at most), found '{symbol}'");
            }
            var adoptionDate = DateOnly.TryParseExact(
                Value(work?.Elements(Akn + "FRBRdate").FirstOrDefault(d => Value(d, "name") == "adoption"), "date"),
                "yyyy-MM-dd",
                CultureInfo.InvariantCulture,
                DateTimeStyles.None,
                out var date) ? date : (DateOnly?)null;

            var cover = top.Element(Akn + "coverPage");
            var coverPs = cover?.Elements(Akn + "p").ToList() ?? [];
            int? session = int.TryParse(Value(coverPs.Elements(Akn + "session").FirstOrDefault(), "value"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var s) ? s : null;
            var agendaItem = Inline(coverPs, "agenda item") is { } item ? (item.StartsWith("议程项目", StringComparison.Ordinal) ? item["议程项目".Length..] : item) : null;
            var agendaTitle = Inline(coverPs, "agenda item name");
            var title = top.Element(Akn + "preface")?.Elements(Akn + "p").Elements(Akn + "docTitle").FirstOrDefault()?.Value ?? "";
            var report = CommitteeReport(coverPs.Where(p => Value(p, "eId") != "sponsors").Elements(Akn + "docProponent").FirstOrDefault());
            var meeting = Meeting(root.Descendants(Akn + "conclusions").Elements(Akn + "p").Elements(Akn + "inline").FirstOrDefault(i => Value(i, "name") == "adoptionMeeting"));

            // sponsors: one step per sponsor, resolved through its TLC; notes on the sponsor line
            var sponsors = new List<Sponsor>();
            string? draftSymbol = null;
            foreach (var step in meta.Elements(Akn + "workflow").Elements(Akn + "step"))
            {
                var outcome = Value(step, "outcome");
                if (outcome is not ("draftResolution" or "draftResolutionAdditionalSponsors"))
                {
                    continue;
                }

                if (outcome == "draftResolution" && Value(step, "as") is { } draft && !draft.StartsWith('#'))
                {
                    // the draft's symbol (docs/akn-export.md, "Sponsors"), in a step of its own
                    draftSymbol = draft;
                    continue;
                }

                var id = (Value(step, "by") ?? "").TrimStart('#');
                var tlc = references.FirstOrDefault(t => Value(t, "eId") == id);
                if (tlc is null)
                {
                    Error(step, $"expected a TLC with eId=\"{id}\" in meta/references for the sponsor step, found none");
                    continue;
                }

                var href = Value(tlc, "href") ?? "";
                var country = href.StartsWith(IsoPrefix, StringComparison.Ordinal) ? href[IsoPrefix.Length..] : null;
                var showAs = Value(tlc, "showAs") ?? "";
                var name = showAs == (country ?? "") ? null : showAs;
                bool? member = Value(step, "as") switch
                {
                    "#councilMember" => true,
                    "#nonCouncilMember" => false,
                    _ => null,
                };
                sponsors.Add(new Sponsor(country, member, name, outcome == "draftResolutionAdditionalSponsors"));
            }

            foreach (var note in coverPs.Where(p => Value(p, "eId") == "sponsors").Elements(Akn + "authorialNote"))
            {
                AddNote(note, "sponsors");
            }

            var vote = Vote(meta.Element(Akn + "analysis")?.Element(Akn + "parliamentary")?.Element(Akn + "voting"));

            // body, parts
            var preamble = new List<Clause>();
            var operative = new List<Clause>();
            var parts = new List<ResolutionPart>();
            if (top.Name.LocalName == "documentCollection")
            {
                foreach (var component in root.Elements(Akn + "components").Elements(Akn + "component"))
                {
                    var statement = component.Element(Akn + "statement");
                    if (statement is null)
                    {
                        Error(component, "expected a statement inside components/component, found none");
                        continue;
                    }

                    var partPreface = statement.Element(Akn + "preface")?.Element(Akn + "p");
                    var label = partPreface?.Element(Akn + "docNumber")?.Value ?? "";
                    parts.Add(new ResolutionPart(label, partPreface?.Element(Akn + "docTitle")?.Value ?? ""));
                    ReadBody(statement, label, preamble, operative);
                }
            }
            else
            {
                ReadBody(top, null, preamble, operative);
            }

            var annexes = top.Elements(Akn + "attachments").Elements(Akn + "attachment").Select(ReadAnnex).ToList();

            foreach (var note in meta.Elements(Akn + "notes").Elements(Akn + "note"))
            {
                AddNote(note, Value(note, "placementBase") ?? "");
            }

            if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                return Fail();
            }

            // the model's footnote order, as the writer recorded it
            var order = ((string?)mark.Attribute("footnotes") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var footnotes = _footnotes
                .Select((f, i) => (Footnote: f, Index: Array.IndexOf(order, f.Id) is var k && k >= 0 ? k : order.Length + i))
                .OrderBy(x => x.Index)
                .Select(x => x.Footnote)
                .ToList();

            var resolution = new ParsedResolution
            {
                Body = body!.Value,
                Session = session,
                PublishedPart = top.Element(Akn + "preface")?.Elements(Akn + "p").Elements(Akn + "docNumber").FirstOrDefault(d => Value(d, "refersTo") == "#letter") is { } letter
                    ? new ResolutionPart(letter.Value, letter.Parent!.Element(Akn + "docTitle")?.Value ?? "")
                    : null,
                AgendaItem = agendaItem,
                AgendaTitle = agendaTitle,
                Number = number!,
                Symbol = symbol,
                Status = status,
                Title = title,
                AdoptionDate = adoptionDate,
                Meeting = meeting,
                CommitteeReport = report,
                DraftSymbol = draftSymbol,
                Preamble = preamble,
                Operative = operative,
                Footnotes = footnotes,
                Vote = vote,
                Sponsors = sponsors,
                Parts = parts,
                Annexes = annexes,
            };
            return new ParseResult(resolution, diagnostics.OrderBy(d => d.Line).ToList());
        }

        private ParseResult Fail() => new(null, diagnostics.OrderBy(d => d.Line).ToList());

        private void Error(XObject at, string message) => diagnostics.Add(new ParseDiagnostic(file, AknText.LineOf(at), message));

        private static string? Value(XElement? element, string attribute) => (string?)element?.Attribute(attribute);

        private static string? Inline(IEnumerable<XElement> ps, string name) =>
            ps.Elements(Akn + "inline").FirstOrDefault(i => Value(i, "name") == name)?.Value;

        private Meeting? Meeting(XElement? inline)
        {
            if (inline is null)
            {
                return null;
            }

            var match = MeetingText().Match(inline.Value);
            if (!match.Success)
            {
                Error(inline, $"expected the meeting as 第N次会议 or 第N次全体会议, optionally followed by (续会), found '{inline.Value}'");
                return null;
            }

            return new Meeting(
                int.Parse(match.Groups["n"].Value, NumberStyles.None, CultureInfo.InvariantCulture),
                match.Groups["kind"].Value == "全体会议",
                match.Groups["resumed"].Success);
        }

        private CommitteeReport? CommitteeReport(XElement? proponent)
        {
            if (proponent is null)
            {
                return null;
            }

            var committee = proponent.Element(Akn + "docCommittee")?.Value;
            var origin = proponent.Elements(Akn + "inline").FirstOrDefault(i => Value(i, "name") == "originating document");
            if (origin is null)
            {
                Error(proponent, "expected inline name=\"originating document\" in the committee report's docProponent, found none");
                return null;
            }

            var match = OriginText().Match(origin.Value);
            return match.Success
                ? new CommitteeReport(committee, match.Groups["s"].Value, int.Parse(match.Groups["p"].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture))
                : new CommitteeReport(committee, origin.Value, null);
        }

        private Vote Vote(XElement? voting)
        {
            switch (Value(voting, "outcome"))
            {
                case null:
                    return Syntax.Vote.NotStated;
                case "adoptedWithoutVote":
                    return Syntax.Vote.WithoutVote;
                case "adoptedSilenceProcedure":
                    return Syntax.Vote.WithoutVote with { Mode = VoteMode.SilenceProcedure };
                case "adoptedRecordedVote":
                    {
                        var counts = voting!.Elements(Akn + "count").ToList();
                        var unresolved = new List<UnresolvedVoter>();
                        (int? Count, List<string> Codes) Get(string choice, VoteList list)
                        {
                            var count = counts.FirstOrDefault(c => Value(c, "refersTo") == "#" + choice);
                            int? value = int.TryParse(Value(count, "value"), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var v) ? v : null;
                            var organizations = count?.Elements(Akn4Un + "voters").Elements(Akn + "organization").ToList() ?? [];
                            unresolved.AddRange(organizations.Where(o => Value(o, "refersTo") == "#unresolvedName").Select(o => new UnresolvedVoter(list, o.Value)));
                            return (value, organizations.Where(o => Value(o, "refersTo") != "#unresolvedName").Select(o => o.Value).ToList());
                        }

                        var yes = Get("inFavour", VoteList.InFavour);
                        var no = Get("against", VoteList.Against);
                        var abstain = Get("abstaining", VoteList.Abstaining);
                        return new Vote(VoteMode.Recorded, yes.Count, no.Count, abstain.Count, yes.Codes, no.Codes, abstain.Codes)
                        {
                            Unresolved = unresolved,
                            NonVoting = Get("nonVoting", VoteList.InFavour).Codes,
                        };
                    }

                default:
                    Error(voting!, $"expected voting outcome adoptedRecordedVote or adoptedWithoutVote, found '{Value(voting, "outcome")}'");
                    return Syntax.Vote.NotStated;
            }
        }

        // ---------------------------------------------------------------- body
    }
}
