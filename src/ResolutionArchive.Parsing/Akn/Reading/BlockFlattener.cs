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
    
        public static void Flatten(XElement element, Region region, int depth, List<Block> blocks)
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
