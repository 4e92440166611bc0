using System.Text;
using ResolutionArchive.Data.Search;

namespace ResolutionArchive.Data.Lineage;

/// <summary>
/// The similarity of two paragraphs (docs/lineage.md §1): the Jaccard index of their sets of character bigrams, taken
/// on the search's normal form (docs/search.md §1: NFKC, lower case) with white space removed, so that a re-wrapped
/// line, a full-width comma or a changed paragraph number does not count as a change. 1 means the same characters in
/// the same pairs (<see cref="Identical"/> decides real identity); two paragraphs are counterparts at
/// <see cref="Threshold"/> or more.
/// </summary>
public static class ParagraphSimilarity
{
    /// <summary>The least similarity for two paragraphs to be counterparts (docs/lineage.md §1).</summary>
    public const double Threshold = 0.5;

    /// <summary>The comparison key of a text: its normal form without white space.</summary>
    public static string Key(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var normalized = SearchText.Normalize(text);
        var builder = new StringBuilder(normalized.Length);
        foreach (var c in normalized)
        {
            if (!char.IsWhiteSpace(c))
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// The distinct character bigrams of a key, each as one 32-bit number (the two UTF-16 code units), sorted
    /// ascending. A one-character key gives that character alone; an empty key gives nothing.
    /// </summary>
    public static int[] Bigrams(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (key.Length == 1)
        {
            return [key[0]];
        }

        var set = new HashSet<int>(key.Length);
        for (var i = 1; i < key.Length; i++)
        {
            set.Add((key[i - 1] << 16) | key[i]);
        }

        var result = set.ToArray();
        Array.Sort(result);
        return result;
    }

    /// <summary>The Jaccard index |a ∩ b| / |a ∪ b| of two sorted bigram sets (0 when both are empty).</summary>
    public static double Jaccard(IReadOnlyList<int> a, IReadOnlyList<int> b)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        if (a.Count == 0 && b.Count == 0)
        {
            return 0;
        }

        var common = Overlap(a as int[] ?? [.. a], b as int[] ?? [.. b]);
        return (double)common / (a.Count + b.Count - common);
    }

    /// <summary>The size of the intersection of two ascending sets of numbers (a merge: linear in their lengths).</summary>
    public static int Overlap(ReadOnlySpan<int> a, ReadOnlySpan<int> b)
    {
        int i = 0, j = 0, common = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j])
            {
                common++;
                i++;
                j++;
            }
            else if (a[i] < b[j])
            {
                i++;
            }
            else
            {
                j++;
            }
        }

        return common;
    }

    /// <summary>The similarity of two texts (<see cref="Jaccard"/> of their <see cref="Bigrams"/>).</summary>
    public static double Of(string a, string b) => Jaccard(Bigrams(Key(a)), Bigrams(Key(b)));

    /// <summary>True when the two texts are the same once normalised and stripped of white space.</summary>
    public static bool Identical(string a, string b) => string.Equals(Key(a), Key(b), StringComparison.Ordinal);
}
