using System.Text;
using Markdig;
using Markdig.Syntax;

namespace ResolutionArchive.Parsing.Tests;

/// <summary>
/// The executable examples of <c>docs/input-formats.md</c> (markdig's and CommonMark's spec-as-tests): every fenced
/// block whose info string starts with <c>example</c>, with the section it stands in (<c>§3.3</c>), its ordinal there,
/// its kind (the info string's second word: <c>heading</c>, <c>body</c>, <c>foot</c>, <c>file</c>, <c>references</c>,
/// <c>verbs</c>), its arguments, its input (the lines before a line holding one <c>.</c>) and its expected output (the
/// lines after). The blocks are found with Markdig, not by scanning lines. "How to read the examples" in the document
/// says what each kind means.
/// </summary>
internal static class SpecExamples
{
    /// <summary>One example.</summary>
    public sealed record Example(string Section, int Ordinal, string Kind, string[] Arguments, string Input, string Expected, int Line)
    {
        /// <summary>The name a test shows: <c>§3.3 example 2 (line 312)</c>.</summary>
        public override string ToString() => $"{Section} example {Ordinal} (line {Line})";
    }

    /// <summary>The document, as the build copies it beside the tests.</summary>
    public static string DocumentPath => Path.Combine(AppContext.BaseDirectory, "Specs", "input-formats.md");

    /// <summary>Every example of the document, in document order.</summary>
    /// <exception cref="InvalidDataException">An example block has no line holding one <c>.</c>, or stands before any section.</exception>
    public static IReadOnlyList<Example> All() => Read(File.ReadAllText(DocumentPath, Encoding.UTF8));

    /// <summary>The numbers of the document's <c>###</c> rule sections (<c>§3.3</c> of <c>### §3.3 Operative paragraphs</c>).</summary>
    public static IReadOnlyList<string> RuleSections() =>
        Markdown.Parse(File.ReadAllText(DocumentPath, Encoding.UTF8)).Descendants<HeadingBlock>()
            .Where(h => h.Level == 3)
            .Select(Text)
            .Where(t => t.StartsWith('§'))
            .Select(t => t.Split(' ')[0])
            .ToList();

    /// <summary>
    /// The base text of the <c>heading</c>, <c>body</c> and <c>foot</c> examples: the document's one fenced block with
    /// the info string <c>base</c>, its three parts separated by lines holding one <c>.</c>.
    /// </summary>
    /// <exception cref="InvalidDataException">There is not exactly one such block of three parts.</exception>
    public static (string Heading, string Body, string Foot) Base() =>
        Parts("base", 3) is var p ? (p[0], p[1], p[2]) : default;

    /// <summary>
    /// The base document of the <c>akn-meta</c>, <c>akn-front</c> and <c>akn-body</c> examples: the block with the info
    /// string <c>base-akn</c>, in seven parts — fixed, the meta's workflow and analysis, fixed, the cover page and
    /// preface, fixed, the body, fixed.
    /// </summary>
    /// <exception cref="InvalidDataException">There is not exactly one such block of seven parts.</exception>
    public static string[] BaseAkn() => Parts("base-akn", 7);

    private static string[] Parts(string info, int count)
    {
        var blocks = Markdown.Parse(File.ReadAllText(DocumentPath, Encoding.UTF8)).Descendants<FencedCodeBlock>().Where(f => f.Info == info).ToList();
        var parts = blocks.Count == 1 ? string.Join('\n', blocks[0].Lines.Lines.Take(blocks[0].Lines.Count).Select(l => l.ToString())).Split("\n.\n") : [];
        return parts.Length == count ? parts : throw new InvalidDataException($"input-formats.md: expected one ```{info} block of {count} parts, found {blocks.Count} block(s)");
    }

    /// <summary>The examples of <paramref name="markdown"/>.</summary>
    public static IReadOnlyList<Example> Read(string markdown)
    {
        var document = Markdown.Parse(markdown);
        var examples = new List<Example>();
        string? section = null;
        var ordinal = 0;
        foreach (var block in document.Descendants())
        {
            if (block is HeadingBlock { Level: 2 or 3 } heading && Text(heading) is var title && title.StartsWith('§'))
            {
                section = title.Split(' ')[0];
                ordinal = 0;
            }
            else if (block is FencedCodeBlock fence && fence.Info == "example")
            {
                var lines = fence.Lines.Lines.Take(fence.Lines.Count).Select(l => l.ToString()).ToList();
                var dot = lines.IndexOf(".");
                if (dot < 0 || section is null)
                {
                    throw new InvalidDataException($"input-formats.md:{fence.Line + 1}: expected an example in a § section with a line '.' between input and output");
                }

                var arguments = (fence.Arguments ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
                examples.Add(new Example(section, ++ordinal, arguments.FirstOrDefault() ?? "", arguments.Skip(1).ToArray(),
                    string.Join('\n', lines.Take(dot)), string.Join('\n', lines.Skip(dot + 1)), fence.Line + 1));
            }
        }

        return examples;
    }

    private static string Text(HeadingBlock heading) =>
        heading.Inline is null ? "" : string.Concat(heading.Inline.Descendants().Select(i => i switch
        {
            Markdig.Syntax.Inlines.LiteralInline literal => literal.Content.ToString(),
            Markdig.Syntax.Inlines.CodeInline code => code.Content,
            _ => "",
        }));
}
