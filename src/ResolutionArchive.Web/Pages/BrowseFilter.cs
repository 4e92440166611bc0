using System.Globalization;
using Microsoft.Extensions.Localization;
using ResolutionArchive.Data.Entities;
using ResolutionArchive.Parsing.Syntax;
using ResolutionArchive.Web.Presentation;

namespace ResolutionArchive.Web.Pages;

/// <summary>The order of the home page's list (query parameter <c>sort</c>).</summary>
public enum BrowseSort
{
    /// <summary><c>date-desc</c> (the default): newest first, drafts last.</summary>
    DateDescending,

    /// <summary><c>date-asc</c>: oldest first, drafts last.</summary>
    DateAscending,

    /// <summary><c>number-asc</c>: by body, session, then number numerically (76/16 before 76/159).</summary>
    NumberAscending,

    /// <summary><c>number-desc</c>: the reverse (drafts still last within their session).</summary>
    NumberDescending,
}

/// <summary>
/// The home page's filters and order, each optional. <see cref="Read"/> reads them from the query's text, dropping
/// what it cannot read; <see cref="Href"/> writes them back in a fixed order, so a view's URL is stable to bookmark.
/// </summary>
/// <param name="Body">Only this body's records.</param>
/// <param name="Session">Only this session's records.</param>
/// <param name="Year">Only records adopted in this year (drafts have no adoption date).</param>
/// <param name="Mode">Only records adopted this way.</param>
/// <param name="Status">Only adopted resolutions, or only drafts.</param>
/// <param name="Sort">The order.</param>
public sealed record BrowseFilter(Body? Body, int? Session, int? Year, VoteMode? Mode, ResolutionStatus? Status, BrowseSort Sort)
{
    /// <summary>The earliest year accepted (the United Nations' founding).</summary>
    public const int MinYear = 1945;

    /// <summary>The latest year accepted.</summary>
    public const int MaxYear = 9998;

    /// <summary>No filter, the default order.</summary>
    public static BrowseFilter None { get; } = new(null, null, null, null, null, BrowseSort.DateDescending);

    /// <summary>The <c>mode</c> values and the modes they stand for.</summary>
    public static IReadOnlyList<(string Value, VoteMode Mode)> Modes { get; } =
        [("recorded", VoteMode.Recorded), ("without-vote", VoteMode.WithoutVote), ("not-stated", VoteMode.NotStated)];

    /// <summary>The <c>status</c> values and the statuses they stand for.</summary>
    public static IReadOnlyList<(string Value, ResolutionStatus Status)> Statuses { get; } =
        [("adopted", ResolutionStatus.Adopted), ("draft", ResolutionStatus.Draft)];

    /// <summary>The <c>sort</c> values, their orders and their labels.</summary>
    public static IReadOnlyList<(string Value, BrowseSort Sort, string Label)> Sorts { get; } =
    [
        ("date-desc", BrowseSort.DateDescending, "通过日期，最新在前"),
        ("date-asc", BrowseSort.DateAscending, "通过日期，最早在前"),
        ("number-asc", BrowseSort.NumberAscending, "编号，从小到大"),
        ("number-desc", BrowseSort.NumberDescending, "编号，从大到小"),
    ];

    /// <summary>True when any filter is set (the order is not a filter).</summary>
    public bool IsFiltered => Body is not null || Session is not null || Year is not null || Mode is not null || Status is not null;

    /// <summary>The <c>sort</c> value of <see cref="Sort"/>.</summary>
    public string SortValue => Sorts.First(s => s.Sort == Sort).Value;

    /// <summary>The caption's description of <see cref="Sort"/>.</summary>
    public string SortLabel => Sorts.First(s => s.Sort == Sort).Label;

    /// <summary>
    /// Reads the query parameters. Empty means absent. <c>body</c>, <c>mode</c>, <c>status</c> and <c>sort</c> are
    /// matched ignoring case; <c>session</c> is a whole number from 1, <c>year</c> one from <see cref="MinYear"/> to
    /// <see cref="MaxYear"/>. Anything else is left out of the filter, with a sentence saying so (through
    /// <paramref name="l"/> when given, docs/localization.md) added to
    /// <paramref name="ignored"/>.
    /// </summary>
    public static BrowseFilter Read(string? body, string? session, string? year, string? mode, string? status, string? sort, ICollection<string> ignored, IStringLocalizer? l = null)
    {
        Body? readBody = null;
        if (!string.IsNullOrEmpty(body))
        {
            if (string.Equals(body, "HRC", StringComparison.OrdinalIgnoreCase))
            {
                readBody = Parsing.Syntax.Body.HRC;
            }
            else if (string.Equals(body, "GA", StringComparison.OrdinalIgnoreCase))
            {
                readBody = Parsing.Syntax.Body.GA;
            }
            else
            {
                ignored.Add(l.Localize("机构“{0}”无法识别（可用 HRC 或 GA），已忽略。", Shorten(body)));
            }
        }

        int? readSession = null;
        if (!string.IsNullOrEmpty(session))
        {
            if (int.TryParse(session, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 1)
            {
                readSession = number;
            }
            else
            {
                ignored.Add(l.Localize("届会“{0}”不是有效的届会编号，已忽略。", Shorten(session)));
            }
        }

        int? readYear = null;
        if (!string.IsNullOrEmpty(year))
        {
            if (int.TryParse(year, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number is >= MinYear and <= MaxYear)
            {
                readYear = number;
            }
            else
            {
                ignored.Add(l.Localize("年份“{0}”不是 {1} 至 {2} 之间的年份，已忽略。", Shorten(year), MinYear, MaxYear));
            }
        }

        VoteMode? readMode = null;
        if (!string.IsNullOrEmpty(mode))
        {
            var match = Modes.Where(m => string.Equals(m.Value, mode, StringComparison.OrdinalIgnoreCase)).Select(m => (VoteMode?)m.Mode).FirstOrDefault();
            if (match is null)
            {
                ignored.Add(l.Localize("通过方式“{0}”无法识别（可用 recorded、without-vote 或 not-stated），已忽略。", Shorten(mode)));
            }

            readMode = match;
        }

        ResolutionStatus? readStatus = null;
        if (!string.IsNullOrEmpty(status))
        {
            var match = Statuses.Where(s => string.Equals(s.Value, status, StringComparison.OrdinalIgnoreCase)).Select(s => (ResolutionStatus?)s.Status).FirstOrDefault();
            if (match is null)
            {
                ignored.Add(l.Localize("状态“{0}”无法识别（可用 adopted 或 draft），已忽略。", Shorten(status)));
            }

            readStatus = match;
        }

        var readSort = BrowseSort.DateDescending;
        if (!string.IsNullOrEmpty(sort))
        {
            var match = Sorts.Where(s => string.Equals(s.Value, sort, StringComparison.OrdinalIgnoreCase)).Select(s => (BrowseSort?)s.Sort).FirstOrDefault();
            if (match is null)
            {
                ignored.Add(l.Localize("排序方式“{0}”无法识别，已忽略（按默认顺序：通过日期，最新在前）。", Shorten(sort)));
            }

            readSort = match ?? BrowseSort.DateDescending;
        }

        return new BrowseFilter(readBody, readSession, readYear, readMode, readStatus, readSort);
    }

    /// <summary>The records that pass every filter that is set (a query for the database; nothing is loaded).</summary>
    public IQueryable<ResolutionEntity> Apply(IQueryable<ResolutionEntity> query)
    {
        if (Body is { } body)
        {
            query = query.Where(r => r.Body == body);
        }

        if (Session is { } session)
        {
            query = query.Where(r => r.Session == session);
        }

        if (Year is { } year)
        {
            // A range on the column rather than a function of it: any provider translates it, and it can use the index.
            var from = new DateOnly(year, 1, 1);
            var until = new DateOnly(year + 1, 1, 1);
            query = query.Where(r => r.AdoptionDate >= from && r.AdoptionDate < until);
        }

        if (Mode is { } mode)
        {
            query = query.Where(r => r.VoteMode == mode);
        }

        if (Status is { } status)
        {
            query = query.Where(r => r.Status == status);
        }

        return query;
    }

    /// <summary>
    /// The URL of page <paramref name="page"/> of this view: <c>/</c> with the parameters that are set, in the order
    /// body, session, year, mode, status, sort (left out when it is the default), page (left out for page 1).
    /// </summary>
    public string Href(int page = 1)
    {
        var parameters = new List<string>();
        if (Body is { } body)
        {
            parameters.Add($"body={body}");
        }

        if (Session is { } session)
        {
            parameters.Add($"session={session.ToString(CultureInfo.InvariantCulture)}");
        }

        if (Year is { } year)
        {
            parameters.Add($"year={year.ToString(CultureInfo.InvariantCulture)}");
        }

        if (Mode is { } mode)
        {
            parameters.Add($"mode={Modes.First(m => m.Mode == mode).Value}");
        }

        if (Status is { } status)
        {
            parameters.Add($"status={Statuses.First(s => s.Status == status).Value}");
        }

        if (Sort != BrowseSort.DateDescending)
        {
            parameters.Add($"sort={SortValue}");
        }

        if (page > 1)
        {
            parameters.Add($"page={page.ToString(CultureInfo.InvariantCulture)}");
        }

        return parameters.Count == 0 ? "/" : "/?" + string.Join('&', parameters);
    }

    /// <summary>
    /// The filters that are set, each with its label (机构：大会, through <paramref name="l"/> when given) and the URL of
    /// this view without it.
    /// </summary>
    public IReadOnlyList<(string Label, string RemoveHref)> Active(IStringLocalizer? l = null)
    {
        var active = new List<(string, string)>();
        if (Body is { } body)
        {
            active.Add((l.Localize("机构：{0}", Presentation.Labels.Of(body, l)), (this with { Body = null }).Href()));
        }

        if (Session is { } session)
        {
            active.Add((l.Localize("届会：{0}", Presentation.Labels.Session(session, l)), (this with { Session = null }).Href()));
        }

        if (Year is { } year)
        {
            active.Add((l.Localize("通过年份：{0} 年", year.ToString(CultureInfo.InvariantCulture)), (this with { Year = null }).Href()));
        }

        if (Mode is { } mode)
        {
            active.Add((l.Localize("通过方式：{0}", Presentation.Labels.Of(mode, l)), (this with { Mode = null }).Href()));
        }

        if (Status is { } status)
        {
            active.Add((l.Localize("状态：{0}", Presentation.Labels.Of(status, l)), (this with { Status = null }).Href()));
        }

        return active;
    }

    private static string Shorten(string text) => text.Length > 40 ? text[..40] + "…" : text;
}
