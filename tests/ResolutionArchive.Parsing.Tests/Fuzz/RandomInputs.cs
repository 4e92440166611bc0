using System.Text;
using System.Xml.Linq;
using CsCheck;

namespace ResolutionArchive.Parsing.Tests.Fuzz;

/// <summary>
/// Inputs not made from a seed: random bytes; random text over an alphabet of the seeds' characters, markup, controls
/// and any UTF-16 code unit; "line soup" (random lines of the five seeds, so the parser gets deep); and "element soup"
/// (random trees of the element and attribute names the AKN readers look for, under an <c>akomaNtoso</c> root in the
/// AKN namespace, so the AKN reader gets deep).
/// </summary>
internal static class RandomInputs
{
    private static readonly XNamespace Akn = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0";

    /// <summary>Any bytes, up to 4 KiB.</summary>
    public static Gen<FuzzCase> Bytes { get; } =
        Gen.Byte.Array[0, 4096].Select(b => new FuzzCase("random bytes", $"{b.Length} random bytes", b));

    /// <summary>Random text, UTF-8 encoded.</summary>
    public static Gen<FuzzCase> Text { get; } =
        Gen.Frequency(
                (6, Gen.Char["人权理事会大会决议通过赞成反对弃权票和、，。：；第届次会议年月日段议程项目提案国中国美国一二三四五六七八九十百千零〇"]),
                (4, Gen.Char["0123456789./-*#[]()（）<>&_` \n\r\t\u3000"]),
                (2, Gen.Char.AlphaNumeric),
                (1, Gen.Char[(char)0, (char)31]),
                (1, Gen.Char))
            .Array[0, 3000]
            .Select(chars => new FuzzCase("random text", $"{chars.Length} random characters", Encoding.UTF8.GetBytes(chars)));

    /// <summary>Random lines of the seeds, each possibly indented, joined by a random line end.</summary>
    public static Gen<FuzzCase> LineSoup(string[] lines) =>
        Gen.Select(Gen.Int[0, lines.Length - 1].Array[0, 250], Gen.Int[0, 3], Gen.Int[0, 2], (picked, ends, indent) =>
        {
            var separator = new[] { "\n", "\r\n", "\r", "\n\n" }[ends];
            var prefix = new[] { "", "  ", "\u3000" }[indent];
            var text = string.Join(separator, picked.Select(i => prefix + lines[i]));
            return new FuzzCase("random lines", $"{picked.Length} seed lines joined by {Escape(separator)}, indent {Escape(prefix)}", Encoding.UTF8.GetBytes(text));
        });

    /// <summary>
    /// A random tree of AKN elements: each step opens a child, closes the current element, adds text or sets an
    /// attribute, with names and values from the readers' vocabulary.
    /// </summary>
    public static Gen<FuzzCase> ElementSoup { get; } =
        Gen.Select(Gen.Int[0, 3], Gen.Int[0, 1_000], Gen.Int[0, 1_000], (action, name, value) => (action, name, value))
            .Array[0, 400]
            .Select(steps =>
            {
                var root = new XElement(Akn + "akomaNtoso");
                var current = root;
                foreach (var (action, name, value) in steps)
                {
                    switch (action)
                    {
                        case 0:
                            var child = new XElement(Akn + AknFuzzVocabulary.InterestingNames[name % AknFuzzVocabulary.InterestingNames.Length]);
                            current.Add(child);
                            current = child;
                            break;
                        case 1:
                            current = current.Parent ?? root;
                            break;
                        case 2:
                            current.Add(FuzzPayloads.XmlLegal(FuzzPayloads.ElementTexts[value % FuzzPayloads.ElementTexts.Length]));
                            break;
                        default:
                            current.SetAttributeValue(
                                AknFuzzVocabulary.InterestingAttributes[name % AknFuzzVocabulary.InterestingAttributes.Length],
                                FuzzPayloads.XmlLegal(FuzzPayloads.AttributeValues[value % FuzzPayloads.AttributeValues.Length]));
                            break;
                    }
                }

                var xml = "<?xml version=\"1.0\" encoding=\"utf-8\"?>" + root.ToString(SaveOptions.DisableFormatting);
                return new FuzzCase("random elements", $"{steps.Length} tree steps", Encoding.UTF8.GetBytes(xml));
            });

    private static string Escape(string text) => text.Replace("\r", "\\r", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal).Replace("\u3000", "\\u3000", StringComparison.Ordinal);
}
