using System.Globalization;
using System.Text;
using Microsoft.Extensions.Localization;
using ResolutionArchive.Data.Search;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Web.Presentation;

/// <summary>
/// The query parameters of a search, shared by the page <c>/search</c> and the API <c>/api/search</c>
/// (docs/search.md §4): <c>q</c>, <c>body</c> (<c>HRC</c>, <c>GA</c>), <c>session-from</c>, <c>session-to</c>,
/// <c>year-from</c>, <c>year-to</c>, <c>kind</c> (<c>preamble</c>, <c>operative</c>, <c>footnote</c>, <c>annex</c>),
/// <c>mode</c> (<c>recorded</c>, <c>without-vote</c>, <c>not-stated</c>), <c>verb</c>, <c>resolution</c> (a record's
/// key), <c>view</c> (<c>grouped</c>, <c>flat</c>) and <c>page</c>. <see cref="Read"/> never throws: a value it cannot
/// read is left out and described in a sentence (the page shows them; the API answers 400 with them).
/// </summary>
/// <param name="Query">The parsed <c>q</c>.</param>
/// <param name="Filters">The filters read.</param>
/// <param name="Layout">Grouped (default) or flat.</param>
/// <param name="Page">The page asked for (1 when absent or unreadable).</param>
internal sealed record SearchParameters(SearchQuery Query, SearchFilters Filters, SearchLayout Layout, int Page)
{
    /// <summary>The longest verb accepted as a filter, in characters.</summary>
    public const int MaxVerbLength = 20;

    /// <summary>The values of <c>kind</c>.</summary>
    public static IReadOnlyList<(string Value, SearchKindFilter Kind)> Kinds { get; } =
        [("preamble", SearchKindFilter.Preamble), ("operative", SearchKindFilter.Operative), ("footnote", SearchKindFilter.Footnote), ("annex", SearchKindFilter.Annex)];

    /// <summary>The values of <c>view</c>.</summary>
    public static IReadOnlyList<(string Value, SearchLayout Layout)> Layouts { get; } =
        [("grouped", SearchLayout.Grouped), ("flat", SearchLayout.Flat)];

    /// <summary>The names of the parameters <see cref="Read"/> reads.</summary>
    public static IReadOnlyList<string> Names { get; } =
        ["q", "body", "session-from", "session-to", "year-from", "year-to", "kind", "mode", "verb", "resolution", "view", "page"];

    /// <summary>The first value of <paramref name="name"/> in <paramref name="query"/>; null when absent.</summary>
    public static string? First(IQueryCollection query, string name)
    {
        ArgumentNullException.ThrowIfNull(query);
        return query.TryGetValue(name, out var values) && values.Count > 0 ? values[0] : null;
    }

    /// <summary>
    /// The names among <paramref name="names"/> (default <see cref="Names"/>) given more than once in
    /// <paramref name="query"/>: <c>q=a&amp;q=b</c> is not read as <c>a,b</c>.
    /// </summary>
    public static IReadOnlyList<string> Repeated(IQueryCollection query, IEnumerable<string>? names = null)
    {
        ArgumentNullException.ThrowIfNull(query);
        return [.. (names ?? Names).Where(n => query.TryGetValue(n, out var values) && values.Count > 1)];
    }

    /// <summary>
    /// Reads the parameters from <paramref name="get"/> (name → value, null when absent). Each value that cannot be read
    /// is described in <paramref name="ignored"/> and its name added to <paramref name="invalid"/> (when given).
    /// </summary>
    public static SearchParameters Read(Func<string, string?> get, ICollection<string> ignored, IStringLocalizer? l = null, ICollection<string>? invalid = null)
    {
        ArgumentNullException.ThrowIfNull(get);
        ArgumentNullException.ThrowIfNull(ignored);
        void Ignore(string name, string message)
        {
            ignored.Add(message);
            invalid?.Add(name);
        }

        var query = SearchQuery.Parse(get("q"));
        var filters = new SearchFilters();

        var body = get("body");
        if (!string.IsNullOrEmpty(body))
        {
            if (string.Equals(body, "HRC", StringComparison.OrdinalIgnoreCase))
            {
                filters = filters with { Body = Body.HRC };
            }
            else if (string.Equals(body, "GA", StringComparison.OrdinalIgnoreCase))
            {
                filters = filters with { Body = Body.GA };
            }
            else
            {
                Ignore("body", l.Localize("机构“{0}”无法识别（可用 HRC 或 GA），已忽略。", Shorten(body)));
            }
        }

        int? Number(string name, int min, int max, string message)
        {
            var text = get(name);
            if (string.IsNullOrEmpty(text))
            {
                return null;
            }

            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value >= min && value <= max)
            {
                return value;
            }

            Ignore(name, l.Localize(message, Shorten(text), min, max));
            return null;
        }

        filters = filters with
        {
            SessionFrom = Number("session-from", 1, 999, "届会“{0}”不是 {1} 至 {2} 之间的届会编号，已忽略。"),
            SessionTo = Number("session-to", 1, 999, "届会“{0}”不是 {1} 至 {2} 之间的届会编号，已忽略。"),
            YearFrom = Number("year-from", 1945, 9998, "年份“{0}”不是 {1} 至 {2} 之间的年份，已忽略。"),
            YearTo = Number("year-to", 1945, 9998, "年份“{0}”不是 {1} 至 {2} 之间的年份，已忽略。"),
        };

        var kind = get("kind");
        if (!string.IsNullOrEmpty(kind))
        {
            var match = Kinds.Where(k => string.Equals(k.Value, kind, StringComparison.OrdinalIgnoreCase)).Select(k => (SearchKindFilter?)k.Kind).FirstOrDefault();
            if (match is null)
            {
                Ignore("kind", l.Localize("段落类型“{0}”无法识别（可用 preamble、operative、footnote 或 annex），已忽略。", Shorten(kind)));
            }

            filters = filters with { Kind = match };
        }

        var mode = get("mode");
        if (!string.IsNullOrEmpty(mode))
        {
            var match = Pages.BrowseFilter.Modes.Where(m => string.Equals(m.Value, mode, StringComparison.OrdinalIgnoreCase)).Select(m => (VoteMode?)m.Mode).FirstOrDefault();
            if (match is null)
            {
                Ignore("mode", l.Localize("通过方式“{0}”无法识别（可用 recorded、without-vote 或 not-stated），已忽略。", Shorten(mode)));
            }

            filters = filters with { Mode = match };
        }

        var verb = get("verb");
        if (!string.IsNullOrEmpty(verb))
        {
            if (verb.Length <= MaxVerbLength && !verb.Any(char.IsControl))
            {
                filters = filters with { Verb = verb };
            }
            else
            {
                Ignore("verb", l.Localize("执行部分动词“{0}”无效，已忽略。", Shorten(verb)));
            }
        }

        var resolution = get("resolution");
        if (!string.IsNullOrEmpty(resolution))
        {
            if (resolution.Length <= 100 && !resolution.Any(char.IsControl))
            {
                filters = filters with { Key = resolution };
            }
            else
            {
                Ignore("resolution", l.Localize("决议“{0}”无效，已忽略。", Shorten(resolution)));
            }
        }

        var layout = SearchLayout.Grouped;
        var view = get("view");
        if (!string.IsNullOrEmpty(view))
        {
            var match = Layouts.Where(v => string.Equals(v.Value, view, StringComparison.OrdinalIgnoreCase)).Select(v => (SearchLayout?)v.Layout).FirstOrDefault();
            if (match is null)
            {
                Ignore("view", l.Localize("显示方式“{0}”无法识别（可用 grouped 或 flat），已忽略。", Shorten(view)));
            }

            layout = match ?? SearchLayout.Grouped;
        }

        var page = 1;
        var pageText = get("page");
        if (!string.IsNullOrEmpty(pageText))
        {
            if (int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1)
            {
                page = number;
            }
            else
            {
                Ignore("page", l.Localize("页码“{0}”无效，已显示第 1 页。", Shorten(pageText)));
            }
        }

        return new SearchParameters(query, filters, layout, page);
    }

    /// <summary>The value of <c>kind</c> for a filter.</summary>
    public static string ValueOf(SearchKindFilter kind) => Kinds.First(k => k.Kind == kind).Value;

    /// <summary>The value of <c>mode</c> for an adoption mode.</summary>
    public static string ValueOf(VoteMode mode) => Pages.BrowseFilter.Modes.First(m => m.Mode == mode).Value;

    /// <summary>
    /// The URL of this search at <paramref name="path"/>, with <paramref name="filters"/>, <paramref name="layout"/> or
    /// <paramref name="page"/> changed when given — in a fixed order, empty values left out, so a result page is a URL to
    /// bookmark and share. <c>page</c> is dropped unless given.
    /// </summary>
    public string Href(string path = "/search", SearchFilters? filters = null, SearchLayout? layout = null, int? page = null)
    {
        var f = filters ?? Filters;
        var parts = new List<(string, string?)>
        {
            ("q", Query.Raw),
            ("body", f.Body?.ToString()),
            ("session-from", f.SessionFrom?.ToString(CultureInfo.InvariantCulture)),
            ("session-to", f.SessionTo?.ToString(CultureInfo.InvariantCulture)),
            ("year-from", f.YearFrom?.ToString(CultureInfo.InvariantCulture)),
            ("year-to", f.YearTo?.ToString(CultureInfo.InvariantCulture)),
            ("kind", f.Kind is { } k ? ValueOf(k) : null),
            ("mode", f.Mode is { } m ? ValueOf(m) : null),
            ("verb", f.Verb),
            ("resolution", f.Key),
            ("view", (layout ?? Layout) == SearchLayout.Flat ? "flat" : null),
            ("page", page is > 1 ? page.Value.ToString(CultureInfo.InvariantCulture) : null),
        };
        var builder = new StringBuilder(path);
        var first = true;
        foreach (var (name, value) in parts)
        {
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            builder.Append(first ? '?' : '&').Append(name).Append('=').Append(Uri.EscapeDataString(value));
            first = false;
        }

        return builder.ToString();
    }

    /// <summary>A value as quoted in a message: at most 40 characters, control characters shown as U+FFFD.</summary>
    public static string Shorten(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var cleaned = new string([.. value.Select(c => char.IsControl(c) ? '\uFFFD' : c)]);
        return cleaned.Length <= 40 ? cleaned : cleaned[..40] + "…";
    }
}
