using System.Diagnostics;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using ResolutionArchive.Data;
using ResolutionArchive.Data.Entities;
using ResolutionArchive.Data.Search;
using ResolutionArchive.Web.Presentation;

namespace ResolutionArchive.Web.Pages.Search;

/// <summary>
/// The search page <c>/search</c> (docs/search.md): full-text search over every preamble clause, operative paragraph,
/// sub-paragraph, annex block and footnote, with the query language and filters of <see cref="SearchParameters"/>,
/// results grouped by resolution (or flat), ranked by relevance, snippets with the matches marked, facets with counts
/// and paging. Without <c>q</c> it shows the form and the syntax. A query that cannot run (too long, too many terms,
/// only exclusions) answers 400 with the page and the reason; unreadable filters are ignored and listed. Never a 500.
/// </summary>
public sealed class IndexModel(ArchiveDbContext db, ArchiveSearch search, IStringLocalizer<SharedResource> localizer) : PageModel
{
    /// <summary>Resolutions (grouped) or paragraphs (flat) per page.</summary>
    public const int PageSize = 20;

    /// <summary>The parameters read.</summary>
    internal SearchParameters Parameters { get; private set; } = SearchParameters.Read(_ => null, []);

    /// <summary>Parameters that were ignored, each with the reason.</summary>
    public IReadOnlyList<string> Ignored { get; private set; } = [];

    /// <summary>Why the query could not run, when it could not (null for an empty query too: that shows the form).</summary>
    public string? Problem { get; private set; }

    /// <summary>The results; null when no search ran.</summary>
    public SearchResults? Results { get; private set; }

    /// <summary>
    /// The query as shown in the box, the title and the summary: <see cref="SearchQuery.Raw"/> with control characters
    /// as spaces (which they mean in a query; HTML has no way to write most of them) and a surrogate without its pair
    /// (a query cut at <see cref="SearchQuery.MaxLength"/>, or sent broken) as U+FFFD.
    /// </summary>
    public string QueryText => Displayable(Parameters.Query.Raw);

    /// <summary>
    /// For a search that found nothing (issue 17: the page offered nothing): how many paragraphs the same query finds
    /// without the filters, when filters were set and it finds some; else null.
    /// </summary>
    public int? WithoutFilters { get; private set; }

    /// <summary>
    /// For a search that found nothing: nearby queries that find something, each with its count of paragraphs, most
    /// first, at most four (<see cref="NearbyQueries"/>).
    /// </summary>
    public IReadOnlyList<(string Query, int Count)> Suggestions { get; private set; } = [];

    /// <summary>Server time of the search, in milliseconds.</summary>
    public double ElapsedMilliseconds { get; private set; }

    /// <summary>Runs the search given by the query string.</summary>
    public async Task OnGetAsync(CancellationToken cancellationToken)
    {
        // A parameter given twice (q=a&q=b, which no form sends) is read from its first value, and said so.
        var ignored = SearchParameters.Repeated(Request.Query).Select(name => localizer.Localize("参数“{0}”出现了不止一次，只用了第一个值。", name)).ToList();
        Parameters = SearchParameters.Read(name => SearchParameters.First(Request.Query, name), ignored, localizer);
        Ignored = ignored;
        var query = Parameters.Query;
        if (query.Problem is { } problem)
        {
            if (problem != SearchQueryProblem.Empty || query.Raw.Length > 0)
            {
                Problem = Message(problem, localizer);
                Response.StatusCode = StatusCodes.Status400BadRequest;
            }

            return;
        }

        var watch = Stopwatch.StartNew();
        Results = await search.SearchAsync(db, new SearchRequest(query, Parameters.Filters, Parameters.Layout, Parameters.Page, PageSize), cancellationToken);
        ElapsedMilliseconds = watch.Elapsed.TotalMilliseconds;
        if (Results.Total == 0)
        {
            await SuggestAsync(query, cancellationToken);
        }
    }

    /// <summary>Fills <see cref="WithoutFilters"/> and <see cref="Suggestions"/> for a query that found nothing.</summary>
    private async Task SuggestAsync(SearchQuery query, CancellationToken cancellationToken)
    {
        async Task<int> CountAsync(SearchQuery q, SearchFilters filters) =>
            (await search.SearchAsync(db, new SearchRequest(q, filters, SearchLayout.Flat, 1, 1), cancellationToken)).Total;

        if (Parameters.Filters != new SearchFilters() && await CountAsync(query, new SearchFilters()) is > 0 and var all)
        {
            WithoutFilters = all;
            return; // the words are in the archive: the filters are what to change
        }

        var found = new List<(string, int)>();
        foreach (var candidate in NearbyQueries(query.Raw))
        {
            var parsed = SearchQuery.Parse(candidate);
            if (parsed.Problem is null && await CountAsync(parsed, new SearchFilters()) is > 0 and var count)
            {
                found.Add((candidate, count));
            }
        }

        Suggestions = [.. found.OrderByDescending(f => f.Item2).ThenBy(f => f.Item1, StringComparer.Ordinal).Take(4)];
    }

    /// <summary>
    /// Queries near <paramref name="raw"/> to try when it finds nothing: each of its words when it has several (a
    /// phrase whose words are all in the archive but never together); for one word of three characters or more, the
    /// word without its first or its last character and its two halves — Chinese writes compounds without spaces, so
    /// 单方面强制措施 (no match) is near 单方面强制 and 强制措施. Candidates shorter than two characters, the query
    /// itself and repeats are left out; quotes and operators are dropped.
    /// </summary>
    public static IReadOnlyList<string> NearbyQueries(string raw)
    {
        ArgumentNullException.ThrowIfNull(raw);
        var words = raw.Replace("\"", " ", StringComparison.Ordinal).Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)
            .Where(w => w is not ("AND" or "OR" or "NOT")).ToList();
        var candidates = new List<string>();
        if (words.Count > 1)
        {
            candidates.AddRange(words);
        }
        else if (words.Count == 1 && new System.Globalization.StringInfo(words[0]).LengthInTextElements >= 3)
        {
            var text = new System.Globalization.StringInfo(words[0]);
            var n = text.LengthInTextElements;
            candidates.Add(text.SubstringByTextElements(1));
            candidates.Add(text.SubstringByTextElements(0, n - 1));
            if (n >= 4)
            {
                candidates.Add(text.SubstringByTextElements(0, n / 2));
                candidates.Add(text.SubstringByTextElements(n / 2));
            }
        }

        return [.. candidates.Where(c => c.Length >= 2 && c != raw.Trim()).Distinct(StringComparer.Ordinal)];
    }

    /// <summary><paramref name="text"/> with control characters as spaces and unpaired surrogates as U+FFFD.</summary>
    public static string Displayable(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var builder = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                builder.Append(c).Append(text[++i]);
            }
            else
            {
                builder.Append(char.IsSurrogate(c) ? '\uFFFD' : char.IsControl(c) ? ' ' : c);
            }
        }

        return builder.ToString();
    }

    /// <summary>The sentence that explains a query problem (shared with the API).</summary>
    public static string Message(SearchQueryProblem problem, IStringLocalizer? l = null) => problem switch
    {
        SearchQueryProblem.TooLong => l.Localize("搜索词太长：最多 {0} 个字符。", SearchQuery.MaxLength),
        SearchQueryProblem.TooManyTerms => l.Localize("搜索词太多：最多 {0} 个。", SearchQuery.MaxTerms),
        SearchQueryProblem.OnlyExclusions => l.Localize("请至少输入一个要查找的词；以“-”开头的词只用于排除。"),
        _ => l.Localize("请输入要查找的词。"),
    };

    /// <summary>How a hit is labelled: 序言部分第 3 段, 执行部分第 7 段, 执行部分第 7 段(a), 脚注 4, 附件.</summary>
    public static string KindLabel(SearchHit hit, IStringLocalizer? l = null) => hit.Kind switch
    {
        SearchEntryKind.Preamble => l.Localize("序言部分第 {0} 段", hit.Label ?? ""),
        SearchEntryKind.Operative when hit.Label is { } number => l.Localize("执行部分第 {0} 段", number),
        SearchEntryKind.Operative => l.Localize("执行部分"),
        SearchEntryKind.SubParagraph => l.Localize("执行部分第 {0} 段{1}", ParentNumber(hit.Anchor), hit.Label ?? ""),
        SearchEntryKind.Footnote => l.Localize("脚注 {0}", hit.Label ?? ""),
        _ => l.Localize("附件"),
    };

    /// <summary>The number of the operative paragraph a sub-paragraph belongs to: <c>op7-a-ii</c> → <c>7</c>.</summary>
    public static string ParentNumber(string anchor)
    {
        ArgumentNullException.ThrowIfNull(anchor);
        return Parsing.Syntax.Anchor.Parse(anchor) is { Kind: Parsing.Syntax.AnchorKind.Operative, Number: { } number } ? number : anchor.Split('-')[0];
    }

    /// <summary>The name of a kind facet value.</summary>
    public static string KindName(string value, IStringLocalizer? l = null) => value switch
    {
        nameof(SearchKindFilter.Preamble) => l.Localize("序言部分"),
        nameof(SearchKindFilter.Operative) => l.Localize("执行部分"),
        nameof(SearchKindFilter.Footnote) => l.Localize("脚注"),
        _ => l.Localize("附件"),
    };
}
