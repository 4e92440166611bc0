using System.Text;
using System.Xml.Linq;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Parsing.Akn;

internal static partial class AknExportReader
{
    // The text of the archive's own export: body, annexes, paragraphs, points, emphasis and notes, read as the exact
    // inverse of AknWriter (docs/akn-export.md, "Reading a marked document").
    private sealed partial class Reading
    {
        private void ReadBody(XElement statement, string? part, List<Clause> preamble, List<Clause> operative)
        {
            foreach (var container in statement.Elements(Akn + "preamble").Elements(Akn + "container"))
            {
                var id = Value(container, "eId") ?? "";
                var ps = container.Elements(Akn + "p").ToList();
                string? number = null;
                if (ps.Count > 1)
                {
                    number = ps[0].Elements(Akn + "span").FirstOrDefault(x => Value(x, "class") == "num")?.Value;
                    ps = ps.Skip(1).ToList();
                }

                var text = ReadText(ps.FirstOrDefault(), id);
                var points = container.Elements(Akn + "blockContainer").Select(ReadBlockPoint).ToList();
                preamble.Add(new Clause(id, ClauseKind.Preamble, number, text.Text, text.Markers, text.Emphasis, points, AknText.LineOf(container), part));
            }

            foreach (var paragraph in statement.Elements(Akn + "mainBody").Elements(Akn + "paragraph"))
            {
                var num = paragraph.Element(Akn + "num")?.Value;
                if (num is not null && num.EndsWith('.'))
                {
                    num = num[..^1];
                }

                operative.Add(ReadParagraph(paragraph, ClauseKind.Operative, num, part));
            }
        }

        private Annex ReadAnnex(XElement attachment)
        {
            var doc = attachment.Element(Akn + "doc");
            var preface = doc?.Element(Akn + "preface")?.Element(Akn + "p");
            var blocks = doc?.Elements(Akn + "mainBody").Elements(Akn + "paragraph")
                .Select(p => ReadParagraph(p, ClauseKind.Annex, p.Element(Akn + "num")?.Value, null))
                .ToList() ?? [];
            return new Annex(Value(attachment, "eId") ?? "", preface?.Element(Akn + "docNumber")?.Value, preface?.Element(Akn + "docTitle")?.Value, blocks);
        }

        /// <summary>A paragraph: <c>content/p</c>, or <c>list</c> with <c>intro/p</c> and points.</summary>
        private Clause ReadParagraph(XElement paragraph, ClauseKind kind, string? number, string? part)
        {
            var id = Value(paragraph, "eId") ?? "";
            var (p, points) = Hierarchy(paragraph);
            var text = ReadText(p, id);
            return new Clause(id, kind, number, text.Text, text.Markers, text.Emphasis, points, AknText.LineOf(paragraph), part);
        }

        private (XElement? P, List<Point> Points) Hierarchy(XElement element)
        {
            if (element.Element(Akn + "list") is { } list)
            {
                var points = list.Elements(Akn + "point").Select(ReadPoint).ToList();
                return (list.Element(Akn + "intro")?.Element(Akn + "p"), points);
            }

            return (element.Element(Akn + "content")?.Element(Akn + "p"), []);
        }

        private Point ReadPoint(XElement point)
        {
            var id = Value(point, "eId") ?? "";
            var (p, points) = Hierarchy(point);
            var text = ReadText(p, id);
            return new Point(id, point.Element(Akn + "num")?.Value ?? "", text.Text, text.Markers, points);
        }

        /// <summary>A point under a preamble container: <c>blockContainer</c> with <c>p</c> (label span first) and sub-points.</summary>
        private Point ReadBlockPoint(XElement block)
        {
            var id = Value(block, "eId") ?? "";
            var p = block.Element(Akn + "p");
            var label = p?.Elements(Akn + "span").FirstOrDefault(x => Value(x, "class") == "num")?.Value ?? "";
            var text = ReadText(p, id, skipLabel: true);
            return new Point(id, label, text.Text, text.Markers, block.Elements(Akn + "blockContainer").Select(ReadBlockPoint).ToList());
        }

        /// <summary>
        /// The text of a <c>p</c> exactly as written: text nodes, <c>span class="bold"</c> as emphasis, notes out as
        /// footnotes attached to <paramref name="ownerId"/>, every <c>authorialNote</c>/<c>noteRef</c> a cited marker.
        /// </summary>
        private (string Text, IReadOnlyList<Emphasis> Emphasis, IReadOnlyList<string> Markers) ReadText(XElement? p, string ownerId, bool skipLabel = false)
        {
            var text = new StringBuilder();
            var emphasis = new List<Emphasis>();
            var markers = new List<string>();
            if (p is null)
            {
                return ("", emphasis, markers);
            }

            var labelSkipped = !skipLabel;
            foreach (var node in p.Nodes())
            {
                switch (node)
                {
                    case XText t:
                        text.Append(t.Value);
                        break;
                    case XElement { Name.LocalName: "span" } span when !labelSkipped && Value(span, "class") == "num":
                        labelSkipped = true;
                        break;
                    case XElement { Name.LocalName: "span" } span when Value(span, "class") == "bold":
                        emphasis.Add(new Emphasis(text.Length, span.Value.Length, span.Value));
                        text.Append(span.Value);
                        break;
                    case XElement { Name.LocalName: "authorialNote" } note:
                        markers.Add(Value(note, "marker") ?? "");
                        AddNote(note, ownerId);
                        break;
                    case XElement { Name.LocalName: "noteRef" } reference:
                        markers.Add(Value(reference, "marker") ?? "");
                        break;
                    case XElement other:
                        text.Append(other.Value);
                        break;
                }
            }

            return (text.ToString(), emphasis, markers);
        }

        private void AddNote(XElement note, string attachedTo)
        {
            var text = string.Concat(note.Elements(Akn + "p").Select(p => p.Value));
            _footnotes.Add(new Footnote(Value(note, "eId") ?? "", Value(note, "marker") ?? "", text, attachedTo, AknText.LineOf(note)));
        }
    }
}
