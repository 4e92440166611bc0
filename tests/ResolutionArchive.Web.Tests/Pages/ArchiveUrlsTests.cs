using ResolutionArchive.Data.Queries;
using ResolutionArchive.Data.Search;
using ResolutionArchive.Parsing.References;

namespace ResolutionArchive.Web.Tests.Pages;

/// <summary>The site's URLs (<see cref="ArchiveUrls"/>, docs/references.md and docs/search.md), made from keys, anchors and symbols.</summary>
public sealed class ArchiveUrlsTests
{
    [Fact]
    public void A_symbol_with_brackets_and_spaces_is_escaped_segment_by_segment()
    {
        ArchiveUrls.Undocs("A/CONF.157/24(Part I)/Corr.1").Should().Be("https://undocs.org/zh/A/CONF.157/24%28Part%20I%29/Corr.1");
        ArchiveUrls.Reference("A/RES/76/235 B", "A/RES/76/235 B").Should().Be("/resolutions/A/RES/76/235%20B");
    }

    [Fact]
    public void A_reference_links_to_the_archive_when_it_holds_the_target_and_to_undocs_otherwise()
    {
        var archived = new ReferenceLink("op36", 7, 6, ReferenceKind.Resolution, "A/RES/76/159", "A/RES/76/159");
        var elsewhere = new ReferenceLink("pp8", 0, 24, ReferenceKind.DocumentSymbol, "E/CN.4/SUB.2/RES/2000/22", null);

        ArchiveUrls.Reference(archived.Target, archived.ArchivedKey).Should().Be("/resolutions/A/RES/76/159");
        ArchiveUrls.Reference(elsewhere.Target, elsewhere.ArchivedKey).Should().Be("https://undocs.org/zh/E/CN.4/SUB.2/RES/2000/22");
        ArchiveUrls.Reference("A/RES/70/1", null).Should().Be("https://undocs.org/zh/A/RES/70/1");
    }

    [Fact]
    public void Pages_paragraphs_and_the_compare_view()
    {
        ArchiveUrls.Resolution("HRC/43/draft/03955e30").Should().Be("/resolutions/HRC/43/draft/03955e30");
        ArchiveUrls.Paragraph("A/HRC/RES/53/11", "op3-a").Should().Be("/resolutions/A/HRC/RES/53/11#op3-a");
        ArchiveUrls.Compare("A/HRC/RES/37/23", "A/RES/76/235 B").Should().Be("/compare/A/HRC/RES/37/23/A/RES/76/235%20B");
    }

    [Fact]
    public void A_snippet_is_escaped_with_its_matches_marked()
    {
        Web.Presentation.Snippets.Html([new SnippetSegment("…<b>", false), new SnippetSegment("人权", true), new SnippetSegment("&", false)])
            .Should().Be("…&lt;b&gt;<mark>人权</mark>&amp;");
    }
}
