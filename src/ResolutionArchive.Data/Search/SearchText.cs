using System.Globalization;
using System.Text;

namespace ResolutionArchive.Data.Search;

/// <summary>
/// A text in the search index's normal form, with the position in the original text of every normalised character
/// (so that a match found in the normal form can be marked in the original).
/// </summary>
/// <param name="Text">The normal form (see <see cref="SearchText.Normalize(string)"/>).</param>
/// <param name="SourceStart">For each UTF-16 code unit of <see cref="Text"/>, the index in the original text of the
/// character (rune) it came from.</param>
/// <param name="SourceLength">For each UTF-16 code unit of <see cref="Text"/>, the length in UTF-16 code units of that
/// original character (1, or 2 for a surrogate pair).</param>
public sealed record NormalizedText(string Text, int[] SourceStart, int[] SourceLength)
{
    /// <summary>
    /// The original span <c>(start, length)</c>, in UTF-16 code units, of the normalised span starting at
    /// <paramref name="start"/> with <paramref name="length"/> code units (length ≥ 1).
    /// </summary>
    public (int Start, int Length) ToSource(int start, int length)
    {
        var from = SourceStart[start];
        var last = start + length - 1;
        return (from, SourceStart[last] + SourceLength[last] - from);
    }
}

/// <summary>
/// The search index's normal form and its tokens (docs/search.md §1–§2). Chinese has no spaces between words and
/// SQLite's tokenizers either treat a run of Han characters as one word (<c>unicode61</c>) or cannot use the index for
/// queries under three characters (<c>trigram</c>), so the archive tokenises the text itself, in C#:
/// <list type="bullet">
/// <item>Normal form: each character (rune) on its own is put in Unicode compatibility composition (NFKC), which folds
/// full-width digits, Latin letters and punctuation to their ASCII forms (<c>２０３０</c> → <c>2030</c>,
/// <c>ＣＯＶＩＤ</c> → <c>COVID</c>, <c>，</c> → <c>,</c>, the ideographic space → a space), and then lower-cased
/// (invariant culture). Every character, spaces and punctuation included, is kept.</item>
/// <item>Tokens: every character gives a unigram token and every two adjacent characters a bigram token, each written
/// as the lower-case hexadecimal code points (<c>人</c> → <c>4eba</c>, <c>人权</c> → <c>4ebax6743</c>), so that the
/// SQLite <c>ascii</c> tokenizer (and PostgreSQL's <c>simple</c> configuration) read them back unchanged and no text
/// can ever be taken for query syntax.</item>
/// </list>
/// A text contains a term (as an ordinal substring of the normal forms) exactly when the term is one character and
/// its unigram is among the text's unigrams, or the term is n ≥ 2 characters and its n − 1 bigrams occur in the text
/// at consecutive positions (an FTS5 phrase). The search is therefore exact for every query length.
/// </summary>
public static class SearchText
{
    private static readonly string?[] BmpCache = new string?[0x10000];

    /// <summary>The normal form of <paramref name="text"/> (see the class summary); ordinal comparisons are done on it.</summary>
    public static string Normalize(string text) => NormalizeWithMap(text).Text;

    /// <summary>The normal form of <paramref name="text"/> with the map back to the original positions.</summary>
    public static NormalizedText NormalizeWithMap(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new StringBuilder(text.Length);
        var starts = new List<int>(text.Length);
        var lengths = new List<int>(text.Length);
        var index = 0;
        while (index < text.Length)
        {
            Rune.DecodeFromUtf16(text.AsSpan(index), out var rune, out var consumed);
            var folded = Fold(rune);
            builder.Append(folded);
            for (var k = 0; k < folded.Length; k++)
            {
                starts.Add(index);
                lengths.Add(consumed);
            }

            index += consumed;
        }

        return new NormalizedText(builder.ToString(), [.. starts], [.. lengths]);
    }

    /// <summary>The normal form of one character: NFKC of the character alone, lower-cased; a lone surrogate becomes U+FFFD.</summary>
    public static string Fold(Rune rune)
    {
        if (rune.IsBmp)
        {
            var cached = BmpCache[rune.Value];
            if (cached is not null)
            {
                return cached;
            }

            var folded = FoldUncached(rune);
            BmpCache[rune.Value] = folded;
            return folded;
        }

        return FoldUncached(rune);
    }

    private static string FoldUncached(Rune rune)
    {
        var text = rune.ToString();
        try
        {
            if (!text.IsNormalized(NormalizationForm.FormKC))
            {
                text = text.Normalize(NormalizationForm.FormKC);
            }
        }
        catch (ArgumentException)
        {
            // .NET refuses to normalise noncharacters such as U+FFFE: they are kept as they are (docs/search.md §1)
        }

        return text.ToLower(CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The unigram and bigram token strings of an already normalised text, space-separated, as stored in the index's
    /// <c>uni</c> and <c>bi</c> columns (empty strings for an empty text; no bigram for a one-character text).
    /// </summary>
    public static (string Unigrams, string Bigrams) Tokens(string normalized)
    {
        ArgumentNullException.ThrowIfNull(normalized);
        var runes = Runes(normalized);
        var uni = new StringBuilder(runes.Count * 5);
        var bi = new StringBuilder(runes.Count * 10);
        for (var i = 0; i < runes.Count; i++)
        {
            if (i > 0)
            {
                uni.Append(' ');
                AppendBigram(bi.Length > 0 ? bi.Append(' ') : bi, runes[i - 1], runes[i]);
            }

            AppendHex(uni, runes[i]);
        }

        return (uni.ToString(), bi.ToString());
    }

    /// <summary>
    /// The FTS5 query that matches the texts containing <paramref name="normalizedTerm"/> (already normalised, at least
    /// one character): <c>uni : "4eba"</c> for one character, else the phrase of its bigrams,
    /// <c>bi : "4ebax6743 6743x7406"</c>.
    /// </summary>
    /// <exception cref="ArgumentException">The term is empty.</exception>
    public static string MatchExpression(string normalizedTerm)
    {
        ArgumentException.ThrowIfNullOrEmpty(normalizedTerm);
        var runes = Runes(normalizedTerm);
        var builder = new StringBuilder(runes.Count * 10 + 8);
        if (runes.Count == 1)
        {
            builder.Append("uni : \"");
            AppendHex(builder, runes[0]);
            return builder.Append('"').ToString();
        }

        builder.Append("bi : \"");
        for (var i = 1; i < runes.Count; i++)
        {
            if (i > 1)
            {
                builder.Append(' ');
            }

            AppendBigram(builder, runes[i - 1], runes[i]);
        }

        return builder.Append('"').ToString();
    }

    /// <summary>The number of characters (runes) of a text.</summary>
    public static int RuneCount(string text) => Runes(text).Count;

    private static List<Rune> Runes(string text)
    {
        var runes = new List<Rune>(text.Length);
        foreach (var rune in text.EnumerateRunes())
        {
            runes.Add(rune);
        }

        return runes;
    }

    private static void AppendBigram(StringBuilder builder, Rune first, Rune second)
    {
        AppendHex(builder, first);
        builder.Append('x');
        AppendHex(builder, second);
    }

    private static void AppendHex(StringBuilder builder, Rune rune) =>
        builder.Append(rune.Value.ToString("x", CultureInfo.InvariantCulture));
}
