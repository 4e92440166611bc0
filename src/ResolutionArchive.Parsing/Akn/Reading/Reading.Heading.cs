using System.Globalization;
using System.Xml.Linq;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Parsing.Akn;

public static partial class AknResolutionReader
{
    // The heading (§7.2): symbol, number, agenda item, adoption date, meeting, the script of the text (§7.1).
    private sealed partial class Reading
    {
        /// <summary>§7.2 the issuing body: FRBRWork/FRBRauthor (<c>#ga</c>, <c>#hrc</c>), else the cover page's docAuthority; null with an error.</summary>
        private Body? IssuingBody(XElement? work, XElement? cover, XElement meta)
        {
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

            return body;
        }

        /// <summary>
        /// §7.2 the number (preface/docNumber, else taken from the symbol) and the symbol (the cover page's, checked
        /// against the number; the number's own when they disagree). An unreadable number is an error and read as empty.
        /// </summary>
        private (string Number, string Symbol) NumberAndSymbol(XElement top, XElement? cover, XElement? preface, Body? body)
        {
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

            return (number, symbol);
        }

        /// <summary>
        /// §7.2 the title: every docTitle of the preface's first paragraph (75/290 prints its title in two), joined by a
        /// space; §7.10 a later paragraph with a letter (docNumber refersTo="#letter", or a docNumber of one letter) is the
        /// part this document publishes alone, with its own title and notes (75/242 B, 75/290 A). The notes of both go to
        /// <paramref name="titleNotes"/>.
        /// </summary>
        private (string Title, ResolutionPart? PublishedPart) TitleAndPublishedPart(XElement top, XElement? cover, XElement? preface, List<AknNote> titleNotes)
        {
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

            return (title, publishedPart);
        }

        /// <summary>§7.2 the adoption date (<see cref="AdoptionDate"/>), §7.10 else a component's; none is an error.</summary>
        private DateOnly? AdoptionDateOf(XElement top, XElement meta, XElement? work, List<XElement?> components)
        {
            var adoptionDate = AdoptionDate(top, meta, _numberSession);
            if (adoptionDate is null && components.OfType<XElement>().Select(c => AdoptionDate(c, c.Element(Akn + "meta"), _numberSession)).FirstOrDefault(d => d is not null) is { } fromPart)
            {
                adoptionDate = fromPart; // §7.10: a collection whose date sits only in its components
            }

            if (adoptionDate is null)
            {
                Error(work ?? meta, "expected the adoption date in FRBRWork/FRBRdate name=\"adoption\" (yyyy-MM-dd), found none");
            }

            return adoptionDate;
        }

        /// <summary>§7.2 the plenary meeting (<see cref="Meeting"/>); a collection prints it in its components' conclusions (75/254, 76/247).</summary>
        private Meeting? MeetingOf(XElement root, XElement top, List<XElement> steps, List<XElement?> components)
        {
            var meeting = Meeting(steps.FirstOrDefault(x => Attr(x, "outcome") == "adopted"), components.Count > 0 ? root : top, report: components.Count == 0)
                ?? components.OfType<XElement>().Select(c => c.Element(Akn + "meta")?.Element(Akn + "workflow")?.Elements(Akn + "step").FirstOrDefault(x => Attr(x, "outcome") == "adopted"))
                    .Where(step => step is not null).Select(step => Meeting(step, root, report: false)).FirstOrDefault(m => m is not null);
            if (meeting is null && components.Count > 0)
            {
                Warning(top, "expected the meeting in workflow/step outcome=\"adopted\" as=\"A/76/PV.53\" or in conclusions, found none");
            }

            return meeting;
        }

        private static DateOnly? Date(string? value) =>
            DateOnly.TryParseExact(value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) && date.Year > 1 ? date : null;

        /// <summary>"A/RES/75/101A-B" and "A/RES/75/101  A-B" → "A/RES/75/101 A-B" (§7.2).</summary>
        private static string NormalizeSymbol(string symbol)
        {
            var compact = string.Join(' ', symbol.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            var match = System.Text.RegularExpressions.Regex.Match(compact, @"^(A/RES/(?:[A-Z]+-)?[0-9]+/[0-9]+)\s*([A-Z](?:\s*-\s*[A-Z])*)$");
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
    }
}
