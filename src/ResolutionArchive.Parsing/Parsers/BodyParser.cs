using System.Globalization;
using ResolutionArchive.Parsing.Diagnostics;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Parsing.Parsers;

/// <summary>A paragraph or sub-paragraph being collected: its physical lines, not yet reduced to plain text.</summary>
internal sealed class RawBlock(int line)
{
    public int Line { get; } = line;

    public List<string> Lines { get; } = [];

    public List<RawPoint> Points { get; } = [];

    /// <summary>The collected markdown as one line (§3.1).</summary>
    public string Joined => TextJoiner.Join(Lines);
}

/// <summary>A clause being collected.</summary>
internal sealed class RawClause(ClauseKind kind, string? number, int line)
{
    public ClauseKind Kind { get; } = kind;

    public string? Number { get; } = number;

    public RawBlock Block { get; } = new(line);
}

/// <summary>A sub-paragraph being collected; level 1 for (a), level 2 for (i).</summary>
internal sealed class RawPoint(string label, int level, int line)
{
    public string Label { get; } = label;

    public int Level { get; } = level;

    public RawBlock Block { get; } = new(line);
}

/// <summary>A footnote definition line (§5).</summary>
internal sealed record RawFootnote(string Marker, string Text, int Line);

/// <summary>The adoption statement and the three lists, as printed (§4.3, §4.4).</summary>
internal sealed class RawVote(int line)
{
    public int Line { get; } = line;

    public List<string> Statement { get; } = [];

    public Dictionary<string, (int Line, List<SourceLine> Lines)> Lists { get; } = [];

    public bool Closed { get; set; }

    /// <summary>The label whose list the next name lines belong to.</summary>
    public string? CurrentList { get; set; }
}

/// <summary>Everything after the enacting formula, in collected form.</summary>
internal sealed class RawBody
{
    public List<RawClause> Clauses { get; } = [];

    public List<RawFootnote> Footnotes { get; } = [];

    public DateOnly? FootDate { get; set; }

    public int FootDateLine { get; set; }

    public Meeting? Meeting { get; set; }

    public RawVote? Vote { get; set; }
}

/// <summary>
/// Collects the body of a seed-style text (input-formats §3–§5): preamble clauses until the first numbered line,
/// operative paragraphs with their sub-paragraphs, footnote definitions wherever they stand (a page break of the PDF
/// can put them inside a paragraph or inside the vote lists), the date and meeting at the foot, and the adoption
/// statement in square brackets. Which physical lines make one paragraph is decided by §3.1.
/// </summary>
internal static class BodyParser
{
    private const string Terminal = "，。；：,.;:";

    public static RawBody Parse(IReadOnlyList<SourceLine> lines, bool indentedLayout, string file, List<ParseDiagnostic> diagnostics)
    {
        var body = new RawBody();
        RawClause? current = null;
        var footReached = false;

        foreach (var line in lines)
        {
            if (line.IsBlank)
            {
                continue; // §3.1: blank lines alone never decide a paragraph break
            }

            var text = Patterns.StripHeading(line.Text);
            var compact = Patterns.Compact(text);

            if (body.Vote is { Closed: false } openVote)
            {
                ReadVoteLine(openVote, text, line, body);
                continue;
            }

            if (Patterns.PageFurniture().IsMatch(text))
            {
                continue; // §1.4
            }

            if (Patterns.NumberedFootnote().Match(text) is { Success: true } numbered)
            {
                body.Footnotes.Add(new RawFootnote(FootnoteMarkers.ToAscii(numbered.Groups["marker"].Value), numbered.Groups["text"].Value, line.Number));
                continue;
            }

            if (Patterns.StarFootnote().Match(text) is { Success: true } star)
            {
                body.Footnotes.Add(new RawFootnote("*", star.Groups["text"].Value, line.Number));
                continue;
            }

            if (body.Vote is not null)
            {
                diagnostics.Add(new ParseDiagnostic(file, line.Number, $"expected nothing but footnotes after the adoption statement, found {line.Text}"));
                continue;
            }

            if (Patterns.VoteStatement().IsMatch(compact))
            {
                body.Vote = new RawVote(line.Number);
                ReadVoteLine(body.Vote, text[1..], line, body);
                footReached = true;
                continue;
            }

            if (Patterns.FootDate().Match(compact) is { Success: true } date)
            {
                body.FootDate = HeaderParser.ToDate(date, line, file, diagnostics);
                body.FootDateLine = line.Number;
                footReached = true;
                continue;
            }

            if (Patterns.Meeting().Match(compact) is { Success: true } meeting)
            {
                body.Meeting = new Meeting(
                    int.Parse(meeting.Groups["n"].Value, CultureInfo.InvariantCulture),
                    meeting.Groups["plenary"].Success,
                    meeting.Groups["resumed"].Success);
                footReached = true;
                continue;
            }

            if (footReached)
            {
                diagnostics.Add(new ParseDiagnostic(file, line.Number, $"expected the date, the meeting or the adoption statement at the foot, found {line.Text}"));
                continue;
            }

            if (Patterns.OperativeParagraph().Match(text) is { Success: true } operative)
            {
                current = new RawClause(ClauseKind.Operative, operative.Groups["n"].Value, line.Number);
                current.Block.Lines.Add(operative.Groups["text"].Value);
                body.Clauses.Add(current);
                continue;
            }

            if (current is not null && Patterns.SubParagraph().Match(text) is { Success: true } sub && EndsTerminal(Target(current).Joined, includeComma: true)
                && OpensOrContinuesAList(current, sub.Groups["label"].Value))
            {
                AddPoint(current, sub.Groups["label"].Value, sub.Groups["text"].Value, line.Number);
                continue;
            }

            if (current is not null && IsContinuation(Target(current), line, indentedLayout))
            {
                Target(current).Lines.Add(text);
                continue;
            }

            if (body.Clauses.Any(c => c.Kind == ClauseKind.Operative))
            {
                var expected = body.Clauses.Count(c => c.Kind == ClauseKind.Operative) + 1;
                diagnostics.Add(new ParseDiagnostic(file, line.Number, $"expected operative paragraph {expected} (a line starting with '{expected}.'), found unnumbered text: {Shorten(line.Text)}"));
                continue;
            }

            current = new RawClause(ClauseKind.Preamble, null, line.Number);
            current.Block.Lines.Add(text);
            body.Clauses.Add(current);
        }

        if (body.Vote is { Closed: false })
        {
            // "the end of the text" is the line after the file's last line: these lines start after the enacting
            // formula, so their count is not a line number (an open statement implies at least one line here)
            diagnostics.Add(new ParseDiagnostic(file, lines[^1].Number + 1, $"expected ']' closing the adoption statement that starts at line {body.Vote.Line}, found the end of the text"));
        }

        return body;
    }

    /// <summary>The block that a continuation line belongs to: the deepest open sub-paragraph, else the clause.</summary>
    private static RawBlock Target(RawClause clause)
    {
        var block = clause.Block;
        while (block.Points.Count > 0)
        {
            block = block.Points[^1].Block;
        }

        return block;
    }

    /// <summary>
    /// §3.1: in the PDF layout a paragraph starts at an indented line; elsewhere a line continues the open paragraph
    /// exactly when that paragraph does not yet end with a clause-ending punctuation mark (a footnote block or a page
    /// break interrupted it: seed 002 ¶28, seed 003 preamble clause 4).
    /// </summary>
    private static bool IsContinuation(RawBlock open, SourceLine line, bool indentedLayout) =>
        indentedLayout ? !line.Indented : !EndsTerminal(open.Joined, includeComma: true);

    private static bool EndsTerminal(string markdown, bool includeComma)
    {
        var trimmed = markdown.TrimEnd().TrimEnd("⁰¹²³⁴⁵⁶⁷⁸⁹ *".ToCharArray());
        if (trimmed.Length == 0)
        {
            return false;
        }

        var last = trimmed[^1];
        return includeComma ? Terminal.Contains(last, StringComparison.Ordinal) : "。；：;:.".Contains(last, StringComparison.Ordinal);
    }

    /// <summary>
    /// §3.5: a label at the start of a line begins a sub-paragraph only where a list can be: <c>(a)</c> or <c>(i)</c>
    /// opens one, any other label must follow a sub-paragraph that itself began a line (the next letter, or a roman
    /// label under a letter). A wrap that puts the <c>(c)</c> of an inline enumeration ("…(a) …，(b) …，" ending the
    /// line before) at the start of a line is read as the text it is.
    /// </summary>
    private static bool OpensOrContinuesAList(RawClause clause, string label)
    {
        if (label is "a" or "i")
        {
            return true;
        }

        var level1 = clause.Block.Points;
        if (level1.Count == 0)
        {
            return false;
        }

        var isRoman = label.All(c => "ivxlc".Contains(c, StringComparison.Ordinal));
        var lastIsRoman = level1[^1].Label.Trim('(', ')').All(c => "ivxlc".Contains(c, StringComparison.Ordinal));
        return label == NextLetter(level1[^1].Label) || (isRoman && (level1[^1].Block.Points.Count > 0 || lastIsRoman));
    }

    /// <summary>§3.5: (a) starts level 1; a roman label (i) starts level 2 unless it is the next letter of level 1.</summary>
    private static void AddPoint(RawClause clause, string label, string text, int line)
    {
        var level1 = clause.Block.Points;
        var isRoman = label.All(c => "ivxlc".Contains(c, StringComparison.Ordinal));
        var nextLetter = level1.Count == 0 ? "a" : NextLetter(level1[^1].Label);
        var level = isRoman && label != nextLetter && level1.Count > 0 ? 2 : 1;
        var point = new RawPoint($"({label})", level, line);
        point.Block.Lines.Add(text);
        if (level == 1)
        {
            level1.Add(point);
        }
        else
        {
            level1[^1].Block.Points.Add(point);
        }
    }

    private static string NextLetter(string bracketed)
    {
        var label = bracketed.Trim('(', ')');
        return label.Length == 1 && label[0] < 'z' ? ((char)(label[0] + 1)).ToString() : "";
    }

    /// <summary>§4.3–§4.4: the statement, then lists under 赞成：/反对：/弃权：; a line ending in ] closes it.</summary>
    private static void ReadVoteLine(RawVote vote, string text, SourceLine line, RawBody body)
    {
        // a page break can fall inside the lists: its furniture (§1.4) and footnotes (§5) are not names
        if (Patterns.PageFurniture().IsMatch(text))
        {
            return;
        }

        if (Patterns.NumberedFootnote().Match(text) is { Success: true } footnote)
        {
            body.Footnotes.Add(new RawFootnote(FootnoteMarkers.ToAscii(footnote.Groups["marker"].Value), footnote.Groups["text"].Value, line.Number));
            return;
        }

        if (Patterns.StarFootnote().Match(text) is { Success: true } star)
        {
            body.Footnotes.Add(new RawFootnote("*", star.Groups["text"].Value, line.Number));
            return;
        }

        if (text.EndsWith(']'))
        {
            vote.Closed = true;
            text = text[..^1];
        }

        if (Patterns.VoteLabel().Match(text) is { Success: true } label)
        {
            var lines = new List<SourceLine>();
            if (label.Groups["rest"].Value.Length > 0)
            {
                lines.Add(new SourceLine(line.Number, label.Groups["rest"].Value));
            }

            vote.Lists[label.Groups["label"].Value] = (line.Number, lines);
            vote.CurrentList = label.Groups["label"].Value;
            return;
        }

        if (vote.CurrentList is null)
        {
            vote.Statement.Add(text);
        }
        else
        {
            vote.Lists[vote.CurrentList].Lines.Add(new SourceLine(line.Number, text));
        }
    }

    private static string Shorten(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
