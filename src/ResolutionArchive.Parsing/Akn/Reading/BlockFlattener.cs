using System.Xml.Linq;

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

    /// <summary>
    /// Flattens the nested AKN4UN body (§7.3–§7.6: <c>preamble</c>, <c>mainBody</c>, <c>paragraph</c>, <c>list</c>,
    /// <c>blockList</c>, <c>tblock</c>, <c>table</c>, <c>hcontainer</c>…) into the ordered <see cref="Block"/>s the body
    /// reader turns into clauses, each with its region, depth and number.
    /// </summary>
    private static class BlockFlattener
    {

        private static string? NumText(XElement? num)
        {
            var text = AknText.Plain(num).Trim();
            return text.Length == 0 ? null : text;
        }

        /// <summary>Appends the blocks of <paramref name="element"/>: one construct, one method.</summary>
        public static void Flatten(XElement element, Region region, int depth, List<Block> blocks)
        {
            switch (element.Name.LocalName)
            {
                case "formula" or "meta":
                    return;
                case "preamble" or "mainBody" or "content" or "preface" or "body":
                    Children(element.Elements(), region, depth, blocks);
                    return;
                case "container":
                    Container(element, region, depth, blocks);
                    return;
                case "paragraph":
                    Paragraph(element, region, depth, blocks);
                    return;
                case "list" or "blockList" or "sublist":
                    FlattenList(element, region, depth, null, blocks);
                    return;
                case "section" or "part" or "chapter" or "hcontainer" or "division" or "subsection" or "tblock":
                    Hierarchy(element, region, depth, blocks);
                    return;
                case "subheading" or "heading" or "crossHeading":
                    // a heading that AKN4UN marks as the preamble's own (refersTo="#preamble") is text, not a heading
                    blocks.Add(new Block(element, null, element.Nodes().ToList(), region, depth, Heading: element.Attribute("refersTo")?.Value != "#preamble"));
                    return;
                case "table":
                    Table(element, region, depth, blocks);
                    return;
                default:
                    if (element.DescendantNodes().OfType<XText>().Any(t => !string.IsNullOrWhiteSpace(t.Value)))
                    {
                        blocks.Add(new Block(element, null, element.Nodes().ToList(), region, depth));
                    }

                    return;
            }
        }

        private static void Children(IEnumerable<XElement> children, Region region, int depth, List<Block> blocks)
        {
            foreach (var child in children)
            {
                Flatten(child, region, depth, blocks);
            }
        }

        /// <summary>A container of blocks is walked; a container of text (the UN's preamble clauses) is one block.</summary>
        private static void Container(XElement element, Region region, int depth, List<Block> blocks)
        {
            if (element.Elements().Any(e => e.Name.LocalName is "blockList" or "list" or "table" or "paragraph" or "container" or "section"))
            {
                Children(element.Elements(), region, depth, blocks);
            }
            else
            {
                blocks.Add(new Block(element, NumText(element.Element(Akn + "num")), element.Nodes().ToList(), region, depth));
            }
        }

        /// <summary>
        /// A paragraph: its num goes with its first text (content or p) or list; a table in its content gets a block of its
        /// own for the num first; a paragraph with a num and nothing else is an empty numbered block.
        /// </summary>
        private static void Paragraph(XElement element, Region region, int depth, List<Block> blocks)
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
                    case "content" or "p":
                        blocks.Add(new Block(child, num, child.Nodes().ToList(), region, depth));
                        num = null;
                        emitted = true;
                        break;
                    case "list" or "blockList":
                        FlattenList(child, region, depth, num, blocks);
                        num = null;
                        emitted = true;
                        break;
                    case "subheading" or "heading" or "crossHeading":
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
        }

        /// <summary>A hierarchy (section, part, hcontainer, tblock…): its num and heading as one heading block, then its children.</summary>
        private static void Hierarchy(XElement element, Region region, int depth, List<Block> blocks)
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

            Children(element.Elements().Where(e => e.Name.LocalName is not ("num" or "heading")), region, depth, blocks);
        }

        /// <summary>A table: one block per row, with its cells.</summary>
        private static void Table(XElement element, Region region, int depth, List<Block> blocks)
        {
            foreach (var row in element.Descendants(Akn + "tr"))
            {
                blocks.Add(new Block(row, null, [], region, depth, Cells: row.Elements().Where(c => c.Name.LocalName is "td" or "th").ToList()));
            }
        }

        public static void FlattenList(XElement list, Region region, int depth, string? num, List<Block> blocks)
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
