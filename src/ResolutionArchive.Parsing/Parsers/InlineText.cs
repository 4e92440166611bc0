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

        MarkdownDocument document;
        try
        {
            document = Markdown.Parse(markdown, Pipeline);
        }
        catch (ArgumentException)
        {
            // Markdig refuses inline syntax nested beyond its depth limit (thousands of "[" or "*" in a row): such a
            // paragraph is kept as the characters it is, with no emphasis, rather than lost (input-formats §3.2)
            return (markdown, []);
        }

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

    /// <summary>
    /// Writes the text of <paramref name="root"/> and its descendants in document order. Iterative, with an explicit
    /// stack: emphasis can be nested tens of thousands of levels deep in hostile input, which would overflow the call
    /// stack of a recursive walk. An emphasis span is recorded when its children have been written (the stack holds
    /// a marker with its start).
    /// </summary>
    private static void Append(Inline root, StringBuilder builder, List<Emphasis> emphasis, string source)
    {
        var stack = new Stack<(Inline? Node, int EmphasisStart)>();
        stack.Push((root, -1));
        while (stack.Count > 0)
        {
            var (inline, emphasisStart) = stack.Pop();
            if (inline is null)
            {
                // the end of an emphasis: its children are written
                if (builder.Length > emphasisStart)
                {
                    emphasis.Add(new Emphasis(emphasisStart, builder.Length - emphasisStart, builder.ToString(emphasisStart, builder.Length - emphasisStart)));
                }

                continue;
            }

            switch (inline)
            {
                case LiteralInline literal:
                    builder.Append(literal.Content.AsSpan());
                    break;
                case LineBreakInline:
                    builder.Append(' ');
                    break;
                case ContainerInline container:
                    // emphasis keeps its span; a link keeps its text and loses its target; children in text order
                    if (container is EmphasisInline)
                    {
                        stack.Push((null, builder.Length));
                    }

                    foreach (var child in container.Reverse())
                    {
                        stack.Push((child, -1));
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
