using ResolutionArchive.Data.Entities;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Data.Search;

/// <summary>The "clause kind" filter of a search (docs/search.md §4).</summary>
public enum SearchKindFilter
{
    /// <summary>Preambular paragraphs.</summary>
    Preamble,

    /// <summary>Operative paragraphs and their sub-paragraphs.</summary>
    Operative,

    /// <summary>Footnotes.</summary>
    Footnote,

    /// <summary>Blocks of annexes.</summary>
    Annex,
}

/// <summary>How results are laid out.</summary>
public enum SearchLayout
{
    /// <summary>One group per resolution, ranked by its best paragraph, the best matches under it (the default).</summary>
    Grouped,

    /// <summary>One row per paragraph, ranked.</summary>
    Flat,
}

/// <summary>Filters of a search; null means "any". Ranges are inclusive.</summary>
public sealed record SearchFilters
{
    /// <summary>The adopting body.</summary>
    public Body? Body { get; init; }

    /// <summary>Lowest session.</summary>
    public int? SessionFrom { get; init; }

    /// <summary>Highest session.</summary>
    public int? SessionTo { get; init; }

    /// <summary>Earliest adoption year (records without a date are left out when a year is given).</summary>
    public int? YearFrom { get; init; }

    /// <summary>Latest adoption year.</summary>
    public int? YearTo { get; init; }

    /// <summary>Clause kind.</summary>
    public SearchKindFilter? Kind { get; init; }

    /// <summary>Adoption mode (recorded vote, without a vote…).</summary>
    public VoteMode? Mode { get; init; }

    /// <summary>Leading operative verb (docs/input-formats.md §9), compared exactly.</summary>
    public string? Verb { get; init; }

    /// <summary>Only this record (its key): "all matches in this resolution".</summary>
    public string? Key { get; init; }
}

/// <summary>A search to run.</summary>
/// <param name="Query">The parsed query; it must have no <see cref="SearchQuery.Problem"/>.</param>
/// <param name="Filters">Filters.</param>
/// <param name="Layout">Grouped by resolution or flat.</param>
/// <param name="Page">1-based page (clamped to the last page).</param>
/// <param name="PageSize">Groups (grouped) or paragraphs (flat) per page, 1–100.</param>
/// <param name="HitsPerGroup">Matching paragraphs shown under each resolution when grouped.</param>
public sealed record SearchRequest(SearchQuery Query, SearchFilters Filters, SearchLayout Layout = SearchLayout.Grouped, int Page = 1, int PageSize = 20, int HitsPerGroup = 3);

/// <summary>The resolution a hit belongs to.</summary>
/// <param name="Key">Its key (the web links it to <c>/resolutions/{key}</c>).</param>
/// <param name="Symbol">Document symbol; null for a draft.</param>
/// <param name="Number">Number as printed.</param>
/// <param name="Title">Title.</param>
/// <param name="Body">Adopting body.</param>
/// <param name="Session">Session.</param>
/// <param name="AdoptionDate">Adoption date.</param>
/// <param name="Mode">Adoption mode.</param>
/// <param name="YesCount">In favour, for a recorded vote; else null.</param>
/// <param name="NoCount">Against, for a recorded vote; else null.</param>
/// <param name="AbstainCount">Abstaining, for a recorded vote; else null.</param>
public sealed record SearchResolution(string Key, string? Symbol, string Number, string Title, Body Body, int? Session, DateOnly? AdoptionDate, VoteMode Mode,
    int? YesCount = null, int? NoCount = null, int? AbstainCount = null);

/// <summary>One matching paragraph or footnote.</summary>
/// <param name="Resolution">Its resolution.</param>
/// <param name="Kind">Preamble, operative, sub-paragraph, annex block or footnote.</param>
/// <param name="Anchor">Its anchor on the page.</param>
/// <param name="Label">Its number, label or marker (see <see cref="SearchEntryEntity.Label"/>).</param>
/// <param name="Verb">Its leading operative verb, for an operative paragraph.</param>
/// <param name="Score">FTS5's bm25 score: lower is more relevant.</param>
/// <param name="Snippet">The snippet, matches marked.</param>
public sealed record SearchHit(SearchResolution Resolution, SearchEntryKind Kind, string Anchor, string? Label, string? Verb, double Score, IReadOnlyList<SnippetSegment> Snippet);

/// <summary>A resolution with matches.</summary>
/// <param name="Resolution">The resolution.</param>
/// <param name="MatchCount">How many of its paragraphs and footnotes match.</param>
/// <param name="Hits">The best <see cref="SearchRequest.HitsPerGroup"/> of them, in document order.</param>
public sealed record SearchGroup(SearchResolution Resolution, int MatchCount, IReadOnlyList<SearchHit> Hits);

/// <summary>A facet value and how many matching paragraphs have it.</summary>
/// <param name="Value">The value (a verb, a kind name, a body name).</param>
/// <param name="Count">Matching paragraphs with it, under the other filters.</param>
public sealed record FacetCount(string Value, int Count);

/// <summary>The results of a search.</summary>
/// <param name="Total">Matching paragraphs and footnotes (after the filters).</param>
/// <param name="ResolutionCount">Resolutions they belong to.</param>
/// <param name="Page">The page shown (1-based).</param>
/// <param name="PageCount">Pages (at least 1).</param>
/// <param name="Hits">Flat layout: the page's hits, ranked; grouped: empty.</param>
/// <param name="Groups">Grouped layout: the page's resolutions, ranked; flat: empty.</param>
/// <param name="Verbs">Operative verbs of the matching operative paragraphs, most frequent first (the verb filter not applied).</param>
/// <param name="Kinds">Matches per <see cref="SearchKindFilter"/> (the kind filter not applied).</param>
/// <param name="Bodies">Matches per body (the body filter not applied).</param>
public sealed record SearchResults(int Total, int ResolutionCount, int Page, int PageCount, IReadOnlyList<SearchHit> Hits, IReadOnlyList<SearchGroup> Groups, IReadOnlyList<FacetCount> Verbs, IReadOnlyList<FacetCount> Kinds, IReadOnlyList<FacetCount> Bodies);
