using System.Text;
using Markdig;
using Markdig.Parsers;
using Markdig.Parsers.Inlines;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Parsing.Parsers;

/// <summary>
/// Reduces the markdown inline syntax of a paragraph to plain text (input-formats §3.2), with Markdig's CommonMark
/// inline parser with its CJK-friendly emphasis rule: emphasis (<c>**重申**</c>) is removed and kept as <see cref="Emphasis"/> spans, a link
/// (<c>[A/HRC/52/80](#)</c>) keeps its text, backslash escapes (<c>\(</c>) are resolved. Nothing else is interpreted:
/// block syntax, raw HTML, entities and code spans stay literal text, so a <c>&lt;script&gt;</c> in a clause is kept as
/// the characters it is.
/// </summary>
internal static class InlineText
{
    private static readonly MarkdownPipeline Pipeline = BuildPipeline();

    /// <summary>Plain text of one paragraph of markdown and the emphasised spans in it.</summary>
    /// <param name="markdown">One paragraph, already joined into a single line.</param>
    public static (string Text, IReadOnlyList<Emphasis> Emphasis) ToPlainText(string markdown)
    {
        if (markdown.Length == 0)
        {
            return ("", []);
        }

        var document = Markdown.Parse(markdown, Pipeline);
        var builder = new StringBuilder(markdown.Length);
        var emphasis = new List<Emphasis>();
        foreach (var block in document.Descendants<LeafBlock>())
        {
            if (block.Inline is not null)
            {
                if (builder.Length > 0)
                {
                    builder.Append(' ');
                }

                Append(block.Inline, builder, emphasis, markdown);
            }
        }

        return (builder.ToString(), emphasis);
    }

    private static void Append(Inline inline, StringBuilder builder, List<Emphasis> emphasis, string source)
    {
        switch (inline)
        {
            case LiteralInline literal:
                builder.Append(literal.Content.AsSpan());
                break;
            case EmphasisInline emphasised:
                var start = builder.Length;
                foreach (var child in emphasised)
                {
                    Append(child, builder, emphasis, source);
                }

                if (builder.Length > start)
                {
                    emphasis.Add(new Emphasis(start, builder.Length - start, builder.ToString(start, builder.Length - start)));
                }

                break;
            case LineBreakInline:
                builder.Append(' ');
                break;
            case ContainerInline container:
                // a link keeps its text and loses its target; the order of children is the order of the text
                foreach (var child in container)
                {
                    Append(child, builder, emphasis, source);
                }

                break;
            default:
                // any other inline is kept as the characters of the source it came from
                if (inline.Span.Start >= 0 && inline.Span.End < source.Length)
                {
                    builder.Append(source.AsSpan(inline.Span.Start, inline.Span.Length));
                }

                break;
        }
    }

    private static MarkdownPipeline BuildPipeline()
    {
        // CJK-friendly emphasis: *《宪章》* next to Chinese punctuation is emphasis too (plain CommonMark refuses it)
        var builder = new MarkdownPipelineBuilder().UseCjkFriendlyEmphasis();
        builder.BlockParsers.RemoveAll(p => p is not ParagraphBlockParser);
        builder.InlineParsers.RemoveAll(p => p is not (EmphasisInlineParser or LinkInlineParser or EscapeInlineParser or LineBreakInlineParser or LiteralInlineParser));
        return builder.Build();
    }
}
