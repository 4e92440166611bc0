using System.Net;
using System.Text;
using ResolutionArchive.Data.Search;

namespace ResolutionArchive.Web.Presentation;

/// <summary>Search snippets (docs/search.md §5) as the API sends them.</summary>
internal static class Snippets
{
    /// <summary>A snippet as HTML: each segment's text escaped, marked segments in <c>&lt;mark&gt;</c> (docs/search.md).</summary>
    public static string Html(IEnumerable<SnippetSegment> segments)
    {
        ArgumentNullException.ThrowIfNull(segments);
        var html = new StringBuilder();
        foreach (var segment in segments)
        {
            var escaped = WebUtility.HtmlEncode(segment.Text);
            html.Append(segment.Marked ? "<mark>" + escaped + "</mark>" : escaped);
        }

        return html.ToString();
    }
}
