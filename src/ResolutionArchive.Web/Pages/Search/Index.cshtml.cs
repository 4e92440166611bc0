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
