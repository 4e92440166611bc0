using System.Net;
using ResolutionArchive.Web.Tests.Infrastructure;

namespace ResolutionArchive.Web.Tests.Pages;

/// <summary>
/// Cross-references on the resolution pages (docs/references.md): clause, sub-paragraph and footnote text links each
/// reference, to the archive when it holds the target and to undocs.org otherwise, and each page lists the archived
/// resolutions that cite it.
/// </summary>
public sealed class CrossReferenceTests : OwnSiteTests
{
    [Fact]
    public async Task The_reference_in_53_11_op36_links_to_the_archived_76_159()
    {
        var (response, document) = await App.GetDocumentAsync("/resolutions/A/HRC/RES/53/11");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var link = document.QuerySelector("#op36 a.ref")!;
        link.GetAttribute("href").Should().Be("/resolutions/A/RES/76/159");
        link.HasAttribute("rel").Should().BeFalse("an archived target is a page of this site");
        link.TextContent.Should().Be("76/159");
        document.GetElementById("op36")!.TextContent.Should().Contain("又回顾大会第 76/159 号决议请秘书长");

        var (target, page) = await App.GetDocumentAsync(link.GetAttribute("href")!);
        target.StatusCode.Should().Be(HttpStatusCode.OK);
        page.QuerySelector("h1")!.TextContent.Should().Be("76/159 增进人权领域的国际合作");
    }

    [Fact]
    public async Task A_reference_outside_the_archive_links_to_undocs()
    {
        var (_, document) = await App.GetDocumentAsync("/resolutions/A/HRC/RES/53/11");

        var link = document.QuerySelector("#pp2 a.ref")!;
        link.GetAttribute("href").Should().Be("https://undocs.org/zh/A/RES/70/1");
        link.GetAttribute("rel").Should().Be("external");
        link.TextContent.Should().Be("70/1");
        document.QuerySelectorAll("#pp4 a.ref").Select(a => a.GetAttribute("href")).Should().Equal(
            "https://undocs.org/zh/A/RES/77/213", "https://undocs.org/zh/A/HRC/RES/50/4");
        document.QuerySelector("#pp8 a.ref")!.GetAttribute("href").Should().Be("https://undocs.org/zh/E/CN.4/SUB.2/RES/2000/22");
    }

    [Fact]
    public async Task Footnote_references_are_links_too()
    {
        var (_, document) = await App.GetDocumentAsync("/resolutions/A/HRC/RES/53/11");

        document.QuerySelectorAll("#fn1 a.ref").Select(a => (a.TextContent, a.GetAttribute("href"))).Should().Equal(
            ("E/CN.4/2001/2", "https://undocs.org/zh/E/CN.4/2001/2"),
            ("E/CN.4/Sub.2/2000/46", "https://undocs.org/zh/E/CN.4/Sub.2/2000/46"));
        document.QuerySelectorAll("#fn2 a.ref").Select(a => a.GetAttribute("href")).Should().Equal(
            "https://undocs.org/zh/A/RES/66/3", "https://undocs.org/zh/A/RES/76/1");
        document.GetElementById("fn1")!.TextContent.Should().Contain("见 E/CN.4/2001/2-E/CN.4/Sub.2/2000/46，第二章，A 节。");
    }

    [Fact]
    public async Task A_symbol_with_part_i_is_escaped_in_its_url()
    {
        var (_, document) = await App.GetDocumentAsync("/resolutions/A/RES/76/159");

        document.QuerySelectorAll("#fn1 a.ref").Select(a => (a.TextContent, a.GetAttribute("href"))).Should().Equal(
            ("A/CONF.157/24(Part I)", "https://undocs.org/zh/A/CONF.157/24%28Part%20I%29"),
            ("A/CONF.157/24(Part I)/Corr.1", "https://undocs.org/zh/A/CONF.157/24%28Part%20I%29/Corr.1"));
    }

    [Fact]
    public async Task Emphasis_still_renders_beside_links()
    {
        var (_, document) = await App.GetDocumentAsync("/resolutions/A/RES/76/159");

        document.QuerySelector("#op1 strong")!.TextContent.Should().Be("重申");
        document.QuerySelector("#pp2 a.ref")!.GetAttribute("href").Should().Be("https://undocs.org/zh/A/RES/70/1");
    }

    [Fact]
    public async Task The_76_159_page_lists_53_11_paragraph_36_as_citing_it()
    {
        var (_, document) = await App.GetDocumentAsync("/resolutions/A/RES/76/159");

        var section = document.QuerySelector("section.cited-by")!;
        section.QuerySelector("h2")!.TextContent.Should().Be("被以下决议引用");
        var items = section.QuerySelectorAll("ul.citing-resolutions > li");
        items.Select(li => li.GetAttribute("data-key")).Should().Equal("A/HRC/RES/53/11");
        items[0].QuerySelector("a.citing-resolution")!.GetAttribute("href").Should().Be("/resolutions/A/HRC/RES/53/11");
        var paragraph = items[0].QuerySelectorAll("a.citing-paragraph").Should().ContainSingle().Subject;
        paragraph.GetAttribute("href").Should().Be("/resolutions/A/HRC/RES/53/11#op36");
        paragraph.TextContent.Should().Be("第 36 段");
        items[0].QuerySelector("q")!.TextContent.Should().StartWith("又回顾大会第 76/159 号决议请秘书长").And.EndWith("…");
    }

    [Theory]
    [InlineData("/resolutions/A/HRC/RES/46/13")]
    [InlineData("/resolutions/A/HRC/RES/53/11")]
    [InlineData("/resolutions/A/HRC/RES/37/23")]
    public async Task A_page_that_nothing_cites_has_no_cited_by_section(string url)
    {
        var (response, document) = await App.GetDocumentAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        document.QuerySelector("section.cited-by").Should().BeNull();
    }

    [Fact]
    public async Task Every_stored_reference_of_every_page_is_one_link()
    {
        (await App.GetDocumentAsync("/resolutions/A/RES/76/159")).Response.StatusCode.Should().Be(HttpStatusCode.OK, "the first request migrates and seeds the database");
        await using var db = App.CreateDbContext();
        var records = db.Resolutions.Select(r => new { r.Key, Count = r.References.Count }).ToList();
        records.Should().HaveCount(5);

        foreach (var record in records)
        {
            var (response, document) = await App.GetDocumentAsync(Web.ArchiveUrls.Resolution(record.Key));

            response.StatusCode.Should().Be(HttpStatusCode.OK, record.Key);
            document.QuerySelectorAll("a.ref").Should().HaveCount(record.Count, record.Key);
            foreach (var link in document.QuerySelectorAll("a.ref"))
            {
                var href = link.GetAttribute("href")!;
                (href.StartsWith("/resolutions/", StringComparison.Ordinal) || href.StartsWith("https://undocs.org/zh/", StringComparison.Ordinal)).Should().BeTrue(href);
                link.GetAttribute("rel").Should().Be(href.StartsWith('/') ? null : "external");
            }
        }
    }
}
