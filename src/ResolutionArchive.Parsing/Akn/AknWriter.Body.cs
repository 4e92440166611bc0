using System.Xml.Linq;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Parsing.Akn;

// The text: the preamble, the main body, their hierarchies, paragraphs and points, and the annexes
// (docs/akn-export.md, "Document structure", "Edge cases").
public static partial class AknWriter
{
    private static XElement BuildPreamble(ParsedResolution r, IReadOnlyList<Clause> clauses, NotePlacer notes)
    {
        var preamble = new XElement(
            Akn + "preamble",
            new XElement(
                Akn + "formula",
                new XAttribute("name", "enactingFormula"),
                new XAttribute("eId", "formula_1"),
                new XElement(Akn + "p", BodyName(r.Body) + "，")));
        foreach (var clause in clauses)
        {
            var name = clause.Emphasis.FirstOrDefault(e => e.Start == 0 && e.Length > 0)?.Text ?? "preambularParagraph";
            var container = new XElement(Akn + "container", new XAttribute("name", Token(name).Length == 0 ? "preambularParagraph" : name), new XAttribute("eId", clause.Id));
            if (clause.Number is not null)
            {
                // A container has no num: a numbered preamble clause keeps its number as a leading span.
                container.Add(new XElement(Akn + "p", new XElement(Akn + "span", new XAttribute("class", "num"), clause.Number)));
            }

            container.Add(Paragraph(clause.Text, clause.Emphasis, clause.Id, clause.Footnotes, notes));
            foreach (var point in clause.Points)
            {
                container.Add(new XElement(Akn + "blockContainer", new XAttribute("eId", point.Id), PointBlocks(point, notes)));
            }

            preamble.Add(container);
        }

        return preamble;
    }

    /// <summary>Points under a preamble container (not expected, kept losslessly): label span, text, sub-points.</summary>
    private static IEnumerable<XElement> PointBlocks(Point point, NotePlacer notes)
    {
        var p = Paragraph(point.Text, [], point.Id, point.Footnotes, notes);
        if (p.FirstNode is XText { Value.Length: 0 } empty)
        {
            empty.Remove(); // Paragraph's marker of mixed content: the label comes first now
        }

        p.AddFirst(new XElement(Akn + "span", new XAttribute("class", "num"), point.Label));
        KeepUnindented(p);
        yield return p;
        foreach (var sub in point.Points)
        {
            yield return new XElement(Akn + "blockContainer", new XAttribute("eId", sub.Id), PointBlocks(sub, notes));
        }
    }

    private static XElement BuildMainBody(IReadOnlyList<Clause> clauses, NotePlacer notes)
    {
        var mainBody = new XElement(Akn + "mainBody");
        foreach (var clause in clauses)
        {
            mainBody.Add(Hierarchy("paragraph", clause.Id, clause.Number is null ? null : clause.Number + ".", clause.Text, clause.Emphasis, clause.Footnotes, clause.Points, notes));
        }

        if (!mainBody.HasElements)
        {
            // The schema requires mainBody to hold something; an empty p stands for "no operative paragraphs".
            mainBody.Add(new XElement(Akn + "p"));
        }

        return mainBody;
    }

    /// <summary>
    /// A paragraph or point: <c>num</c>, then <c>content/p</c>, or when it has points <c>list</c> (with the text as
    /// <c>intro/p</c>) holding one <c>point</c> per sub-paragraph, as the UN's files do.
    /// </summary>
    private static XElement Hierarchy(string element, string id, string? num, string text, IReadOnlyList<Emphasis> emphasis, IReadOnlyList<string> footnotes, IReadOnlyList<Point> points, NotePlacer notes)
    {
        var result = new XElement(Akn + element, new XAttribute("eId", id));
        if (num is not null)
        {
            result.Add(new XElement(Akn + "num", num));
        }

        var p = Paragraph(text, emphasis, id, footnotes, notes);
        if (points.Count == 0)
        {
            result.Add(new XElement(Akn + "content", p));
            return result;
        }

        var list = new XElement(Akn + "list", new XAttribute("eId", id + "-list"), new XElement(Akn + "intro", p));
        foreach (var point in points)
        {
            list.Add(Hierarchy("point", point.Id, point.Label, point.Text, [], point.Footnotes, point.Points, notes));
        }

        result.Add(list);
        return result;
    }

    /// <summary>
    /// <c>p</c> with the text, emphasised runs as <c>span class="bold"</c>, and the clause's footnotes at the end
    /// (<c>authorialNote</c> where the note is attached, <c>noteRef</c> for a further citation).
    /// </summary>
    private static XElement Paragraph(string text, IReadOnlyList<Emphasis> emphasis, string ownerId, IReadOnlyList<string> footnotes, NotePlacer notes)
    {
        var p = new XElement(Akn + "p");
        var position = 0;
        foreach (var e in emphasis.OrderBy(e => e.Start).ThenBy(e => e.Length))
        {
            var start = Math.Clamp(e.Start, 0, text.Length);
            var end = Math.Clamp(e.Start + e.Length, start, text.Length);
            if (start < position || end == start)
            {
                continue; // overlapping or empty runs cannot be nested in AKN spans; see docs/akn-export.md
            }

            if (start > position)
            {
                p.Add(text[position..start]);
            }

            p.Add(new XElement(Akn + "span", new XAttribute("class", "bold"), text[start..end]));
            position = end;
        }

        if (position < text.Length)
        {
            p.Add(text[position..]);
        }

        foreach (var marker in footnotes)
        {
            p.Add(notes.Cite(ownerId, marker));
        }

        KeepUnindented(p);
        return p;
    }

    private static XElement? BuildAttachments(ParsedResolution r, NotePlacer notes)
    {
        if (r.Annexes.Count == 0)
        {
            return null;
        }

        var attachments = new XElement(Akn + "attachments");
        foreach (var annex in r.Annexes)
        {
            var work = $"/akn/un/statement/deliberation/{BodyUri(r.Body)}/{WorkDate(r)}/{WorkComponent(r)}/";
            var dateName = r.AdoptionDate is null ? "unknown" : "adoption";
            var doc = new XElement(
                Akn + "doc",
                new XAttribute("name", "annex"),
                new XElement(
                    Akn + "meta",
                    new XElement(
                        Akn + "identification",
                        new XAttribute("source", "#archive"),
                        new XElement(
                            Akn + "FRBRWork",
                            new XElement(Akn + "FRBRthis", new XAttribute("value", work + "!" + annex.Id)),
                            new XElement(Akn + "FRBRuri", new XAttribute("value", work)),
                            new XElement(Akn + "FRBRdate", new XAttribute("date", WorkDate(r)), new XAttribute("name", dateName)),
                            new XElement(Akn + "FRBRauthor", new XAttribute("href", "#" + BodyCode(r.Body)), new XAttribute("as", "#author")),
                            new XElement(Akn + "FRBRcountry", new XAttribute("value", "un"))),
                        new XElement(
                            Akn + "FRBRExpression",
                            new XElement(Akn + "FRBRthis", new XAttribute("value", work + "zho@!" + annex.Id)),
                            new XElement(Akn + "FRBRuri", new XAttribute("value", work + "zho@/")),
                            new XElement(Akn + "FRBRdate", new XAttribute("date", WorkDate(r)), new XAttribute("name", dateName)),
                            new XElement(Akn + "FRBRauthor", new XAttribute("href", "#" + BodyCode(r.Body)), new XAttribute("as", "#author")),
                            new XElement(Akn + "FRBRlanguage", new XAttribute("language", "zho"))),
                        new XElement(
                            Akn + "FRBRManifestation",
                            new XElement(Akn + "FRBRthis", new XAttribute("value", work + "zho@/!" + annex.Id + ".xml")),
                            new XElement(Akn + "FRBRuri", new XAttribute("value", work + "zho@.xml")),
                            new XElement(Akn + "FRBRdate", new XAttribute("date", WorkDate(r)), new XAttribute("name", dateName)),
                            new XElement(Akn + "FRBRauthor", new XAttribute("href", "#archive"), new XAttribute("as", "#editor"))))));
            if (annex.Heading is not null || annex.Title is not null)
            {
                var p = new XElement(Akn + "p");
                if (annex.Heading is not null)
                {
                    p.Add(new XElement(Akn + "docNumber", annex.Heading));
                }

                if (annex.Heading is not null && annex.Title is not null)
                {
                    p.Add(new XElement(Akn + "eol"));
                }

                if (annex.Title is not null)
                {
                    p.Add(new XElement(Akn + "docTitle", annex.Title));
                }

                doc.Add(new XElement(Akn + "preface", p));
            }

            var mainBody = new XElement(Akn + "mainBody");
            foreach (var block in annex.Paragraphs)
            {
                mainBody.Add(Hierarchy("paragraph", block.Id, block.Number, block.Text, block.Emphasis, block.Footnotes, block.Points, notes));
            }

            if (!mainBody.HasElements)
            {
                mainBody.Add(new XElement(Akn + "p"));
            }

            doc.Add(mainBody);
            attachments.Add(new XElement(Akn + "attachment", new XAttribute("eId", annex.Id), doc));
        }

        return attachments;
    }
}
