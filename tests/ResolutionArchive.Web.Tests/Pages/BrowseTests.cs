using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ResolutionArchive.Web.Tests.Infrastructure;

namespace ResolutionArchive.Web.Tests.Pages;

/// <summary>The home page's filters, sorting, facet counts and their URLs (issue #4; docs/browse.md).</summary>
public sealed partial class BrowseTests(SampleArchive archive) : IClassFixture<SampleArchive>
{
    private ArchiveApplication App => archive.App;

    [Fact]
    public async Task ListsAllTwentyOneRecordsWithoutAFilter()
    {
        var (response, document) = await App.GetDocumentAsync("/");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        Rows(document).Should().HaveCount(21);
        document.QuerySelector(".total")!.TextContent.Should().Be("21");
        document.QuerySelector(".matched").Should().BeNull("no filter is set");
        document.QuerySelector(".active-filters").Should().BeNull();
        document.QuerySelector(".notice").Should().BeNull();
    }

    [Theory]
    [InlineData("body=HRC", 4, 2, "人权理事会")]
    [InlineData("body=GA", 17, 2, "大会")]
    [InlineData("session=75", 13, 3, "第 75 届")]
    [InlineData("session=46", 1, 3, "第 46 届")]
    [InlineData("mode=recorded", 9, 5, "经记录表决")]
    [InlineData("mode=without-vote", 11, 5, "未经表决")]
    [InlineData("mode=not-stated", 1, 5, "未说明")]
    public async Task EachFilterAloneKeepsOnlyTheMatchingRecords(string query, int count, int column, string value)
    {
        var (response, document) = await App.GetDocumentAsync($"/?{query}");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        Rows(document).Should().HaveCount(count);
        Cells(document).Select(c => c[column]).Should().AllBe(value);
        document.QuerySelector(".matched")!.TextContent.Should().Be($"{count}");
        document.QuerySelectorAll(".active-filters .filter-label").Should().ContainSingle();
    }

    [Fact]
    public async Task FiltersByAdoptionYear()
    {
        var (_, document) = await App.GetDocumentAsync("/?year=2021");

        Cells(document).Select(c => c[4]).Should().HaveCount(10).And.AllSatisfy(date => date.Should().StartWith("2021 年"));
        Symbols((await App.GetDocumentAsync("/?year=2018")).Document).Should().Equal("A/HRC/RES/37/23");
        (await App.GetDocumentAsync("/?year=1999")).Document.QuerySelector("p.empty")!.TextContent.Should().Be("没有符合筛选条件的决议或决议草案。");
    }

    [Fact]
    public async Task FiltersByStatus()
    {
        var (_, drafts) = await App.GetDocumentAsync("/?status=draft");
        var (_, adopted) = await App.GetDocumentAsync("/?status=adopted");

        Rows(drafts).Should().ContainSingle();
        Cells(drafts)[0][0].Should().Be("决议草案 · 第 43 届会议");
        Rows(adopted).Should().HaveCount(20);
        Cells(adopted).Select(c => c[0]).Should().NotContain(s => s.Contains("决议草案", StringComparison.Ordinal));
    }

    [Fact]
    public async Task CombinesFilters()
    {
        var (_, document) = await App.GetDocumentAsync("/?body=GA&session=75&year=2021&mode=recorded&status=adopted&sort=number-asc");

        Symbols(document).Should().Equal("A/RES/75/250 B", "A/RES/75/290 A");
        document.QuerySelectorAll(".active-filters .filter-label").Select(e => e.TextContent).Should().Equal(
            "机构：大会", "届会：第 75 届会议", "通过年份：2021 年", "通过方式：经记录表决", "状态：已通过");
        Rows((await App.GetDocumentAsync("/?body=HRC&session=75")).Document).Should().BeEmpty("GA's session 75 is not the Council's");
    }

    [Fact]
    public async Task SortsByNumberNumericallyNotAsText()
    {
        (await SymbolsAsync("/?body=GA&session=76&sort=number-asc")).Should().Equal(
            ["A/RES/76/54", "A/RES/76/57", "A/RES/76/159", "A/RES/76/304"], "76/159 comes after 76/57 and before 76/304");
        (await SymbolsAsync("/?body=GA&session=76&sort=number-desc")).Should().Equal("A/RES/76/304", "A/RES/76/159", "A/RES/76/57", "A/RES/76/54");
        (await SymbolsAsync("/?session=75&sort=number-asc")).Should().Equal(
            "A/RES/75/17", "A/RES/75/55", "A/RES/75/101 A-B", "A/RES/75/102", "A/RES/75/239", "A/RES/75/245", "A/RES/75/245 B",
            "A/RES/75/249", "A/RES/75/250 B", "A/RES/75/269", "A/RES/75/283", "A/RES/75/290 A", "A/RES/75/325");

        var all = await SymbolsAsync("/?sort=number-asc");
        all.Should().HaveCount(21);
        all.IndexOf("A/RES/76/54").Should().BeGreaterThan(all.IndexOf("A/RES/75/325"), "session 75 before session 76");
        all.IndexOf("A/HRC/RES/37/23").Should().BeLessThan(all.IndexOf("A/HRC/RES/46/13"));
    }

    [Fact]
    public async Task SortsByDateBothWaysWithDraftsLast()
    {
        var (_, newest) = await App.GetDocumentAsync("/");
        var (_, oldest) = await App.GetDocumentAsync("/?sort=date-asc");
        var (_, explicitDefault) = await App.GetDocumentAsync("/?sort=date-desc");

        Symbols(newest)[0].Should().Be("A/HRC/RES/53/11");
        Symbols(newest)[^1].Should().Be("决议草案 · 第 43 届会议");
        Symbols(oldest)[0].Should().Be("A/HRC/RES/37/23");
        Symbols(oldest)[^1].Should().Be("决议草案 · 第 43 届会议");
        Symbols(explicitDefault).Should().Equal(Symbols(newest));
        Dates(newest).Should().HaveCount(20).And.BeInDescendingOrder();
        Dates(oldest).Should().HaveCount(20).And.BeInAscendingOrder();
        Symbols(oldest).IndexOf("A/RES/76/54").Should().BeLessThan(Symbols(oldest).IndexOf("A/RES/76/57"), "same day: by number");
        Symbols(newest).IndexOf("A/RES/76/54").Should().BeLessThan(Symbols(newest).IndexOf("A/RES/76/57"), "same day: by number");
    }

    [Fact]
    public async Task TheFormShowsTheFiltersInForceAndSubmitsToTheSameBookmarkableUrl()
    {
        const string url = "/?body=GA&session=76&year=2021&mode=without-vote&status=adopted&sort=number-desc";
        var (_, document) = await App.GetDocumentAsync(url);

        var form = document.QuerySelector<IHtmlFormElement>("form.browse")!;
        form.Method.Should().BeEquivalentTo("get");
        form.GetAttribute("action").Should().Be("/");
        foreach (var select in form.QuerySelectorAll<IHtmlSelectElement>("select"))
        {
            document.QuerySelector($"label[for='{select.Id}']").Should().NotBeNull($"{select.Name} has a label");
        }

        var submitted = form.QuerySelectorAll<IHtmlSelectElement>("select")
            .Where(s => s.Value != "" && !(s.Name == "sort" && s.Value == "date-desc"))
            .Select(s => $"{s.Name}={s.Value}");
        ("/?" + string.Join('&', submitted)).Should().Be(url, "the form's fields are the URL's parameters, in the same order");
        Symbols(document).Should().Equal("A/RES/76/159", "A/RES/76/57");

        var (_, again) = await App.GetDocumentAsync(url);
        Symbols(again).Should().Equal(Symbols(document), "a bookmarked URL shows the same list");
    }

    [Fact]
    public async Task EachActiveFilterLinksToTheSameViewWithoutIt()
    {
        var (_, document) = await App.GetDocumentAsync("/?body=GA&session=75&mode=recorded&sort=number-asc");

        var links = document.QuerySelectorAll(".active-filters a").Select(a => a.GetAttribute("href")).ToList();
        links.Should().Equal(
            "/?session=75&mode=recorded&sort=number-asc",
            "/?body=GA&mode=recorded&sort=number-asc",
            "/?body=GA&session=75&sort=number-asc",
            "/?sort=number-asc");
        foreach (var link in links)
        {
            var (response, page) = await App.GetDocumentAsync(link!);
            response.StatusCode.Should().Be(HttpStatusCode.OK, link);
            page.QuerySelectorAll(".active-filters .filter-label").Should().HaveCount(link == "/?sort=number-asc" ? 0 : 2, link);
        }
    }

    [Fact]
    public async Task ReadsValuesIgnoringCaseAndWritesThemCanonically()
    {
        var (_, document) = await App.GetDocumentAsync("/?body=ga&mode=RECORDED&sort=Number-Asc");

        Rows(document).Should().HaveCount(6);
        document.QuerySelector(".notice").Should().BeNull();
        document.QuerySelectorAll(".active-filters a").First().GetAttribute("href").Should().Be("/?mode=recorded&sort=number-asc");
    }

    [Theory]
    [InlineData("body=XYZ", "机构")]
    [InlineData("body=%3Cscript%3Ealert(1)%3C%2Fscript%3E", "机构")]
    [InlineData("session=abc", "届会")]
    [InlineData("session=0", "届会")]
    [InlineData("session=-1", "届会")]
    [InlineData("session=99999999999", "届会")]
    [InlineData("session=7.5", "届会")]
    [InlineData("year=99999999999", "年份")]
    [InlineData("year=abc", "年份")]
    [InlineData("year=0", "年份")]
    [InlineData("year=9999", "年份")]
    [InlineData("mode=unanimous", "通过方式")]
    [InlineData("status=%00", "状态")]
    [InlineData("sort=drop", "排序方式")]
    [InlineData("sort=%27%3B%20DROP%20TABLE%20Resolutions%3B%20--", "排序方式")]
    public async Task IgnoresAnInvalidValueAndSaysSoNeverFailing(string query, string named)
    {
        var (response, document) = await App.GetDocumentAsync($"/?{query}");

        response.StatusCode.Should().Be(HttpStatusCode.OK, query);
        var notice = document.QuerySelector(".notice[role='status']");
        notice.Should().NotBeNull(query);
        notice!.QuerySelectorAll("li").Should().ContainSingle().Which.TextContent.Should().StartWith(named).And.Contain("已忽略", query);
        Rows(document).Should().HaveCount(21, "the bad value filters nothing");
        document.QuerySelectorAll("main script").Should().BeEmpty();
        document.QuerySelector(".active-filters").Should().BeNull();
    }

    [Fact]
    public async Task IgnoresEveryInvalidValueAtOnceAndKeepsTheValidOnes()
    {
        var (response, document) = await App.GetDocumentAsync("/?body=XYZ&session=abc&year=99999999999&sort=drop&mode=x&status=y&page=zz&body=GA");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        document.QuerySelectorAll(".notice li").Should().HaveCount(6);

        var (_, mixed) = await App.GetDocumentAsync("/?body=GA&session=abc&sort=number-asc");
        Symbols(mixed).Should().HaveCount(17).And.StartWith("A/RES/75/17");
        mixed.QuerySelectorAll(".notice li").Should().ContainSingle();
    }

    [Fact]
    public async Task AValidFilterWithoutMatchesShowsAnEmptyResultAndKeepsTheValueSelected()
    {
        var (response, document) = await App.GetDocumentAsync("/?session=99");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        document.QuerySelector("table.resolutions").Should().BeNull();
        document.QuerySelector("p.empty").Should().NotBeNull();
        document.QuerySelector(".matched")!.TextContent.Should().Be("0");
        var selected = document.QuerySelector<IHtmlSelectElement>("#filter-session")!.SelectedOptions.Should().ContainSingle().Subject;
        selected.Value.Should().Be("99");
        selected.TextContent.Should().Be("第 99 届会议（0）");
    }

    [Fact]
    public async Task ShowsCountsBesideTheOptionsThatMatchTheListTheyLeadTo()
    {
        var (_, document) = await App.GetDocumentAsync("/?body=GA");

        Options(document, "filter-body").Should().Equal(("HRC", 4), ("GA", 17));
        Options(document, "filter-session").Should().Equal(("75", 13), ("76", 4));
        Options(document, "filter-year").Should().Equal(("2022", 1), ("2021", 9), ("2020", 7));
        Options(document, "filter-mode").Should().Equal(("recorded", 6), ("without-vote", 11), ("not-stated", 0));
        Options(document, "filter-status").Should().Equal(("adopted", 17), ("draft", 0));

        foreach (var select in new[] { "filter-session", "filter-year", "filter-mode" })
        {
            foreach (var (value, count) in Options(document, select))
            {
                var name = document.GetElementById(select)!.GetAttribute("name");
                var (_, filtered) = await App.GetDocumentAsync($"/?body=GA&{name}={value}");
                Rows(filtered).Should().HaveCount(count, $"{name}={value}");
            }
        }
    }

    [Fact]
    public async Task PagesAFilteredListAndKeepsTheFiltersInThePageLinks()
    {
        using var app = new ArchiveApplication();
        await SeedCopies.ImportAsync(app, 101); // HRC 46/1000…46/1100: with 46/13, 102 records of HRC session 46

        var (_, first) = await app.GetDocumentAsync("/?body=HRC&session=46&sort=number-asc");
        first.QuerySelector(".matched")!.TextContent.Should().Be("102");
        first.QuerySelector("main p")!.TextContent.Should().Contain("第 1 页，共 3 页");
        var nav = first.QuerySelector("nav[aria-label='分页']")!;
        nav.QuerySelector("a[rel='next']")!.GetAttribute("href").Should().Be("/?body=HRC&session=46&sort=number-asc&page=2");
        nav.QuerySelector("a[aria-current='page']")!.GetAttribute("href").Should().Be("/?body=HRC&session=46&sort=number-asc");

        var symbols = new List<string>();
        for (var page = 1; page <= 3; page++)
        {
            var (_, document) = await app.GetDocumentAsync($"/?body=HRC&session=46&sort=number-asc&page={page}");
            symbols.AddRange(Symbols(document));
        }

        symbols.Should().HaveCount(102).And.OnlyHaveUniqueItems();
        symbols[0].Should().Be("A/HRC/RES/46/13");
        symbols.Skip(1).Should().Equal(Enumerable.Range(1000, 101).Select(n => $"A/HRC/RES/46/{n}"), "numeric order");
    }

    private async Task<List<string>> SymbolsAsync(string url) => Symbols((await App.GetDocumentAsync(url)).Document);

    private static List<string> Symbols(IHtmlDocument document) => Cells(document).Select(c => c[0]).ToList();

    private static List<IElement> Rows(IHtmlDocument document) =>
        document.QuerySelectorAll("table.resolutions tbody tr").ToList();

    private static List<string[]> Cells(IHtmlDocument document) =>
        Rows(document).Select(r => r.QuerySelectorAll("td").Select(c => c.TextContent.Trim()).ToArray()).ToList();

    /// <summary>The options of a select that stand for a value, with the count shown beside each.</summary>
    private static List<(string Value, int Count)> Options(IHtmlDocument document, string id) =>
        document.GetElementById(id)!.QuerySelectorAll("option")
            .Where(o => o.GetAttribute("value") != "")
            .Select(o => (o.GetAttribute("value")!, int.Parse(CountPattern().Match(o.TextContent).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)))
            .ToList();

    private static List<string> Dates(IHtmlDocument document) =>
        Rows(document).Select(r => r.QuerySelector("time")?.GetAttribute("datetime")).OfType<string>().ToList();

    [GeneratedRegex("（(\\d+)）$")]
    private static partial Regex CountPattern();
}
