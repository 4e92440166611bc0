using System.Net;
using System.Text;
using ResolutionArchive.Web.Tests.Infrastructure;

namespace ResolutionArchive.Web.Tests.Pages;

/// <summary>
/// Issue 14 item 7: a very long record is shown in pages (Pages/Resolutions/DocumentPages.cs, docs/browse.md "Long
/// documents"), each a bounded page; a paragraph's anchor finds its page; a resolution of usual length is one page.
/// </summary>
public sealed class LongDocumentTests : IClassFixture<LongDocumentTests.LongArchive>
{
    private const string Key = "A/HRC/RES/46/2000";
    private const string Url = "/resolutions/" + Key;
    private readonly LongArchive _archive;

    public LongDocumentTests(LongArchive archive) => _archive = archive;

    /// <summary>The seeds and 46/2000: seed 000 with 2,500 more preambular paragraphs (2,525 paragraphs: three pages).</summary>
    public sealed class LongArchive : IAsyncLifetime
    {
        public ArchiveApplication App { get; } = new();

        public async ValueTask InitializeAsync() => await SeedCopies.ImportLongAsync(App, 2000, 2_500);

        public ValueTask DisposeAsync()
        {
            App.Dispose();
            return ValueTask.CompletedTask;
        }
    }

    [Fact]
    public async Task TheFirstPageHoldsTheFirstThousandParagraphsAndThePager()
    {
        var (response, document) = await _archive.App.GetDocumentAsync(Url);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        document.QuerySelectorAll("nav.document-pages").Should().HaveCount(2, "above and below the text");
        document.QuerySelector("nav.document-pages p")!.TextContent.Should().Be("本决议篇幅较长，分 3 页显示；本页为第 1 页。");
        document.QuerySelectorAll("nav.document-pages")[0].GetAttribute("aria-label").Should().NotBe(document.QuerySelectorAll("nav.document-pages")[1].GetAttribute("aria-label"), "two navigation landmarks are told apart");
        var clauses = document.QuerySelectorAll(".preamble .clause");
        clauses.Should().HaveCount(1_000);
        clauses[0].Id.Should().Be("pp1");
        clauses[^1].Id.Should().Be("pp1000");
        document.QuerySelector(".enacting-formula").Should().NotBeNull();
        document.QuerySelector(".operative").Should().BeNull("the operative paragraphs are on the last page");
        document.QuerySelector("h1")!.TextContent.Should().Contain("46/2000", "every page has the record's heading");
        document.QuerySelector("section.vote").Should().NotBeNull();
        document.QuerySelector("a[aria-current=page]")!.GetAttribute("href").Should().Be(Url);
    }

    [Fact]
    public async Task TheLastPageEndsTheTextAndEveryPageIsBounded()
    {
        var sizes = new List<long>();
        var ids = new List<string>();
        for (var page = 1; page <= 3; page++)
        {
            using var client = _archive.App.CreateClient();
            var html = await client.GetStringAsync(page == 1 ? Url : $"{Url}?page={page}");
            sizes.Add(Encoding.UTF8.GetByteCount(html));
            var document = new AngleSharp.Html.Parser.HtmlParser().ParseDocument(html);
            ids.AddRange(document.QuerySelectorAll(".preamble .clause, .operative-paragraphs > li").Select(e => e.Id!));
            if (page == 3)
            {
                document.QuerySelector(".enacting-formula").Should().BeNull("the enacting formula opens the text on page 1");
                document.QuerySelectorAll(".operative-paragraphs > li").Select(li => li.GetAttribute("value")).First().Should().Be("1");
                document.QuerySelector(".adoption-foot").Should().NotBeNull("the adoption date and meeting close the text");
                document.QuerySelector("a[rel=next]").Should().BeNull();
            }
        }

        ids.Should().OnlyHaveUniqueItems().And.HaveCount(2_500 + 17 + 8, "every paragraph is on exactly one page: seed 000 has 17 preambular and 8 operative paragraphs");
        sizes.Should().OnlyContain(s => s < 1_500_000, "a page holds at most 1,000 paragraphs or 200,000 characters");
    }

    [Theory]
    [InlineData("op1", "?page=3#op1")]
    [InlineData("pp1001", "?page=2#pp1001")]
    [InlineData("pp3", "#pp3")]
    [InlineData("no-such-anchor", "")]
    public async Task AnAnchorRedirectsToItsPage(string anchor, string expected)
    {
        var (response, _) = await _archive.App.GetDocumentAsync($"{Url}?at={anchor}");

        response.StatusCode.Should().Be(HttpStatusCode.Found);
        response.Headers.Location!.OriginalString.Should().Be(Url + expected);
    }

    [Theory]
    [InlineData("abc", 1)]
    [InlineData("0", 1)]
    [InlineData("-2", 1)]
    [InlineData("99", 3)]
    [InlineData("99999999999999999999", 3)]
    public async Task APageParameterThatIsNotAPageShowsTheNearestPage(string value, int shown)
    {
        var (response, document) = await _archive.App.GetDocumentAsync($"{Url}?page={Uri.EscapeDataString(value)}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        document.QuerySelector("nav.document-pages a[aria-current=page]")!.TextContent.Should().Be(shown.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("/resolutions/A/HRC/RES/46/13")]
    [InlineData("/resolutions/A/HRC/RES/46/13?page=2")]
    public async Task AResolutionOfUsualLengthIsOnePage(string url)
    {
        var (response, document) = await _archive.App.GetDocumentAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        document.QuerySelector("nav.document-pages").Should().BeNull();
        document.QuerySelectorAll(".preamble .clause").Should().HaveCount(17);
        document.QuerySelector(".adoption-foot").Should().NotBeNull();
    }
}
