using System.Globalization;
using System.Text;
using DiffPlex;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Data.Lineage;

/// <summary>
/// Aligns the paragraphs of one section (the preamble, or the operative part with its sub-paragraphs) of two texts
/// (docs/lineage.md §3). Pure: no database, the same input always gives the same rows.
/// <list type="number">
/// <item>The <see cref="ParagraphSimilarity"/> of every pair is computed once.</item>
/// <item>A monotone alignment of maximum total similarity (dynamic programming; a pair below
/// <see cref="ParagraphSimilarity.Threshold"/> may not be aligned) gives the in-order pairs: <see cref="AlignmentKind.Identical"/>
/// when <see cref="ParagraphSimilarity.Identical"/>, else <see cref="AlignmentKind.Changed"/>.</item>
/// <item>The paragraphs left over are paired greedily, the most similar pair first, when at or above the threshold:
/// <see cref="AlignmentKind.Moved"/>.</item>
/// <item>What is still left is <see cref="AlignmentKind.Removed"/> (only in A) or <see cref="AlignmentKind.Added"/>
/// (only in B).</item>
/// </list>
/// </summary>
public static class ParagraphAlignment
{
    // Similarities are summed as whole numbers so that equal totals are exactly equal and ties break the same way on
    // every machine.
    private const double Scale = 1_000_000;

    /// <summary>
    /// The preambular paragraphs of <paramref name="resolution"/> in document order (all parts, anchors <c>pp1</c> or
    /// <c>A-pp1</c>), with no printed number.
    /// </summary>
    public static IReadOnlyList<AlignmentParagraph> PreambleOf(ParsedResolution resolution)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        return resolution.Preamble.Select(c => new AlignmentParagraph(c.Id, null, c.Text)).ToList();
    }

    /// <summary>
    /// The operative paragraphs of <paramref name="resolution"/> in reading order, each followed by its sub-paragraphs
    /// (depth first): <c>op3</c> (number <c>3</c>, its lead-in text), <c>op3-a</c> (number <c>3 (a)</c>),
    /// <c>op3-a-i</c> (number <c>3 (a) (i)</c>), <c>op4</c>…
    /// </summary>
    public static IReadOnlyList<AlignmentParagraph> OperativeOf(ParsedResolution resolution)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        var result = new List<AlignmentParagraph>();
        foreach (var clause in resolution.Operative)
        {
            result.Add(new AlignmentParagraph(clause.Id, clause.Number, clause.Text));
            AddPoints(clause.Number, clause.Points);
        }

        return result;

        void AddPoints(string? parent, IReadOnlyList<Point> points)
        {
            foreach (var point in points)
            {
                var number = parent is null ? null : $"{parent} {point.Label}";
                result.Add(new AlignmentParagraph(point.Id, number, point.Text));
                AddPoints(number, point.Points);
            }
        }
    }

    /// <summary>
    /// The rows of the alignment of <paramref name="a"/> (the older text) with <paramref name="b"/> (the newer), in
    /// reading order (docs/lineage.md §3.3): the in-order pairs in their order; between two of them first the
    /// paragraphs removed from A there, then B's paragraphs there in B's order, each added or moved (a moved pair
    /// stands where its B paragraph is).
    /// </summary>
    public static IReadOnlyList<AlignmentRow> Align(IReadOnlyList<AlignmentParagraph> a, IReadOnlyList<AlignmentParagraph> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var keysA = a.Select(p => ParagraphSimilarity.Key(p.Text)).ToArray();
        var keysB = b.Select(p => ParagraphSimilarity.Key(p.Text)).ToArray();
        var bigramsA = keysA.Select(ParagraphSimilarity.Bigrams).ToArray();
        var bigramsB = keysB.Select(ParagraphSimilarity.Bigrams).ToArray();
        int n = a.Count, m = b.Count;

        var similarity = new double[n, m];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < m; j++)
            {
                similarity[i, j] = ParagraphSimilarity.Jaccard(bigramsA[i], bigramsB[j]);
            }
        }

        // score[i, j]: the best total (scaled) similarity of a monotone alignment of a[..i] with b[..j].
        var score = new long[n + 1, m + 1];
        for (var i = 1; i <= n; i++)
        {
            for (var j = 1; j <= m; j++)
            {
                var best = Math.Max(score[i - 1, j], score[i, j - 1]);
                if (similarity[i - 1, j - 1] >= ParagraphSimilarity.Threshold)
                {
                    best = Math.Max(best, score[i - 1, j - 1] + Weight(similarity[i - 1, j - 1]));
                }

                score[i, j] = best;
            }
        }

        // Trace back, preferring a pair, then leaving out A's paragraph, then B's.
        var pairs = new List<(int I, int J)>();
        for (int i = n, j = m; i > 0 && j > 0;)
        {
            if (similarity[i - 1, j - 1] >= ParagraphSimilarity.Threshold && score[i, j] == score[i - 1, j - 1] + Weight(similarity[i - 1, j - 1]))
            {
                pairs.Add((i - 1, j - 1));
                i--;
                j--;
            }
            else if (score[i, j] == score[i - 1, j])
            {
                i--;
            }
            else
            {
                j--;
            }
        }

        pairs.Reverse();
        var pairedA = new bool[n];
        var pairedB = new bool[m];
        foreach (var (i, j) in pairs)
        {
            pairedA[i] = pairedB[j] = true;
        }

        // The leftovers, most similar first (ties: A's order, then B's).
        var movedTo = new int?[m];
        var candidates = new List<(int I, int J, double S)>();
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < m; j++)
            {
                if (!pairedA[i] && !pairedB[j] && similarity[i, j] >= ParagraphSimilarity.Threshold)
                {
                    candidates.Add((i, j, similarity[i, j]));
                }
            }
        }

        foreach (var (i, j, _) in candidates.OrderByDescending(c => c.S).ThenBy(c => c.I).ThenBy(c => c.J))
        {
            if (!pairedA[i] && !pairedB[j])
            {
                pairedA[i] = pairedB[j] = true;
                movedTo[j] = i;
            }
        }

        var rows = new List<AlignmentRow>(n + m);
        int nextA = 0, nextB = 0;
        foreach (var (pi, pj) in pairs.Append((n, m)))
        {
            for (; nextA < pi; nextA++)
            {
                if (!pairedA[nextA])
                {
                    rows.Add(new AlignmentRow(AlignmentKind.Removed, a[nextA], null, 0, false, []));
                }
            }

            for (; nextB < pj; nextB++)
            {
                rows.Add(movedTo[nextB] is { } from
                    ? Pair(AlignmentKind.Moved, from, nextB)
                    : new AlignmentRow(AlignmentKind.Added, null, b[nextB], 0, false, []));
            }

            if (pi < n)
            {
                var identical = string.Equals(keysA[pi], keysB[pj], StringComparison.Ordinal);
                rows.Add(Pair(identical ? AlignmentKind.Identical : AlignmentKind.Changed, pi, pj));
                nextA = pi + 1;
                nextB = pj + 1;
            }
        }

        return rows;

        AlignmentRow Pair(AlignmentKind kind, int i, int j)
        {
            var renumbered = kind != AlignmentKind.Moved && a[i].Number is { } x && b[j].Number is { } y && !string.Equals(x, y, StringComparison.Ordinal);
            var diff = kind == AlignmentKind.Identical ? [] : Diff(a[i].Text, b[j].Text);
            return new AlignmentRow(kind, a[i], b[j], similarity[i, j], renumbered, diff);
        }
    }

    /// <summary>
    /// The character-level difference between <paramref name="a"/> and <paramref name="b"/> as they are (not
    /// normalised), from DiffPlex's Myers diff over Unicode scalar values (a surrogate pair is never split), tidied as
    /// in docs/lineage.md §3.4: a short unchanged run between two changes is folded into them, and in each change the
    /// deletion comes before the insertion. The unchanged and deleted segments spell <paramref name="a"/>, the unchanged
    /// and inserted ones <paramref name="b"/>.
    /// </summary>
    public static IReadOnlyList<DiffSegment> Diff(string a, string b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var result = Differ.Instance.CreateDiffs(a, b, false, false, ScalarChunker.Instance);

        // Runs: (unchanged, deleted, inserted); the unchanged text comes before the change.
        var runs = new List<(string Same, string Deleted, string Inserted)>();
        var atA = 0;
        foreach (var block in result.DiffBlocks)
        {
            runs.Add((
                Join(result.PiecesOld, atA, block.DeleteStartA - atA),
                Join(result.PiecesOld, block.DeleteStartA, block.DeleteCountA),
                Join(result.PiecesNew, block.InsertStartB, block.InsertCountB)));
            atA = block.DeleteStartA + block.DeleteCountA;
        }

        var tail = Join(result.PiecesOld, atA, result.PiecesOld.Count - atA);

        // Fold an unchanged run between two changes into them when it is no longer than the larger side of the change
        // before it and of the change after it (diff-match-patch's semantic clean-up rule).
        for (var k = 1; k < runs.Count;)
        {
            var (same, deleted, inserted) = runs[k];
            var before = runs[k - 1];
            if (same.Length <= Math.Max(before.Deleted.Length, before.Inserted.Length) && same.Length <= Math.Max(deleted.Length, inserted.Length))
            {
                runs[k - 1] = (before.Same, before.Deleted + same + deleted, before.Inserted + same + inserted);
                runs.RemoveAt(k);
                k = Math.Max(1, k - 1);
            }
            else
            {
                k++;
            }
        }

        var segments = new List<DiffSegment>(runs.Count * 3 + 1);
        foreach (var (same, deleted, inserted) in runs)
        {
            Add(same, DiffKind.Unchanged);
            Add(deleted, DiffKind.Deleted);
            Add(inserted, DiffKind.Inserted);
        }

        Add(tail, DiffKind.Unchanged);
        return segments;

        void Add(string text, DiffKind kind)
        {
            if (text.Length > 0)
            {
                segments.Add(new DiffSegment(text, kind));
            }
        }
    }

    private static long Weight(double similarity) => (long)Math.Round(similarity * Scale);

    private static string Join(IReadOnlyList<string> pieces, int start, int count)
    {
        if (count <= 0)
        {
            return "";
        }

        var builder = new StringBuilder();
        for (var k = start; k < start + count; k++)
        {
            builder.Append(pieces[k]);
        }

        return builder.ToString();
    }

    /// <summary>Cuts a text into its Unicode scalar values (one or two UTF-16 code units each).</summary>
    private sealed class ScalarChunker : IChunker
    {
        public static ScalarChunker Instance { get; } = new();

        public IReadOnlyList<string> Chunk(string text)
        {
            var pieces = new List<string>(text.Length);
            for (var i = 0; i < text.Length;)
            {
                var length = char.IsHighSurrogate(text[i]) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]) ? 2 : 1;
                pieces.Add(text.Substring(i, length));
                i += length;
            }

            return pieces;
        }
    }
}

/// <summary>One paragraph as the alignment sees it.</summary>
/// <param name="Anchor">Its anchor on the resolution page: <c>pp3</c>, <c>op7</c>, <c>op7-a</c>.</param>
/// <param name="Number">The printed number (<c>7</c>, <c>7 (a)</c>), or null (a preambular paragraph, an unnumbered
/// block).</param>
/// <param name="Text">Its plain text as stored.</param>
public sealed record AlignmentParagraph(string Anchor, string? Number, string Text);

/// <summary>What became of a paragraph between the two texts (docs/lineage.md §3.2).</summary>
public enum AlignmentKind
{
    /// <summary>In both, in order, the same text once normalised (<see cref="ParagraphSimilarity.Identical"/>).</summary>
    Identical,

    /// <summary>In both, in order, similar (at least <see cref="ParagraphSimilarity.Threshold"/>) but not identical.</summary>
    Changed,

    /// <summary>In both, similar, but out of order: paired after the in-order alignment.</summary>
    Moved,

    /// <summary>Only in B.</summary>
    Added,

    /// <summary>Only in A.</summary>
    Removed,
}

/// <summary>One row of an alignment.</summary>
/// <param name="Kind">What became of the paragraph.</param>
/// <param name="A">The paragraph of A, or null for <see cref="AlignmentKind.Added"/>.</param>
/// <param name="B">The paragraph of B, or null for <see cref="AlignmentKind.Removed"/>.</param>
/// <param name="Similarity">The <see cref="ParagraphSimilarity"/> of the pair; 0 when only one side is there.</param>
/// <param name="Renumbered">True for an identical or changed pair whose printed numbers are both there and differ.</param>
/// <param name="Diff">For a changed or moved pair, the character-level difference of the two original texts
/// (<see cref="ParagraphAlignment.Diff"/>); empty otherwise.</param>
public sealed record AlignmentRow(
    AlignmentKind Kind,
    AlignmentParagraph? A,
    AlignmentParagraph? B,
    double Similarity,
    bool Renumbered,
    IReadOnlyList<DiffSegment> Diff)
{
    /// <summary>The row as <c>kind A-anchor B-anchor</c> (<c>Changed pp3 pp4</c>, <c>Added - op9</c>), for tests and logs.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Kind} {A?.Anchor ?? "-"} {B?.Anchor ?? "-"}{(Renumbered ? " renumbered" : "")}");
}

/// <summary>Whether a run of a diff is in both texts, only in B or only in A.</summary>
public enum DiffKind
{
    /// <summary>In both texts.</summary>
    Unchanged,

    /// <summary>Only in B: inserted.</summary>
    Inserted,

    /// <summary>Only in A: deleted.</summary>
    Deleted,
}

/// <summary>A run of a character-level diff.</summary>
/// <param name="Text">The characters, as in the original text.</param>
/// <param name="Kind">Unchanged, inserted or deleted.</param>
public sealed record DiffSegment(string Text, DiffKind Kind);
