using System.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using ResolutionArchive.Data;
using ResolutionArchive.Data.Import;
using ResolutionArchive.Data.Lineage;
using ResolutionArchive.Data.Queries;
using ResolutionArchive.Parsing.Syntax;
using ResolutionArchive.Web.Presentation;

namespace ResolutionArchive.Web.Pages.Compare;

/// <summary>
/// The compare view <c>/compare/{A}/{B}</c> (docs/lineage.md §4): the paragraphs of two records aligned section by
/// section (<see cref="ParagraphAlignment"/>), each row marked identical, changed, moved, added or removed, changed and
/// moved pairs with their character-level diff. Both keys are in the path
/// (<c>/compare/A/HRC/RES/37/23/A/HRC/RES/46/13</c>); numbers that each name one record
/// (<c>/compare/37/23/46/13</c>) answer 301 to the keys. Anything else is a 404, never a 500.
/// </summary>
public sealed class IndexModel(ArchiveDbContext db) : PageModel
{
    /// <summary>The longest path read (two keys are far shorter); a longer one is a 404 without a query.</summary>
    public const int MaxPathLength = 500;

    /// <summary>The most slashes a path may have (each key has at most a few); more is a 404 without a query.</summary>
    public const int MaxSlashes = 16;

    /// <summary>The path after <c>/compare/</c>, as routed (percent-decoded, <c>%2F</c> kept).</summary>
    [BindProperty(SupportsGet = true)]
    public string? Path { get; set; }

    /// <summary>The older text (left column).</summary>
    public ParsedResolution A { get; private set; } = null!;

    /// <summary>The newer text (right column).</summary>
    public ParsedResolution B { get; private set; } = null!;

    /// <summary>A's record key.</summary>
    public string KeyA { get; private set; } = "";

    /// <summary>B's record key.</summary>
    public string KeyB { get; private set; } = "";

    /// <summary>The aligned sections: the preamble, then the operative part with its sub-paragraphs.</summary>
    internal IReadOnlyList<CompareSection> Sections { get; private set; } = [];

    /// <summary>Server time of the lookup and the alignment (not the rendering), in milliseconds.</summary>
    public double ElapsedMilliseconds { get; private set; }

    /// <summary>
    /// Who switched (docs/voting.md §10): the states whose position differs from A's recorded vote to B's; null unless
    /// both were adopted by a recorded vote.
    /// </summary>
    public IReadOnlyList<Data.Voting.VoteChange>? VoteChanges { get; private set; }

    /// <summary>Resolves the two keys (or numbers, redirected), loads both records and aligns them.</summary>
    public async Task<IActionResult> OnGetAsync(CancellationToken cancellationToken)
    {
        var stopwatch = Stopwatch.StartNew();
        var path = (Path ?? "").Trim('/');
        if (path.Length == 0 || path.Length > MaxPathLength || path.Count(c => c == '/') > MaxSlashes
            || path.Any(c => char.IsControl(c) || char.IsSurrogate(c)))
        {
            return NotFound();
        }

        var splits = new List<(string Left, string Right)>();
        for (var i = path.IndexOf('/', StringComparison.Ordinal); i >= 0; i = path.IndexOf('/', i + 1))
        {
            if (i > 0 && i < path.Length - 1)
            {
                splits.Add((path[..i], path[(i + 1)..]));
            }
        }

        if (splits.Count == 0)
        {
            return NotFound();
        }

        // One query finds which halves are stored keys.
        var halves = splits.SelectMany(s => new[] { s.Left, s.Right }).Distinct(StringComparer.Ordinal).ToList();
        var keys = (await db.Resolutions.AsNoTracking().Where(r => halves.Contains(r.Key)).Select(r => r.Key).ToListAsync(cancellationToken))
            .ToHashSet(StringComparer.Ordinal);
        var byKeys = splits.FirstOrDefault(s => keys.Contains(s.Left) && keys.Contains(s.Right));
        if (byKeys == default)
        {
            // Numbers (or symbols) that name exactly one record each: the canonical URL, by its keys.
            var resolved = new Dictionary<string, string?>(StringComparer.Ordinal);
            var found = new HashSet<(string, string)>();
            foreach (var (left, right) in splits)
            {
                if (await ResolveAsync(left) is { } keyA && await ResolveAsync(right) is { } keyB)
                {
                    found.Add((keyA, keyB));
                }
            }

            return found.Count == 1 ? RedirectPermanent(ArchiveUrls.Compare(found.First().Item1, found.First().Item2) + Request.QueryString) : NotFound();

            async Task<string?> ResolveAsync(string half)
            {
                if (keys.Contains(half))
                {
                    return half;
                }

                if (!resolved.TryGetValue(half, out var key))
                {
                    key = resolved[half] = await ResolutionLookup.KeysMatchingAsync(db, half, cancellationToken) is [var only] ? only : null;
                }

                return key;
            }
        }

        var entityA = await ResolutionLookup.FindByKeyAsync(db, byKeys.Left, cancellationToken);
        var entityB = await ResolutionLookup.FindByKeyAsync(db, byKeys.Right, cancellationToken);
        if (entityA is null || entityB is null)
        {
            return NotFound(); // deleted between the two queries
        }

        (KeyA, KeyB) = (entityA.Key, entityB.Key);
        (A, B) = (ResolutionMapper.ToModel(entityA), ResolutionMapper.ToModel(entityB));
        Sections =
        [
            new CompareSection("preamble", ParagraphAlignment.Align(ParagraphAlignment.PreambleOf(A), ParagraphAlignment.PreambleOf(B)), Numbered: false),
            new CompareSection("operative", ParagraphAlignment.Align(ParagraphAlignment.OperativeOf(A), ParagraphAlignment.OperativeOf(B)), Numbered: true),
        ];
        if (A.Vote.Mode == VoteMode.Recorded && B.Vote.Mode == VoteMode.Recorded)
        {
            VoteChanges = Data.Voting.VoteChanges.Between(Data.Voting.VoteChanges.PositionsOf(A.Vote), Data.Voting.VoteChanges.PositionsOf(B.Vote));
        }

        ElapsedMilliseconds = stopwatch.Elapsed.TotalMilliseconds;
        return Page();
    }

    /// <summary>How a record is named in the header and the columns: its symbol, else its number (a draft).</summary>
    public static string Label(ParsedResolution resolution)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        return resolution.Symbol ?? resolution.Number;
    }

    /// <summary>
    /// How a paragraph is named: by its printed number (<c>7</c> → 第 7 段, <c>7 (a)</c> → 第 7 段 (a) 项), else by its
    /// anchor (<c>pp3</c> → 序言部分第 3 段); any other anchor as it is.
    /// </summary>
    public static string ParagraphLabel(AlignmentParagraph paragraph, IStringLocalizer? l = null)
    {
        ArgumentNullException.ThrowIfNull(paragraph);
        if (paragraph.Number is { } number)
        {
            var parts = number.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            return l.Localize("第 {0} 段", parts[0]) + string.Concat(parts.Skip(1).Select(p => l.Localize(" ({0}) 项", p.Trim('(', ')'))));
        }

        return Anchor.Parse(paragraph.Anchor) is { Part: null, Kind: AnchorKind.Preamble, Number: var preamble } && int.TryParse(preamble, out var n)
            ? l.Localize("序言部分第 {0} 段", n)
            : paragraph.Anchor;
    }

    /// <summary>The kind as a word: 相同, 修改, 移动, 新增, 删除.</summary>
    public static string KindWord(AlignmentKind kind, IStringLocalizer? l = null) => l.Localize(kind switch
    {
        AlignmentKind.Identical => "相同",
        AlignmentKind.Changed => "修改",
        AlignmentKind.Moved => "移动",
        AlignmentKind.Added => "新增",
        _ => "删除",
    });

    /// <summary>The kind as a symbol (shown beside the word, never alone): ＝ ≠ ↕ ＋ －.</summary>
    public static string KindSymbol(AlignmentKind kind) => kind switch
    {
        AlignmentKind.Identical => "＝",
        AlignmentKind.Changed => "≠",
        AlignmentKind.Moved => "↕",
        AlignmentKind.Added => "＋",
        _ => "－",
    };

    /// <summary>The kind as a CSS class and <c>data-kind</c> value: identical, changed, moved, added, removed.</summary>
    public static string KindName(AlignmentKind kind) => kind.ToString().ToLowerInvariant();

    /// <summary>
    /// The summary line of a section: 序言部分：相同 4，修改 7，移动 1，新增 5，删除 3, and for the operative part also
    /// 编号改变 3 (identical or changed paragraphs whose printed number changed).
    /// </summary>
    internal static string Summary(CompareSection section, IStringLocalizer? l = null)
    {
        ArgumentNullException.ThrowIfNull(section);
        var line = l.Localize(
            "{0}：相同 {1}，修改 {2}，移动 {3}，新增 {4}，删除 {5}",
            SectionTitle(section, l),
            section.Count(AlignmentKind.Identical),
            section.Count(AlignmentKind.Changed),
            section.Count(AlignmentKind.Moved),
            section.Count(AlignmentKind.Added),
            section.Count(AlignmentKind.Removed));
        return section.Numbered ? line + l.Localize("，编号改变 {0}", section.Rows.Count(r => r.Renumbered)) : line;
    }

    /// <summary>序言部分 or 执行部分.</summary>
    internal static string SectionTitle(CompareSection section, IStringLocalizer? l = null)
    {
        ArgumentNullException.ThrowIfNull(section);
        return l.Localize(section.Id == "preamble" ? "序言部分" : "执行部分");
    }
}

/// <summary>One aligned section of the compare view.</summary>
/// <param name="Id">The section's id on the page: <c>preamble</c> or <c>operative</c>.</param>
/// <param name="Rows">The rows in reading order.</param>
/// <param name="Numbered">True for the operative part, whose paragraphs have printed numbers.</param>
internal sealed record CompareSection(string Id, IReadOnlyList<AlignmentRow> Rows, bool Numbered)
{
    /// <summary>The number of rows of <paramref name="kind"/>.</summary>
    public int Count(AlignmentKind kind) => Rows.Count(r => r.Kind == kind);
}

/// <summary>One cell of a compare row: a paragraph of A or of B, rendered by the partial <c>_Side</c>.</summary>
/// <param name="Paragraph">The paragraph, or null (the row has none on this side).</param>
/// <param name="PageUrl">The record's page, to which the paragraph's label links (<c>#op3</c>).</param>
/// <param name="Diff">The row's diff (empty for identical, added and removed rows).</param>
/// <param name="Marked">What this side marks: <see cref="DiffKind.Deleted"/> for A, <see cref="DiffKind.Inserted"/> for B.</param>
/// <param name="Prefix">The cell's id prefix: <c>a</c> or <c>b</c> (<c>a-op3</c>, <c>b-op4</c>).</param>
internal sealed record CompareSide(AlignmentParagraph? Paragraph, string PageUrl, IReadOnlyList<DiffSegment> Diff, DiffKind Marked, string Prefix);
