using System.Net;
using ResolutionArchive.Web.Tests.Infrastructure;

namespace ResolutionArchive.Web.Tests.Pages;

/// <summary>
/// What the top of a resolution page gives a researcher (issue 17): the vote up front, a table of contents, the official
/// documents in Chinese and English, the record's open data, linked sponsors, and a readable name for a draft.
/// </summary>
public sealed class ResolutionHeaderTests(SampleArchive archive) : IClassFixture<SampleArchive>
{
    private readonly ArchiveApplication _app = archive.App;

    [Fact]
    public async Task The_vote_summary_comes_before_the_metadata_and_links_the_voting_record()
    {
        var (_, document) = await _app.GetDocumentAsync("/resolutions/A/HRC/RES/53/11");

        var summary = document.GetElementById("vote-summary")!;
        summary.TextContent.Should().Contain("经记录表决").And.Contain("赞成 33").And.Contain("反对 13").And.Contain("弃权 1");
        summary.QuerySelector("a")!.GetAttribute("href").Should().Be("#vote-heading");
        summary.CompareDocumentPosition(document.QuerySelector("dl.meta")!).Should().HaveFlag(AngleSharp.Dom.DocumentPositions.Following);
        document.QuerySelector("dl.meta a.tally-link")!.GetAttribute("href").Should().Be("#vote-heading", "the header's tally is a link too");
        document.GetElementById("vote-heading").Should().NotBeNull();
    }

    [Theory]
    [InlineData("/resolutions/A/HRC/RES/53/11")]
    [InlineData("/resolutions/A/HRC/RES/46/13")]
    [InlineData("/resolutions/A/RES/75/102")]
    public async Task Every_link_of_the_table_of_contents_leads_to_a_heading_of_the_page(string url)
    {
        var (_, document) = await _app.GetDocumentAsync(url);

        var links = document.QuerySelectorAll("#toc a").Select(a => a.GetAttribute("href")!).ToList();
        links.Should().Contain(["#preamble-heading", "#operative-heading", "#vote-heading"]).And.OnlyHaveUniqueItems();
        links.Should().AllSatisfy(href => document.GetElementById(Uri.UnescapeDataString(href[1..])).Should().NotBeNull(href));
        links.Last().Should().Be("#vote-heading");
    }

    [Fact]
    public async Task The_header_links_the_official_documents_in_Chinese_and_English_and_the_records_data()
    {
        var (_, document) = await _app.GetDocumentAsync("/resolutions/A/HRC/RES/46/13");

        document.QuerySelector("dl.meta a.official")!.GetAttribute("href").Should().Be("https://undocs.org/zh/A/HRC/RES/46/13");
        document.QuerySelector("dl.meta a.official-en")!.GetAttribute("href").Should().Be("https://undocs.org/en/A/HRC/RES/46/13");
        using var client = _app.CreateClient();
        foreach (var (id, type, content) in new[] { ("json-link", "application/json", "\"symbol\""), ("akn-link", "application/akn+xml", "<akomaNtoso"), ("votes-csv-link", "text/csv", "A/HRC/RES/46/13,46/13,HRC,46") })
        {
            var href = document.GetElementById(id)!.GetAttribute("href")!;
            var response = await client.GetAsync(href);
            response.StatusCode.Should().Be(HttpStatusCode.OK, href);
            response.Content.Headers.ContentType!.MediaType.Should().Be(type, href);
            (await response.Content.ReadAsStringAsync()).Should().Contain(content, href);
        }
    }

    [Theory]
    [InlineData("", "逐字记录 A/75/PV.32")]
    [InlineData("?culture=en", "verbatim record A/75/PV.32")]
    public async Task An_adopted_resolution_links_its_draft_and_the_verbatim_record_of_its_plenary_meeting(string culture, string recordText)
    {
        // 75/75_17: workflow step draftResolution as="A/75/L.37", adopted at the 32nd plenary meeting of session 75
        var (_, document) = await _app.GetDocumentAsync("/resolutions/A/RES/75/17" + culture);

        var draft = document.QuerySelector("dl.meta a.draft-symbol")!;
        draft.TextContent.Should().Be("A/75/L.37");
        draft.GetAttribute("href").Should().Be("https://undocs.org/zh/A/75/L.37");
        var record = document.QuerySelector("dl.meta a.meeting-record")!;
        record.TextContent.Should().Be(recordText);
        record.GetAttribute("href").Should().Be("https://undocs.org/zh/A/75/PV.32");
    }

    [Fact]
    public async Task The_Councils_meetings_have_no_verbatim_record_link_and_a_seed_text_states_no_draft()
    {
        var (_, document) = await _app.GetDocumentAsync("/resolutions/A/HRC/RES/46/13");

        document.QuerySelector("dl.meta a.meeting-record").Should().BeNull("the Council keeps summary records, not the Assembly's A/{session}/PV.{n}");
        document.QuerySelector("dl.meta a.draft-symbol").Should().BeNull("seed 000 prints no draft symbol");
    }

    [Theory]
    [InlineData("", "古巴（代表不结盟国家运动）")]
    [InlineData("?culture=en", "Cuba (on behalf of the Movement of Non-Aligned Countries)")]
    public async Task A_sponsor_for_a_group_says_so_after_the_states_name(string culture, string expected)
    {
        // A/RES/76/159's workflow: "Cuba (on behalf of the States Members of the United Nations that are members of the
        // Movement of Non-Aligned Countries) and Russian Federation" (input-formats §7.7)
        var (_, document) = await _app.GetDocumentAsync("/resolutions/A/RES/76/159" + culture);

        var cuba = document.QuerySelector("#sponsors li[data-iso3=CUB]")!;
        cuba.TextContent.Should().Be(expected);
        cuba.QuerySelector("a")!.GetAttribute("href").Should().Be("/countries/CUB");
        document.QuerySelector("#sponsors li[data-iso3=RUS] .on-behalf").Should().BeNull("the Russian Federation sponsored for itself");
    }

    [Theory]
    [InlineData("", "尼日利亚（代表非洲国家组）")]
    [InlineData("?culture=en", "Nigeria (on behalf of the Group of African States)")]
    public async Task A_sponsor_for_a_regional_group_is_named_as_the_site_names_the_group(string culture, string expected)
    {
        // A/RES/76/57: "Austria, Nicaragua and Nigeria (on behalf of the States Members … of the Group of African States)";
        // in Chinese the group takes the label of the vote grid and the country pages (Labels.Of(RegionalGroup))
        var (_, document) = await _app.GetDocumentAsync("/resolutions/A/RES/76/57" + culture);

        document.QuerySelector("#sponsors li[data-iso3=NGA]")!.TextContent.Should().Be(expected);
        document.QuerySelector("#sponsors li[data-iso3=NGA] .on-behalf span")!.HasAttribute("lang").Should().BeFalse();
    }

    [Fact]
    public async Task The_vote_csv_of_one_resolution_has_its_rows_only_and_an_unknown_one_is_404()
    {
        using var client = _app.CreateClient();
        var response = await client.GetAsync("/data/votes.csv?resolution=A%2FHRC%2FRES%2F46%2F13");
        var lines = (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);

        response.Content.Headers.ContentDisposition!.FileName!.Trim('"').Should().Be("votes-A-HRC-RES-46-13.csv");
        lines.Skip(1).Should().HaveCount(47, "26 in favour, 15 against, 6 abstaining: the Council's 47 members").And.AllSatisfy(l => l.Should().StartWith("A/HRC/RES/46/13,"));
        (await client.GetAsync("/data/votes.csv?resolution=A%2FRES%2F99%2F1")).StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_draft_is_named_by_its_session_not_by_a_number_with_dots_and_its_sponsors_link_their_pages()
    {
        var (_, home) = await _app.GetDocumentAsync("/?status=draft");
        var link = home.QuerySelectorAll("a").Single(a => a.GetAttribute("href")!.Contains("/draft/", StringComparison.Ordinal));
        link.TextContent.Should().Be("决议草案 · 第 43 届会议");

        var (_, document) = await _app.GetDocumentAsync(link.GetAttribute("href")!);

        document.QuerySelector("h1 .number")!.TextContent.Should().Be("决议草案 · 第 43 届会议");
        document.Title.Should().StartWith("决议草案 · 第 43 届会议 ");
        document.Body!.TextContent.Should().NotContain("43/...");
        document.QuerySelector("#sponsors li[data-iso3=CHN] a")!.GetAttribute("href").Should().Be("/countries/CHN");
        var (_, english) = await _app.GetDocumentAsync(link.GetAttribute("href")! + "?culture=en");
        english.QuerySelector("h1 .number")!.TextContent.Should().Be("Draft resolution · Session 43");
    }
}
