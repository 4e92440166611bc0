using System.Text;

namespace ResolutionArchive.Data.Search;

/// <summary>One term of a query: a normalised string that must occur in a paragraph (or, when excluded, must not).</summary>
/// <param name="Text">The term in the normal form of <see cref="SearchText"/>, at least one character.</param>
/// <param name="Excluded">True for <c>-term</c>: the paragraphs containing it are left out.</param>
/// <param name="Phrase">True when it was written in quotes (it may contain spaces).</param>
public sealed record SearchTerm(string Text, bool Excluded, bool Phrase);

/// <summary>Why a query could not be run. The web shows the message on the page (or a 400 from the API).</summary>
public enum SearchQueryProblem
{
    /// <summary>Nothing to search for (empty, only spaces, quotes or control characters).</summary>
    Empty,

    /// <summary>Longer than <see cref="SearchQuery.MaxLength"/> characters.</summary>
    TooLong,

    /// <summary>More than <see cref="SearchQuery.MaxTerms"/> terms.</summary>
    TooManyTerms,

    /// <summary>Only <c>-term</c> exclusions: at least one term must be searched for.</summary>
    OnlyExclusions,
}

/// <summary>
/// A parsed search query (docs/search.md §3). The syntax a user expects from a search box:
/// <list type="bullet">
/// <item>terms separated by spaces (ASCII, ideographic or any other white space) must all occur in the paragraph;</item>
/// <item><c>"…"</c> (or full-width <c>＂…＂</c>) is one term, spaces included; a quote left open runs to the end;</item>
/// <item><c>-term</c> or <c>-"…"</c> excludes the paragraphs containing it; a lone <c>-</c> is searched for as is.</item>
/// </list>
/// Every term is matched as an exact substring of the normal form (<see cref="SearchText"/>), whatever its length, and
/// nothing else is syntax: <c>AND</c>, <c>OR</c>, <c>NOT</c>, <c>*</c>, <c>NEAR(</c> and SQL are searched for as text.
/// Control characters count as spaces. Parsing never throws; a query that cannot run has a <see cref="Problem"/>.
/// </summary>
public sealed class SearchQuery
{
    /// <summary>The longest query accepted, in characters (UTF-16 code units) after trimming.</summary>
    public const int MaxLength = 200;

    /// <summary>The most terms a query may have.</summary>
    public const int MaxTerms = 10;

    private SearchQuery(string raw, IReadOnlyList<SearchTerm> terms, SearchQueryProblem? problem)
    {
        Raw = raw;
        Terms = terms;
        Problem = problem;
    }

    /// <summary>The query as typed (trimmed).</summary>
    public string Raw { get; }

    /// <summary>The terms, in the order typed, duplicates removed.</summary>
    public IReadOnlyList<SearchTerm> Terms { get; }

    /// <summary>Why the query cannot run; null when it can.</summary>
    public SearchQueryProblem? Problem { get; }

    /// <summary>The terms that must occur.</summary>
    public IEnumerable<SearchTerm> Required => Terms.Where(t => !t.Excluded);

    /// <summary>The terms that must not occur.</summary>
    public IEnumerable<SearchTerm> Excluded => Terms.Where(t => t.Excluded);

    /// <summary>Parses what a user typed (null is empty).</summary>
    public static SearchQuery Parse(string? input)
    {
        var raw = (input ?? "").Trim();
        if (raw.Length > MaxLength)
        {
            return new SearchQuery(raw[..MaxLength], [], SearchQueryProblem.TooLong);
        }

        var text = new StringBuilder(raw.Length);
        foreach (var c in raw)
        {
            text.Append(char.IsControl(c) ? ' ' : c == '＂' ? '"' : c);
        }

        var terms = new List<SearchTerm>();
        var s = text.ToString();
        var i = 0;
        while (i < s.Length)
        {
            if (char.IsWhiteSpace(s[i]))
            {
                i++;
                continue;
            }

            var excluded = false;
            if (s[i] == '-' && i + 1 < s.Length && !char.IsWhiteSpace(s[i + 1]))
            {
                excluded = true;
                i++;
            }

            string word;
            var phrase = s[i] == '"';
            if (phrase)
            {
                var close = s.IndexOf('"', i + 1);
                word = close < 0 ? s[(i + 1)..] : s[(i + 1)..close];
                i = close < 0 ? s.Length : close + 1;
            }
            else
            {
                var start = i;
                while (i < s.Length && !char.IsWhiteSpace(s[i]) && s[i] != '"')
                {
                    i++;
                }

                word = s[start..i];
            }

            var normalized = SearchText.Normalize(word);
            if (normalized.Trim().Length > 0 && !terms.Any(t => t.Text == normalized && t.Excluded == excluded))
            {
                terms.Add(new SearchTerm(normalized, excluded, phrase));
            }
        }

        SearchQueryProblem? problem = terms.Count == 0 ? SearchQueryProblem.Empty
            : terms.Count > MaxTerms ? SearchQueryProblem.TooManyTerms
            : terms.All(t => t.Excluded) ? SearchQueryProblem.OnlyExclusions
            : null;
        return new SearchQuery(raw, problem is null ? terms : [], problem);
    }

    /// <summary>
    /// A query of exactly one term, taken literally (no syntax at all): what an API client or a test uses to search for
    /// a string that contains quotes or a leading <c>-</c>. An empty or too long string gives a query with a
    /// <see cref="Problem"/>.
    /// </summary>
    public static SearchQuery Literal(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length > MaxLength)
        {
            return new SearchQuery(text[..MaxLength], [], SearchQueryProblem.TooLong);
        }

        var normalized = SearchText.Normalize(text);
        return normalized.Length == 0
            ? new SearchQuery(text, [], SearchQueryProblem.Empty)
            : new SearchQuery(text, [new SearchTerm(normalized, false, true)], null);
    }

    /// <summary>
    /// The FTS5 MATCH expression for the query: the terms' expressions (<see cref="SearchText.MatchExpression"/>)
    /// joined by AND, then each exclusion by NOT. Token strings are hexadecimal, so no user text reaches FTS5's syntax.
    /// </summary>
    /// <exception cref="InvalidOperationException">The query has a <see cref="Problem"/>.</exception>
    public string ToMatchExpression()
    {
        if (Problem is not null)
        {
            throw new InvalidOperationException($"the query cannot run: {Problem}");
        }

        var expression = string.Join(" AND ", Required.Select(t => "(" + SearchText.MatchExpression(t.Text) + ")"));
        foreach (var term in Excluded)
        {
            expression = "(" + expression + ") NOT (" + SearchText.MatchExpression(term.Text) + ")";
        }

        return expression;
    }
}
