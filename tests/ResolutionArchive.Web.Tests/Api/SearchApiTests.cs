using System.Net;
using System.Text;
using System.Text.Json;
using AngleSharp.Html.Parser;
using ResolutionArchive.Data.Import;
using ResolutionArchive.Data.Search;
using ResolutionArchive.Web.Tests.Infrastructure;

namespace ResolutionArchive.Web.Tests.Api;

/// <summary><c>GET /api/search</c> (docs/api.md, docs/search.md): the flat ranked list as JSON, 400 for anything unreadable.</summary>
[Collection(SearchSiteCollection.Name)]
public sealed class SearchApiTests(SearchArchive archive)
{
    private static readonly string[] Kinds = ["preamble", "operative", "subparagraph", "annex", "footnote"];

    private ArchiveApplication App => archive.App;

    [Fact]
    public async Task AnswersTheFirstPageOfHitsWithTheirFields()
    {
        var expected = SearchOracle.Find(archive.Oracle, ["人权"]);

        var (response, root) = await GetJsonAsync("/api/search?q=%E4%BA%BA%E6%9D%83");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/json");
        root.GetProperty("query").GetString().Should().Be("人权");
        root.GetProperty("total").GetInt32().Should().Be(expected.Count);
        root.GetProperty("resolutionCount").GetInt32().Should().Be(5);
        root.GetProperty("page").GetInt32().Should().Be(1);
        root.GetProperty("pageSize").GetInt32().Should().Be(20);
        root.GetProperty("pageCount").GetInt32().Should().Be((expected.Count + 19) / 20);
        var hits = root.GetProperty("hits").EnumerateArray().ToList();
        hits.Should().HaveCount(20);
        foreach (var hit in hits)
        {
            var key = hit.GetProperty("key").GetString()!;
            var anchor = hit.GetProperty("paragraphId").GetString()!;
            var entry = expected.Single(e => e.Key == key && e.Anchor == anchor);
            hit.GetProperty("symbol").ValueKind.Should().Be(entry.Symbol is null ? JsonValueKind.Null : JsonValueKind.String);
            if (entry.Symbol is not null)
            {
                hit.GetProperty("symbol").GetString().Should().Be(key);
            }

            hit.GetProperty("url").GetString().Should().Be($"/resolutions/{key}#{anchor}");
            hit.GetProperty("body").GetString().Should().Be(entry.Body.ToString());
            hit.GetProperty("kind").GetString().Should().BeOneOf(Kinds);
            hit.GetProperty("kind").GetString().Should().StartWith(entry.Kind == SearchKindFilter.Operative ? "" : entry.Kind.ToString().ToLowerInvariant());
            hit.GetProperty("score").GetDouble().Should().BeNegative("FTS5's bm25 is negative, lower is better");
            var number = hit.GetProperty("paragraphNumber");
            switch (hit.GetProperty("kind").GetString())
            {
                case "operative":
                    number.GetString().Should().Be(anchor["op".Length..], "an operative paragraph's number is its printed number");
                    hit.GetProperty("verb").GetString().Should().Be(entry.Verb);
                    break;
                case "preamble":
                    number.GetString().Should().Be(anchor["pp".Length..], "a preamble clause's number is its position");
                    hit.GetProperty("verb").ValueKind.Should().Be(JsonValueKind.Null);
                    break;
                default:
                    hit.GetProperty("verb").ValueKind.Should().Be(JsonValueKind.Null);
                    break;
            }

            var snippet = hit.GetProperty("snippet").GetString()!;
            SearchPage.MarkTexts(snippet).Should().NotBeEmpty().And.AllBe("人权");
            var body = SearchPage.SnippetBody(snippet);
            body.QuerySelectorAll("*").Select(e => e.LocalName).Should().AllBe("mark", "the snippet holds text and <mark> only");
            SearchPage.AssertSnippetOf(body.TextContent, entry.Text);
        }

        var facets = root.GetProperty("facets");
        facets.GetProperty("bodies").EnumerateArray().ToDictionary(f => f.GetProperty("value").GetString()!, f => f.GetProperty("count").GetInt32())
            .Should().BeEquivalentTo(new Dictionary<string, int> { ["HRC"] = expected.Count(e => e.Body == Parsing.Syntax.Body.HRC), ["GA"] = expected.Count(e => e.Body == Parsing.Syntax.Body.GA) });
        facets.GetProperty("verbs").EnumerateArray().Sum(f => f.GetProperty("count").GetInt32()).Should().Be(expected.Count(e => e.Verb is not null));
        facets.GetProperty("kinds").EnumerateArray().Sum(f => f.GetProperty("count").GetInt32()).Should().Be(expected.Count);
    }

    [Fact]
    public async Task TheDraftHasNoSymbolAndLinksByItsKey()
    {
        var hits = await SearchOracle.AllApiHitsAsync(App, "q=%E4%BA%BA%E6%9D%83&session-to=43&session-from=43");

        hits.Should().NotBeEmpty().And.AllSatisfy(h =>
        {
            h.GetProperty("symbol").ValueKind.Should().Be(JsonValueKind.Null);
            h.GetProperty("key").GetString().Should().StartWith("HRC/43/draft/");
            h.GetProperty("number").GetString().Should().Be("43/...");
            h.GetProperty("adoptionDate").ValueKind.Should().Be(JsonValueKind.Null);
            h.GetProperty("url").GetString().Should().Be($"/resolutions/{h.GetProperty("key").GetString()}#{h.GetProperty("paragraphId").GetString()}");
        });
    }

    [Theory]
    [InlineData("pageSize=1", 1)]
    [InlineData("pageSize=100", 100)]
    [InlineData("pageSize=", 20)]
    [InlineData("pageSize=7&page=2", 7)]
    public async Task ThePageSizeIsOneToAHundred(string query, int count)
    {
        var (response, root) = await GetJsonAsync($"/api/search?q=%E4%BA%BA%E6%9D%83&{query}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        root.GetProperty("hits").GetArrayLength().Should().Be(count);
        root.GetProperty("pageSize").GetInt32().Should().Be(count);
        var total = root.GetProperty("total").GetInt32();
        root.GetProperty("pageCount").GetInt32().Should().Be((total + count - 1) / count);
    }

    [Fact]
    public async Task PagesDoNotOverlapAndAPagePastTheEndIsTheLast()
    {
        var all = SearchPage.Urls(await SearchOracle.AllApiHitsAsync(App, "q=%E4%BA%BA%E6%9D%83"));
        var pages = new List<string>();
        for (var page = 1; page <= (all.Count + 29) / 30; page++)
        {
            var (_, root) = await GetJsonAsync($"/api/search?q=%E4%BA%BA%E6%9D%83&pageSize=30&page={page}");
            root.GetProperty("page").GetInt32().Should().Be(page);
            pages.AddRange(SearchPage.Urls(root.GetProperty("hits").EnumerateArray()));
        }

        pages.Should().Equal(all);
        var (response, past) = await GetJsonAsync("/api/search?q=%E4%BA%BA%E6%9D%83&pageSize=30&page=999");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        past.GetProperty("page").GetInt32().Should().Be((all.Count + 29) / 30, "a page past the end is clamped to the last one");
        SearchPage.Urls(past.GetProperty("hits").EnumerateArray()).Should().Equal(all.Skip(30 * ((all.Count - 1) / 30)));
    }

    [Theory]
    [InlineData("", "q is empty")]
    [InlineData("q=", "q is empty")]
    [InlineData("q=%20%E3%80%80%09", "q is empty")]
    [InlineData("q=%22%22", "q is empty")]
    [InlineData("q=-%E4%BA%BA%E6%9D%83", "q has only -exclusions")]
    [InlineData("q=-a%20-b", "q has only -exclusions")]
    [InlineData("q=a%20b%20c%20d%20e%20f%20g%20h%20i%20j%20k", "q has more than 10 terms")]
    [InlineData("q=LONG", "q is longer than 200 characters")]
    [InlineData("q=%E4%BA%BA%E6%9D%83&body=XYZ", "body must be HRC or GA, found “XYZ”.")]
    [InlineData("q=%E4%BA%BA%E6%9D%83&kind=foo", "kind must be preamble, operative, footnote or annex, found “foo”.")]
    [InlineData("q=%E4%BA%BA%E6%9D%83&mode=x", "mode must be recorded, without-vote or not-stated, found “x”.")]
    [InlineData("q=%E4%BA%BA%E6%9D%83&session-from=abc", "session-from must be a whole number from 1 to 999, found “abc”.")]
    [InlineData("q=%E4%BA%BA%E6%9D%83&session-to=1000", "session-to must be a whole number from 1 to 999, found “1000”.")]
    [InlineData("q=%E4%BA%BA%E6%9D%83&year-from=1900", "year-from must be a year from 1945 to 9998, found “1900”.")]
    [InlineData("q=%E4%BA%BA%E6%9D%83&year-to=2021.5", "year-to must be a year from 1945 to 9998, found “2021.5”.")]
    [InlineData("q=%E4%BA%BA%E6%9D%83&view=cards", "view must be grouped or flat, found “cards”.")]
    [InlineData("q=%E4%BA%BA%E6%9D%83&page=0", "page must be a whole number from 1 to 2147483647, found “0”.")]
    [InlineData("q=%E4%BA%BA%E6%9D%83&page=abc", "page must be a whole number from 1 to 2147483647, found “abc”.")]
    [InlineData("q=%E4%BA%BA%E6%9D%83&verb=" + "重重重重重重重重重重重重重重重重重重重重重", "verb must be an operative verb of at most 20 characters")]
    [InlineData("q=%E4%BA%BA%E6%9D%83&resolution=%00", "resolution must be a record's key of at most 100 characters, found “\uFFFD”.")]
    [InlineData("q=%E4%BA%BA%E6%9D%83&q=%E5%90%88%E4%BD%9C", "q is given more than once.")]
    [InlineData("q=%E4%BA%BA%E6%9D%83&pageSize=5&pageSize=6", "pageSize is given more than once.")]
    [InlineData("q=%E4%BA%BA%E6%9D%83&body=GA&body=HRC", "body is given more than once.")]
    [InlineData("q=%E4%BA%BA%E6%9D%83&page=-1", "-1")]
    [InlineData("q=%E4%BA%BA%E6%9D%83&page=99999999999", "99999999999")]
    [InlineData("q=%E4%BA%BA%E6%9D%83&pageSize=0", "pageSize must be a whole number from 1 to 100")]
    [InlineData("q=%E4%BA%BA%E6%9D%83&pageSize=101", "pageSize must be a whole number from 1 to 100")]
    [InlineData("q=%E4%BA%BA%E6%9D%83&pageSize=abc", "pageSize must be a whole number from 1 to 100")]
    [InlineData("q=%E4%BA%BA%E6%9D%83&pageSize=-5", "pageSize must be a whole number from 1 to 100")]
    [InlineData("q=%E4%BA%BA%E6%9D%83&pageSize=1e3", "pageSize must be a whole number from 1 to 100")]
    [InlineData("q=%E4%BA%BA%E6%9D%83&pageSize=99999999999999999999", "pageSize must be a whole number from 1 to 100")]
    [InlineData("q=-%E4%BA%BA%E6%9D%83&body=XYZ&pageSize=0", "q has only -exclusions")]
    public async Task AnswersAProblemDocumentForAnythingUnreadable(string query, string detail)
    {
        query = query.Replace("q=LONG", "q=" + new string('x', 201), StringComparison.Ordinal);

        var (response, root) = await GetJsonAsync($"/api/search?{query}");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, query);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        root.GetProperty("status").GetInt32().Should().Be(400);
        root.GetProperty("title").GetString().Should().Be("Bad request");
        root.GetProperty("detail").GetString().Should().Contain(detail);
    }

    [Fact]
    public async Task ListsEveryProblemOfARequestInOneDocument()
    {
        var (response, root) = await GetJsonAsync("/api/search?q=-%E4%BA%BA%E6%9D%83&body=XYZ&kind=foo&pageSize=0");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest);
        var detail = root.GetProperty("detail").GetString()!;
        detail.Should().Be("q has only -exclusions; give at least one term to search for. body must be HRC or GA, found “XYZ”."
            + " kind must be preamble, operative, footnote or annex, found “foo”. pageSize must be a whole number from 1 to 100, found “0”.");
        detail.Should().NotMatchRegex("\\p{IsCJKUnifiedIdeographs}", "the API speaks English");
    }

    [Fact]
    public async Task ExactlyTwoHundredCharactersAreAccepted()
    {
        var (response, root) = await GetJsonAsync("/api/search?q=" + Uri.EscapeDataString(new string('权', 200)));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        root.GetProperty("total").GetInt32().Should().Be(0);
        root.GetProperty("pageCount").GetInt32().Should().Be(1);
        root.GetProperty("hits").GetArrayLength().Should().Be(0);
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheSearchEndpointAndItsParameters()
    {
        var (response, root) = await GetJsonAsync("/openapi/v1.json");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var search = root.GetProperty("paths").GetProperty("/api/search").GetProperty("get");
        search.GetProperty("summary").GetString().Should().NotBeNullOrEmpty().And.NotBe("Searches.");
        search.GetProperty("description").GetString().Should().Contain("q");
        search.GetProperty("responses").GetProperty("200").GetProperty("content").GetProperty("application/json").GetProperty("schema").GetProperty("$ref").GetString()
            .Should().Be("#/components/schemas/SearchResponse");
        search.GetProperty("responses").GetProperty("400").GetProperty("content").GetProperty("application/problem+json").GetProperty("schema").GetProperty("$ref").GetString()
            .Should().Be("#/components/schemas/ProblemDetails");

        var parameters = search.GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);
        parameters.Keys.Should().BeEquivalentTo("q", "body", "session-from", "session-to", "year-from", "year-to", "kind", "mode", "verb", "resolution", "page", "pageSize");
        parameters.Values.Should().AllSatisfy(p => p.GetProperty("in").GetString().Should().Be("query"));
        parameters["q"].GetProperty("required").GetBoolean().Should().BeTrue();
        parameters["q"].GetProperty("schema").GetProperty("maxLength").GetInt32().Should().Be(SearchQuery.MaxLength);
        parameters["pageSize"].GetProperty("schema").GetProperty("type").GetString().Should().Be("integer");
        parameters["pageSize"].GetProperty("schema").GetProperty("maximum").GetInt32().Should().Be(100);
        parameters["page"].GetProperty("schema").GetProperty("minimum").GetInt32().Should().Be(1);
        parameters["body"].GetProperty("schema").GetProperty("enum").EnumerateArray().Select(e => e.GetString()).Should().BeEquivalentTo("HRC", "GA");
        parameters["kind"].GetProperty("schema").GetProperty("enum").EnumerateArray().Select(e => e.GetString()).Should().BeEquivalentTo("preamble", "operative", "footnote", "annex");
        parameters["mode"].GetProperty("schema").GetProperty("enum").EnumerateArray().Select(e => e.GetString()).Should().BeEquivalentTo("recorded", "without-vote", "not-stated");
        parameters["year-from"].GetProperty("schema").GetProperty("minimum").GetInt32().Should().Be(1945);
        parameters.Values.Should().AllSatisfy(p => p.GetProperty("description").GetString().Should().NotBeNullOrEmpty());

        var hit = root.GetProperty("components").GetProperty("schemas").GetProperty("SearchHitJson").GetProperty("properties");
        hit.EnumerateObject().Select(p => p.Name).Should().Contain(["key", "symbol", "paragraphId", "kind", "paragraphNumber", "snippet", "url", "score"]);
    }

    [Fact]
    public async Task SnippetsEscapeTheTextAndMarkOnlyTheMatches()
    {
        // A record whose text holds markup characters: seed 000 renumbered, with a clause that quotes HTML.
        using var app = new ArchiveApplication();
        _ = app.Server;
        var text = SeedCopies.Seed000Text().Replace("46/13.", "46/2000.", StringComparison.Ordinal)
            .Replace("遵循《联合国宪章》", "遵循《联合国宪章》<script>alert(\"人权\")</script> & <b>合作</b>", StringComparison.Ordinal);
        await using (var db = app.CreateDbContext())
        {
            var outcome = await new ResolutionImporter(db).ImportAsync(new ImportSource("markup.txt", Encoding.UTF8.GetBytes(text)));
            outcome.Status.Should().Be(ImportStatus.Imported, string.Join("; ", outcome.Diagnostics));
        }

        using var client = app.CreateClient();
        var raw = await client.GetStringAsync("/api/search?q=" + Uri.EscapeDataString("<script>"));
        var root = JsonDocument.Parse(raw).RootElement;

        root.GetProperty("total").GetInt32().Should().Be(1);
        var hit = root.GetProperty("hits")[0];
        hit.GetProperty("key").GetString().Should().Be("A/HRC/RES/46/2000");
        var snippet = hit.GetProperty("snippet").GetString()!;
        snippet.Should().Contain("<mark>&lt;script&gt;</mark>alert(&quot;人权&quot;)&lt;/script&gt; &amp; &lt;b&gt;合作&lt;/b&gt;");
        raw.Should().NotContain("<script>", "the JSON escapes < as well");

        var page = await client.GetStringAsync("/search?q=" + Uri.EscapeDataString("<script>"));
        var document = new HtmlParser().ParseDocument(page);
        document.QuerySelectorAll("script").Should().ContainSingle().Which.GetAttribute("src").Should().StartWith("/js/permalink.");
        document.QuerySelectorAll("main b").Should().BeEmpty();
        var shown = document.QuerySelector(".snippet")!;
        shown.QuerySelector("mark")!.TextContent.Should().Be("<script>");
        shown.TextContent.Should().Contain("<script>alert(\"人权\")</script> & <b>合作</b>");
        ((AngleSharp.Html.Dom.IHtmlInputElement)document.QuerySelector("#search-q")!).Value.Should().Be("<script>");
    }

    private async Task<(HttpResponseMessage Response, JsonElement Root)> GetJsonAsync(string url)
    {
        using var client = App.CreateClient(new() { AllowAutoRedirect = false });
        var response = await client.GetAsync(url);
        var text = await response.Content.ReadAsStringAsync();
        return (response, JsonDocument.Parse(text).RootElement.Clone());
    }
}

/// <summary>The search over the seeds and the vendored AKN sample, which has annexes and sub-paragraphs (the seeds have neither).</summary>
public sealed class SearchOverTheAknSampleTests(SampleArchive archive) : IClassFixture<SampleArchive>
{
    [Theory]
    [InlineData("q=2021&kind=annex", new[] { "2021" }, "kind=annex", "annex")]
    [InlineData("q=%E4%BA%BA%E6%9D%83&kind=operative", new[] { "人权" }, "kind=operative", "subparagraph")]
    [InlineData("q=%E6%89%B9%E6%AC%BE", new[] { "批款" }, "", "annex")]
    public async Task AnnexBlocksAndSubParagraphsAreFoundAndLinkToTheirAnchors(string query, string[] terms, string filter, string kind)
    {
        var oracle = await SearchOracle.LoadAsync(archive.App);
        var expected = SearchOracle.Find(oracle, terms).Where(SearchOracle.Filter(filter)).ToList();

        var hits = await SearchOracle.AllApiHitsAsync(archive.App, query);

        SearchPage.Urls(hits).Should().BeEquivalentTo(expected.Select(e => e.Url));
        hits.Select(h => h.GetProperty("kind").GetString()).Should().Contain(kind);
        var pages = new Dictionary<string, AngleSharp.Html.Dom.IHtmlDocument>();
        foreach (var hit in hits)
        {
            var key = hit.GetProperty("key").GetString()!;
            if (!pages.TryGetValue(key, out var page))
            {
                (_, page) = await archive.App.GetDocumentAsync(hit.GetProperty("url").GetString()!.Split('#')[0]);
                pages[key] = page;
            }

            var anchor = hit.GetProperty("paragraphId").GetString()!;
            page.GetElementById(anchor).Should().NotBeNull($"{key} has #{anchor}");
            if (hit.GetProperty("kind").GetString() == "subparagraph")
            {
                hit.GetProperty("paragraphNumber").GetString().Should().NotBeNullOrEmpty("a sub-paragraph has its label");
            }
        }

        var (_, flat) = await archive.App.GetDocumentAsync($"/search?{query}&view=flat");
        SearchPage.FlatHrefs(flat).Should().Equal(SearchPage.Urls(hits).Take(20));
    }
}
