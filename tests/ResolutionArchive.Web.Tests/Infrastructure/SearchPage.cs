using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ResolutionArchive.Data.Search;

namespace ResolutionArchive.Web.Tests.Infrastructure;

/// <summary>What the search tests read off a page or an API answer, and their shared assertions.</summary>
internal static partial class SearchPage
{
    /// <summary>The phrase of seed 000's title, found in several seeds.</summary>
    internal const string Cooperation = "合作共赢";

    internal static (int Total, int Resolutions) SearchSummary(IHtmlDocument document)
    {
        var text = document.QuerySelector(".search-summary")?.TextContent ?? throw new InvalidOperationException("no search summary on the page");
        if (text.Contains("没有找到", StringComparison.Ordinal))
        {
            return (0, 0);
        }

        var match = SummaryPattern().Match(text);
        match.Success.Should().BeTrue(text);
        return (int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture), int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture));
    }

    internal static List<string> FlatHrefs(IHtmlDocument document) =>
        [.. document.QuerySelectorAll("ol.search-results.flat > li.search-hit a.hit-label").Select(a => a.GetAttribute("href")!)];

    internal static List<string> Urls(IEnumerable<JsonElement> hits) => [.. hits.Select(h => h.GetProperty("url").GetString()!)];

    /// <summary>Every &lt;mark&gt; of a snippet is exactly one of the terms (compared in the normal form), and there is one.</summary>
    internal static void AssertMarks(IElement snippet, IReadOnlyCollection<string> terms)
    {
        var marks = snippet.QuerySelectorAll("mark").Select(m => m.TextContent).ToList();
        marks.Should().NotBeEmpty(snippet.TextContent);
        var folded = terms.Select(SearchOracle.Fold).ToList();
        foreach (var mark in marks)
        {
            // adjacent matches of different terms merge into one mark: it is then made of the terms
            var rest = SearchOracle.Fold(mark);
            while (rest.Length > 0)
            {
                var term = folded.Where(t => rest.StartsWith(t, StringComparison.Ordinal)).MaxBy(t => t.Length);
                term.Should().NotBeNull($"the mark “{mark}” is made of the searched terms {string.Join(", ", terms)}");
                rest = rest[term!.Length..];
            }
        }
    }

    internal static List<string> MarkTexts(string snippetHtml)
    {
        var body = SnippetBody(snippetHtml);
        return [.. body.QuerySelectorAll("mark").Select(e => e.TextContent)];
    }

    /// <summary>An HTML snippet parsed as the body of a document.</summary>
    internal static IElement SnippetBody(string snippetHtml)
    {
        var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument("<!DOCTYPE html><body>" + snippetHtml);
        return document.Body!;
    }

    internal static string AnchorOf(string href, string key)
    {
        href.Should().StartWith($"/resolutions/{key}#");
        return href[($"/resolutions/{key}#".Length)..];
    }

    /// <summary>A paragraph of up to 140 characters is shown whole; a longer one as a 140-character window with ellipses.</summary>
    internal static void AssertSnippetOf(string shown, string text)
    {
        if (text.Length <= SearchSnippet.Width)
        {
            shown.Should().Be(text);
            return;
        }

        var window = shown.TrimStart('…').TrimEnd('…');
        window.Length.Should().BeInRange(SearchSnippet.Width - 1, SearchSnippet.Width);
        text.Should().Contain(window);
        shown.StartsWith('…').Should().Be(!text.StartsWith(window, StringComparison.Ordinal));
        shown.EndsWith('…').Should().Be(!text.EndsWith(window, StringComparison.Ordinal));
    }

    internal static Dictionary<string, int> FacetCounts(IHtmlDocument document, string heading) =>
        document.QuerySelectorAll($"section[aria-labelledby={heading}] li a")
            .Select(a => Regex.Match(a.TextContent, "^(.+)（(\\d+)）$"))
            .ToDictionary(m => m.Groups[1].Value, m => int.Parse(m.Groups[2].Value, CultureInfo.InvariantCulture));

    [GeneratedRegex("找到 (\\d+) 个段落，分属 (\\d+) 项决议。")]
    private static partial Regex SummaryPattern();
}
