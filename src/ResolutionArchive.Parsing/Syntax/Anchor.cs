namespace ResolutionArchive.Parsing.Syntax;

/// <summary>What an anchor names (<see cref="Anchor"/>).</summary>
public enum AnchorKind
{
    /// <summary><c>pp{n}</c>: a preambular paragraph.</summary>
    Preamble,

    /// <summary><c>op{n}</c>, and its sub-paragraphs <c>op{n}-a-ii</c>: an operative paragraph.</summary>
    Operative,

    /// <summary><c>op-u{n}</c>: an operative block printed without a number (input-formats §7.4).</summary>
    UnnumberedOperative,

    /// <summary><c>fn{marker}</c>, <c>fn-star</c>: a footnote.</summary>
    Footnote,

    /// <summary><c>annex{i}</c>: an annex.</summary>
    Annex,

    /// <summary><c>annex{i}-p{k}</c>: a paragraph of an annex.</summary>
    AnnexParagraph,

    /// <summary>Anything else (an id this grammar does not know).</summary>
    Other,
}

/// <summary>
/// The id of a paragraph, sub-paragraph, footnote or annex on a record's page, read once: the grammar the readers write
/// (input-formats §3.4–§3.5, §5, §7.4–§7.9) — an optional part prefix (<c>A-</c>, <c>B-</c>), then <c>pp{n}</c>,
/// <c>op{n}</c> with its sub-paragraph labels (<c>op3-a-ii</c>), <c>op-u{n}</c>, <c>fn{marker}</c>/<c>fn-star</c>, or
/// <c>annex{i}</c>/<c>annex{i}-p{k}</c>.
/// </summary>
/// <param name="Value">The id as written.</param>
/// <param name="Part">The part's label (<c>A</c>) for a resolution in several parts, else null.</param>
/// <param name="Kind">What it names.</param>
/// <param name="Number">The paragraph's number (<c>3</c>), the footnote's marker (<c>2</c>, <c>*</c>) or the annex
/// paragraph's position; null for <see cref="AnchorKind.Annex"/> and <see cref="AnchorKind.Other"/>.</param>
/// <param name="SubLabels">The sub-paragraph labels after the number (<c>a</c>, <c>ii</c>); empty for a paragraph.</param>
public sealed record Anchor(string Value, string? Part, AnchorKind Kind, string? Number, IReadOnlyList<string> SubLabels)
{
    /// <summary>Reads <paramref name="value"/>; never throws (an unknown form is <see cref="AnchorKind.Other"/>).</summary>
    public static Anchor Parse(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var segments = value.Split('-');
        string? part = null;
        var at = 0;
        if (segments.Length > 1 && segments[0] is [>= 'A' and <= 'Z'])
        {
            part = segments[0];
            at = 1;
        }

        var head = segments[at];
        var rest = segments.Skip(at + 1).ToList();
        if (Digits(head, "pp") is { } preamble)
        {
            return new Anchor(value, part, AnchorKind.Preamble, preamble, rest);
        }

        if (Digits(head, "op") is { } operative)
        {
            return new Anchor(value, part, AnchorKind.Operative, operative, rest);
        }

        if (head == "op" && rest.Count > 0 && Digits(rest[0], "u") is { } unnumbered)
        {
            return new Anchor(value, part, AnchorKind.UnnumberedOperative, unnumbered, rest.Skip(1).ToList());
        }

        if (head == "fn" && rest is ["star"])
        {
            return new Anchor(value, part, AnchorKind.Footnote, "*", []);
        }

        if (head.StartsWith("fn", StringComparison.Ordinal) && head.Length > 2 && rest.Count == 0)
        {
            return new Anchor(value, part, AnchorKind.Footnote, head[2..], []);
        }

        if (Digits(head, "annex") is not null)
        {
            return rest.Count > 0 && Digits(rest[0], "p") is { } paragraph
                ? new Anchor(value, part, AnchorKind.AnnexParagraph, paragraph, rest.Skip(1).ToList())
                : new Anchor(value, part, AnchorKind.Annex, null, rest);
        }

        return new Anchor(value, part, AnchorKind.Other, null, []);
    }

    private static string? Digits(string segment, string prefix) =>
        segment.Length > prefix.Length && segment.StartsWith(prefix, StringComparison.Ordinal) && segment.AsSpan(prefix.Length).IndexOfAnyExceptInRange('0', '9') < 0
            ? segment[prefix.Length..]
            : null;
}
