using ResolutionArchive.Web.Tests.Infrastructure;

namespace ResolutionArchive.Web.Tests.Pages.Search;

/// <summary>
/// What the search page test classes share: the site over the five seeds and its oracle (one
/// <see cref="SearchArchive"/> for the whole <see cref="SearchSiteCollection"/>). Expected results come from reading
/// the seeds (hard-coded where a human can check them) and from <see cref="SearchOracle"/>, a brute-force ordinal scan
/// of every stored paragraph and footnote that uses neither the index nor the search code.
/// </summary>
public abstract class SearchSiteTests(SearchArchive archive)
{
    /// <summary>The site.</summary>
    protected ArchiveApplication App => archive.App;

    /// <summary>Every stored paragraph and footnote, as the oracle reads them.</summary>
    protected IReadOnlyList<OracleEntry> Oracle => archive.Oracle;
}
