using System.Xml.Linq;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Parsing.Akn;

// The document and its parts: the root akomaNtoso, one statement or a documentCollection of parts, and their FRBR
// names (docs/akn-export.md, "Document structure").
public static partial class AknWriter
{
    private static XElement BuildRoot(ParsedResolution r)
    {
        var labels = PartLabels(r);
        var root = new XElement(
            Akn + "akomaNtoso",
            new XAttribute("xmlns", Namespace),
            new XAttribute(XNamespace.Xmlns + "akn4un", Akn4UnNamespace),
            new XAttribute(XNamespace.Xmlns + "ra", ExportNamespace));
        var notes = new NotePlacer(r.Footnotes);
        if (labels.Count == 0)
        {
            root.Add(BuildSingle(r, notes));
            return root;
        }

        if (r.Preamble.Concat(r.Operative).Any(c => c.Part is null))
        {
            throw new ArgumentException("a resolution in parts must give every preamble and operative clause a part (Clause.Part)", nameof(r));
        }

        // Components first: their notes are placed before the collection's leftovers are known.
        var components = new XElement(Akn + "components");
        var body = new XElement(Akn + "collectionBody");
        for (var i = 0; i < labels.Count; i++)
        {
            var label = labels[i];
            var title = r.Parts.FirstOrDefault(p => p.Label == label)?.Title ?? string.Empty;
            var statement = BuildPart(r, label, title, notes);
            components.Add(new XElement(Akn + "component", new XAttribute("eId", "comp_" + Token(label)), statement));
            body.Add(new XElement(
                Akn + "component",
                new XAttribute("eId", "comp_def_" + Token(label)),
                new XElement(
                    Akn + "documentRef",
                    new XAttribute("eId", "compRef_" + Token(label)),
                    new XAttribute("href", "#comp_" + Token(label)),
                    new XAttribute("showAs", label))));
        }

        var collection = new XElement(Akn + "documentCollection", new XAttribute("name", "publication"));
        var coverPage = BuildCoverPage(r, notes);
        var preface = BuildPreface(r);
        var attachments = BuildAttachments(r, notes);
        var content = new List<XElement> { coverPage, preface, body };
        if (attachments is not null)
        {
            content.Add(attachments);
        }

        collection.Add(BuildMeta(r, WorkComponent(r), content, notes.Leftovers(), withWorkflow: true));
        collection.Add(content);
        root.Add(collection, components);
        return root;
    }

    private static XElement BuildSingle(ParsedResolution r, NotePlacer notes)
    {
        var coverPage = BuildCoverPage(r, notes);
        var preface = BuildPreface(r);
        var preamble = BuildPreamble(r, r.Preamble, notes);
        var mainBody = BuildMainBody(r.Operative, notes);
        var content = new List<XElement> { coverPage, preface, preamble, mainBody };
        if (BuildConclusions(r) is { } conclusions)
        {
            content.Add(conclusions);
        }

        if (BuildAttachments(r, notes) is { } attachments)
        {
            content.Add(attachments);
        }

        var statement = new XElement(Akn + "statement", new XAttribute("name", "resolution"));
        statement.Add(BuildMeta(r, WorkComponent(r), content, notes.Leftovers(), withWorkflow: true));
        statement.Add(content);
        return statement;
    }

    private static XElement BuildPart(ParsedResolution r, string label, string title, NotePlacer notes)
    {
        var preface = new XElement(
            Akn + "preface",
            new XElement(
                Akn + "p",
                new XElement(Akn + "docNumber", label),
                new XElement(Akn + "docTitle", new XAttribute("refersTo", "#resolutionTitle"), title)));
        var preamble = BuildPreamble(r, r.Preamble.Where(c => c.Part == label).ToList(), notes);
        var mainBody = BuildMainBody(r.Operative.Where(c => c.Part == label).ToList(), notes);
        var content = new List<XElement> { preface, preamble, mainBody };
        if (BuildConclusions(r) is { } conclusions)
        {
            content.Add(conclusions);
        }

        var statement = new XElement(Akn + "statement", new XAttribute("name", "resolution"));
        statement.Add(BuildMeta(r, WorkComponent(r) + Token(label), content, [], withWorkflow: false));
        statement.Add(content);
        return statement;
    }

    /// <summary>Part labels in order: <see cref="ParsedResolution.Parts"/>, then labels only clauses name.</summary>
    private static List<string> PartLabels(ParsedResolution r)
    {
        var labels = r.Parts.Select(p => p.Label).Distinct(StringComparer.Ordinal).ToList();
        foreach (var part in r.Preamble.Concat(r.Operative).Select(c => c.Part).OfType<string>())
        {
            if (!labels.Contains(part, StringComparer.Ordinal))
            {
                labels.Add(part);
            }
        }

        return labels;
    }
}
