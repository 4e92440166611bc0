using System.Xml.Linq;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Parsing.Akn;

public static partial class AknResolutionReader
{
    // The body (§7.3–§7.6), annexes (§7.10) and footnotes (§7.11): blocks become clauses and points.
    private sealed partial class Reading
    {
        /// <summary>
        /// §7.3–§7.6 the body of a statement, or §7.10 of each part of a documentCollection: its letter (taken in order
        /// when missing), title, own vote and notes on its heading (footnotes attached to <c>{label}-title</c>).
        /// </summary>
        private List<ResolutionPart> ReadBodyAndParts(XElement top, List<XElement?> components, Body? body)
        {
            var parts = new List<ResolutionPart>();
            if (top.Name.LocalName != "documentCollection")
            {
                ReadBody(top, null);
                return parts;
            }

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

            return parts;
        }


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
                BlockFlattener.Flatten(bodies[i], bodies[i].Name.LocalName == "preamble" ? Region.Preamble : Region.Main, 0, blocks);
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
            ClauseBuilder? current = null;
            var built = new List<ClauseBuilder>();
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
                    var point = new PointBuilder(id, num);
                    var (text, _, markers) = AknText.Read(block.Content, id, notes);
                    point.Text = fromText ? StripLeading(text, num).Text : text;
                    point.Footnotes = markers;
                    parentList.Add(point);
                    continue;
                }

                ClauseBuilder clause;
                if (isDigit)
                {
                    var n = num!.TrimEnd('.');
                    if (block.Region == Region.Preamble && !operativeMode)
                    {
                        Warning(block.Source, $"operative paragraph {n} is marked up inside the preamble; read as an operative paragraph");
                    }

                    operativeMode = true;
                    clause = new ClauseBuilder(Unique($"{prefix}op{n}", ids), ClauseKind.Operative, n, AknText.LineOf(block.Source), part);
                }
                else if ((block.Region == Region.Preamble || block.SplitPreamble) && !operativeMode && !block.Heading)
                {
                    clause = new ClauseBuilder(Unique($"{prefix}pp{++preambleCount}", ids), ClauseKind.Preamble, null, AknText.LineOf(block.Source), part);
                }
                else
                {
                    clause = new ClauseBuilder(Unique($"{prefix}op-u{++unnumbered}", ids), ClauseKind.Operative, null, AknText.LineOf(block.Source), part);
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
                BlockFlattener.Flatten(child, Region.Main, 0, blocks);
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
        private static int LabelLevel(string label, ClauseBuilder clause)
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
    }
}
