using System.Collections.Concurrent;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using CsCheck;

namespace ResolutionArchive.Parsing.Tests.Fuzz;

/// <summary>
/// Mutations of the AKN documents (the UN sample and the exports): on the XML tree, element and attribute deletions,
/// duplications, moves, renames and swaps, text and attribute values replaced by hostile ones, children emptied or
/// wrapped, comments, CDATA and processing instructions, the root renamed or moved out of its namespace, deep nesting;
/// then on the serialised text, DTDs (billion laughs, quadratic blow-up, external and parameter entities), undefined and
/// numeric character references to illegal characters, wrong encoding declarations, truncation and the byte-level steps
/// of <see cref="TextMutator"/>. Tree steps run first, then text steps, then byte steps.
/// </summary>
internal static class AknMutator
{
    private static readonly string[] TreeNames =
    [
        "remove-element", "remove-attribute", "set-text", "set-attribute", "duplicate-element", "move-element",
        "rename-element", "swap-siblings", "empty-element", "insert-child", "change-root", "insert-special", "deep-nesting",
        "remove-namespace", "text-in-number",
    ];

    private static readonly string[] TextNames =
    [
        "insert-dtd", "insert-reference", "declaration", "truncate-text", "insert-junk-text", "duplicate-text",
    ];

    private static readonly string[] Names = [.. TreeNames, .. TextNames, .. TextMutator.ByteStepNames];

    private static readonly XNamespace Akn = ResolutionArchive.Parsing.Akn.AknResolutionReader.Namespace;

    private static readonly ConcurrentDictionary<string, XDocument> Parsed = new(StringComparer.Ordinal);

    /// <summary>Inputs: an AKN document and one to five steps.</summary>
    public static Gen<FuzzCase> Cases(IReadOnlyList<FuzzSeed> documents) =>
        Gen.Select(Gen.Int[0, documents.Count - 1], MutationStep.Generator(Names.Length).Array[1, 5], (document, steps) => Apply(documents[document], steps));

    /// <summary>The billion laughs: <paramref name="levels"/> entities, each ten of the one before.</summary>
    public static string BillionLaughs(string name, int levels)
    {
        var dtd = new StringBuilder($"<!DOCTYPE akomaNtoso [<!ENTITY {name}0 \"{name}\">");
        for (var i = 1; i < levels; i++)
        {
            dtd.Append(CultureInfoInvariant($"<!ENTITY {name}{i} \"{string.Concat(Enumerable.Repeat($"&{name}{i - 1};", 10))}\">"));
        }

        return dtd.Append("]>").ToString();
    }

    /// <summary>Applies <paramref name="steps"/> to <paramref name="document"/>.</summary>
    public static FuzzCase Apply(FuzzSeed document, MutationStep[] steps)
    {
        var ordered = steps
            .Where(s => TreeNames.Contains(Names[s.Kind]))
            .Concat(steps.Where(s => TextNames.Contains(Names[s.Kind])))
            .Concat(steps.Where(s => TextMutator.ByteStepNames.Contains(Names[s.Kind])))
            .ToArray();
        var recipe = string.Join(" ", ordered.Select(s => s.Describe(Names)));
        var origin = $"akn {document.Name}";

        var treeSteps = ordered.Where(s => TreeNames.Contains(Names[s.Kind])).ToList();
        string text;
        if (treeSteps.Count == 0)
        {
            text = document.Text;
        }
        else
        {
            var tree = new XDocument(Parsed.GetOrAdd(document.Name, _ => XDocument.Parse(document.Text, LoadOptions.PreserveWhitespace)));
            foreach (var step in treeSteps)
            {
                ApplyTree(tree, step);
            }

            text = Serialise(tree);
        }

        foreach (var step in ordered.Where(s => TextNames.Contains(Names[s.Kind])))
        {
            text = ApplyText(text, step);
        }

        var bytes = FuzzPayloads.Utf8(text);
        foreach (var step in ordered.Where(s => TextMutator.ByteStepNames.Contains(Names[s.Kind])))
        {
            bytes = TextMutator.ApplyBytes(bytes, Names[step.Kind], step);
        }

        return new FuzzCase(origin, recipe, bytes);
    }

    /// <summary>
    /// The document as text, its declaration kept as it was (a writer would put its own encoding in it). When a rename
    /// left a namespace declaration that contradicts an element's new name, the declarations are dropped and the writer
    /// declares what the names need.
    /// </summary>
    private static string Serialise(XDocument tree)
    {
        try
        {
            return Text(tree);
        }
        catch (Exception e) when (e is XmlException or ArgumentException)
        {
            foreach (var declaration in tree.Descendants().Attributes().Where(a => a.IsNamespaceDeclaration || a.Name.Namespace == XNamespace.Xml).ToList())
            {
                declaration.Remove();
            }

            return Text(tree);
        }

        static string Text(XDocument tree) =>
            (tree.Declaration?.ToString() ?? "") + string.Concat(tree.Nodes().Select(n => n.ToString(SaveOptions.DisableFormatting)));
    }

    private static void ApplyTree(XDocument tree, MutationStep s)
    {
        var root = tree.Root!;
        var elements = Pick(root, s.B).ToList();
        if (elements.Count == 0)
        {
            elements = [root];
        }

        var element = elements[s.A % elements.Count];
        var random = s.Random();
        switch (Names[s.Kind])
        {
            case "remove-element":
                if (element.Parent is not null)
                {
                    element.Remove();
                }

                break;
            case "remove-attribute":
                {
                    var attributes = element.Attributes().Where(a => !a.IsNamespaceDeclaration).ToList();
                    if (attributes.Count > 0)
                    {
                        attributes[s.C % attributes.Count].Remove();
                    }

                    break;
                }

            case "set-text":
                {
                    var value = FuzzPayloads.XmlLegal(FuzzPayloads.ElementTexts[s.C % FuzzPayloads.ElementTexts.Length]);
                    if (s.C / FuzzPayloads.ElementTexts.Length % 2 == 0)
                    {
                        element.Value = value; // replaces every child
                    }
                    else
                    {
                        element.AddFirst(new XText(value));
                    }

                    break;
                }

            case "set-attribute":
                {
                    var value = FuzzPayloads.XmlLegal(FuzzPayloads.AttributeValues[s.C % FuzzPayloads.AttributeValues.Length]);
                    var attributes = element.Attributes().Where(a => !a.IsNamespaceDeclaration && a.Name.Namespace != XNamespace.Xml).ToList();
                    if (attributes.Count > 0 && s.C % 3 != 0)
                    {
                        attributes[random.Next(attributes.Count)].Value = value;
                    }
                    else
                    {
                        element.SetAttributeValue(AknFuzzVocabulary.InterestingAttributes[random.Next(AknFuzzVocabulary.InterestingAttributes.Length)], value);
                    }

                    break;
                }

            case "duplicate-element":
                if (element.Parent is not null)
                {
                    for (var n = 1 + (s.C % 3); n > 0; n--)
                    {
                        element.AddAfterSelf(new XElement(element));
                    }
                }

                break;
            case "move-element":
                {
                    var targets = root.DescendantsAndSelf().Where(e => !e.AncestorsAndSelf().Contains(element)).ToList();
                    if (element.Parent is not null && targets.Count > 0)
                    {
                        element.Remove();
                        var target = targets[s.C % targets.Count];
                        if (s.C % 2 == 0)
                        {
                            target.AddFirst(element);
                        }
                        else
                        {
                            target.Add(element);
                        }
                    }

                    break;
                }

            case "rename-element":
                element.Name = (s.C % 5) switch
                {
                    0 => XName.Get(element.Name.LocalName, "urn:not-akn"),
                    1 => XName.Get(element.Name.LocalName, ""),
                    _ => element.Name.Namespace + AknFuzzVocabulary.InterestingNames[s.C % AknFuzzVocabulary.InterestingNames.Length],
                };
                break;
            case "swap-siblings":
                {
                    if (element.ElementsAfterSelf().FirstOrDefault() is { } next)
                    {
                        next.Remove();
                        element.AddBeforeSelf(next);
                    }

                    break;
                }

            case "empty-element":
                element.RemoveNodes();
                break;
            case "insert-child":
                {
                    var name = AknFuzzVocabulary.InterestingNames[s.C % AknFuzzVocabulary.InterestingNames.Length];
                    var child = new XElement(element.Name.Namespace + name, FuzzPayloads.XmlLegal(FuzzPayloads.ElementTexts[random.Next(FuzzPayloads.ElementTexts.Length)]));
                    if (random.Next(2) == 0)
                    {
                        child.SetAttributeValue(AknFuzzVocabulary.InterestingAttributes[random.Next(AknFuzzVocabulary.InterestingAttributes.Length)], FuzzPayloads.XmlLegal(FuzzPayloads.AttributeValues[random.Next(FuzzPayloads.AttributeValues.Length)]));
                    }

                    if (s.C % 2 == 0)
                    {
                        element.AddFirst(child);
                    }
                    else
                    {
                        element.Add(child);
                    }

                    break;
                }

            case "change-root":
                root.Name = (s.C % 4) switch
                {
                    0 => XName.Get("akomaNtoso", "urn:not-akn"),
                    1 => XName.Get("akomantoso", root.Name.NamespaceName),
                    2 => XName.Get("html", root.Name.NamespaceName),
                    _ => XName.Get("akomaNtoso", "http://docs.oasis-open.org/legaldocml/ns/akn/2.0"),
                };
                break;
            case "insert-special":
                element.AddFirst((s.C % 4) switch
                {
                    0 => new XComment(" 人权理事会， -- "[..(1 + (s.B % 5))]),
                    1 => new XCData("<p>1.\t人权理事会，</p>]]"),
                    2 => new XProcessingInstruction("pi", "data ?"),
                    _ => new XText("\u00A0\u3000\t\n"),
                });
                break;
            case "deep-nesting":
                {
                    // nested inline markup inside a text-bearing element: the readers walk it recursively
                    var depth = 50 * (1 + (s.C % 20));
                    var name = new[] { "b", "span", "inline", "i", "container", "p", "authorialNote" }[s.B % 7];
                    var innermost = new XElement(Akn + name, "人权");
                    var outer = innermost;
                    for (var i = 1; i < depth; i++)
                    {
                        outer = new XElement(Akn + name, outer);
                    }

                    element.Add(outer);
                    break;
                }

            case "remove-namespace":
                foreach (var e in root.DescendantsAndSelf().Skip(s.C % 3 == 0 ? 0 : 1))
                {
                    e.Name = e.Name.LocalName;
                }

                foreach (var a in root.Attributes().Where(a => a.IsNamespaceDeclaration && a.Name.LocalName == "xmlns").ToList())
                {
                    a.Remove();
                }

                break;
            case "text-in-number":
                {
                    var numbers = root.Descendants().Where(e => e.Name.LocalName is "num" or "docNumber" or "FRBRnumber" or "count" or "docDate" or "session").ToList();
                    if (numbers.Count > 0)
                    {
                        var target = numbers[s.A % numbers.Count];
                        var value = FuzzPayloads.XmlLegal(FuzzPayloads.Numbers[s.C % FuzzPayloads.Numbers.Length]);
                        if (target.Attribute("value") is { } attribute && s.C % 2 == 0)
                        {
                            attribute.Value = value;
                        }
                        else if (target.Attribute("date") is { } date && s.C % 3 == 0)
                        {
                            date.Value = value;
                        }
                        else
                        {
                            target.Value = value + (target.Name.LocalName == "num" ? ".\t" : "");
                        }
                    }

                    break;
                }

            default:
                throw new InvalidOperationException($"no tree mutation {Names[s.Kind]}");
        }
    }

    /// <summary>The elements a step may pick: (B even) those the readers look for, else any.</summary>
    private static IEnumerable<XElement> Pick(XElement root, int b) =>
        b % 2 == 0 ? root.DescendantsAndSelf().Where(e => AknFuzzVocabulary.InterestingNames.Contains(e.Name.LocalName)) : root.DescendantsAndSelf();

    private static string ApplyText(string text, MutationStep s)
    {
        switch (Names[s.Kind])
        {
            case "insert-dtd":
                {
                    var dtd = AknFuzzVocabulary.Dtds[s.C % AknFuzzVocabulary.Dtds.Length];
                    var rootAt = RootStart(text);
                    text = text.Insert(rootAt, dtd);
                    // and a reference to an entity it declares, inside the first text-bearing element
                    var reference = dtd.Contains("lol9", StringComparison.Ordinal) ? "&lol9;" : dtd.Contains("xxe", StringComparison.Ordinal) ? "&xxe;" : "&a;";
                    var p = text.IndexOf("<p>", rootAt + dtd.Length, StringComparison.Ordinal);
                    return p < 0 ? text : text.Insert(p + 3, reference);
                }

            case "insert-reference":
                {
                    var reference = AknFuzzVocabulary.References[s.C % AknFuzzVocabulary.References.Length];
                    var at = text.IndexOf('>', s.A % Math.Max(1, text.Length));
                    return at < 0 ? text + reference : text.Insert(at + 1, reference);
                }

            case "declaration":
                {
                    var declaration = AknFuzzVocabulary.Declarations[s.C % AknFuzzVocabulary.Declarations.Length];
                    var rootAt = RootStart(text);
                    var body = text.StartsWith("<?xml", StringComparison.Ordinal) ? text[(text.IndexOf("?>", StringComparison.Ordinal) + 2)..] : text;
                    return s.B % 4 == 0 ? text.Insert(rootAt, declaration) : declaration + body;
                }

            case "truncate-text":
                return text[..(s.A % (text.Length + 1))];
            case "insert-junk-text":
                {
                    var junk = s.C % 2 == 0
                        ? FuzzPayloads.Unicode[s.C / 2 % FuzzPayloads.Unicode.Length]
                        : FuzzPayloads.Junk[s.C / 2 % FuzzPayloads.Junk.Length];
                    return text.Insert(s.A % (text.Length + 1), junk);
                }

            case "duplicate-text":
                {
                    var start = s.A % (text.Length + 1);
                    var length = Math.Min(text.Length - start, 1 + (s.B % 5_000));
                    return text.Insert(start, text.Substring(start, length));
                }

            default:
                throw new InvalidOperationException($"no text mutation {Names[s.Kind]}");
        }
    }

    /// <summary>Where the root element starts (after the declaration and comments), or 0.</summary>
    private static int RootStart(string text)
    {
        var at = text.IndexOf("<akomaNtoso", StringComparison.Ordinal);
        return at < 0 ? 0 : at;
    }

    private static string CultureInfoInvariant(FormattableString text) => FormattableString.Invariant(text);
}
