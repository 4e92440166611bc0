using System.Net;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using ResolutionArchive.Web.Presentation;
using ResolutionArchive.Web.Tests.Infrastructure;

namespace ResolutionArchive.Web.Tests.Pages;

/// <summary>The English interface switch (docs/localization.md): labels and country names switch, document text stays Chinese.</summary>
public sealed class LocalizationTests : OwnSiteTests
{
    [Fact]
    public async Task TheHomePageIsChineseByDefault()
    {
        var (_, document) = await App.GetDocumentAsync("/");
        document.DocumentElement.GetAttribute("lang").Should().Be("zh-Hans");
        document.QuerySelector("h1")!.TextContent.Should().Be("全部决议");
        var language = document.QuerySelector("#language-switch")!;
        language.TextContent.Should().Be("English");
        language.GetAttribute("lang").Should().Be("en");
        language.GetAttribute("href").Should().Be("/language?culture=en&returnUrl=%2F");
    }

    [Fact]
    public async Task CultureEnShowsTheHomePageInEnglishWithTitlesStillChinese()
    {
        var (_, document) = await App.GetDocumentAsync("/?culture=en");
        document.DocumentElement.GetAttribute("lang").Should().Be("en");
        document.QuerySelector("h1")!.TextContent.Should().Be("All resolutions");
        document.Title.Should().Be("All resolutions · UN Resolution Archive");
        document.QuerySelectorAll("table.resolutions th").Select(th => th.TextContent)
            .Should().Equal("Symbol", "Title", "Body", "Session", "Adopted on", "Adoption", "Vote (yes/no/abstain)");
        var row = document.QuerySelectorAll("table.resolutions tbody tr")
            .Single(tr => tr.QuerySelector("a")!.TextContent == "A/HRC/RES/53/11");
        row.Children[1].GetAttribute("lang").Should().Be("zh-Hans");
        row.Children[1].TextContent.Should().Be("加强人权领域的国际合作");
        row.Children[2].TextContent.Should().Be("Human Rights Council");
        row.Children[3].TextContent.Should().Be("Session 53");
        var language = document.QuerySelector("#language-switch")!;
        language.TextContent.Should().Be("中文");
        language.GetAttribute("lang").Should().Be("zh-Hans");
        language.GetAttribute("href").Should().Be("/language?culture=zh-Hans&returnUrl=%2F", "the culture parameter is left out so that the cookie decides");
        document.Body!.TextContent.Should().NotContain("筛选条件").And.NotContain("通过日期");
    }

    [Fact]
    public async Task CultureEnShows4613WithEnglishCountryNamesAndChineseClauses()
    {
        var (_, document) = await App.GetDocumentAsync("/resolutions/A/HRC/RES/46/13?culture=en");
        document.DocumentElement.GetAttribute("lang").Should().Be("en");
        document.QuerySelector("#vote-heading")!.TextContent.Should().Be("Voting record");
        document.QuerySelector("#vote-yes li[data-iso3='CHN']")!.TextContent.Should().Be("China");
        document.QuerySelector("#vote-no li[data-iso3='GBR']")!.TextContent.Should().Contain("United Kingdom");
        document.QuerySelector("#vote-yes-heading")!.TextContent.Should().StartWith("In favour (");
        var clause = document.QuerySelector("#op1")!;
        clause.GetAttribute("lang").Should().Be("zh-Hans");
        Regex.IsMatch(clause.TextContent, @"\p{IsCJKUnifiedIdeographs}").Should().BeTrue("the resolution's text stays Chinese");
        document.QuerySelector("h1 .title")!.GetAttribute("lang").Should().Be("zh-Hans");
        document.QuerySelector("time")!.TextContent.Should().MatchRegex(@"^\d{1,2} [A-Z][a-z]+ \d{4}$");
    }

    [Fact]
    public async Task TheDateIsChineseInChineseAndEnglishInEnglish()
    {
        var (_, zh) = await App.GetDocumentAsync("/resolutions/A/HRC/RES/53/11");
        var (_, en) = await App.GetDocumentAsync("/resolutions/A/HRC/RES/53/11?culture=en");
        var date = zh.QuerySelector("dl.meta time")!.GetAttribute("datetime")!;
        var parsed = DateOnly.ParseExact(date, "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        zh.QuerySelector("dl.meta time")!.TextContent.Should().Be($"{parsed.Year} 年 {parsed.Month} 月 {parsed.Day} 日");
        en.QuerySelector("dl.meta time")!.TextContent.Should().Be(parsed.ToString("d MMMM yyyy", System.Globalization.CultureInfo.GetCultureInfo("en")));
    }

    [Fact]
    public async Task TheSwitchSetsTheCookieAndRedirectsToTheLocalReturnUrl()
    {
        var (response, _) = await App.GetDocumentAsync("/language?culture=en&returnUrl=%2Fresolutions%2FA%2FHRC%2FRES%2F53%2F11%3Fx%3D1");
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be("/resolutions/A/HRC/RES/53/11?x=1");
        response.Headers.GetValues("Set-Cookie").Should().ContainSingle(c => c.StartsWith(".AspNetCore.Culture=c%3Den%7Cuic%3Den", StringComparison.Ordinal));

        using var client = App.CreateClient(new() { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, "/resolutions/A/HRC/RES/53/11");
        request.Headers.Add("Cookie", ".AspNetCore.Culture=c%3Den%7Cuic%3Den");
        var html = await (await client.SendAsync(request)).Content.ReadAsStringAsync();
        html.Should().Contain("<html lang=\"en\">").And.Contain("Voting record");
    }

    [Theory]
    [InlineData("https://evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("javascript:alert(1)")]
    [InlineData("")]
    public async Task TheSwitchRedirectsAnythingButALocalPathToTheHomePage(string returnUrl)
    {
        var (response, _) = await App.GetDocumentAsync($"/language?culture=en&returnUrl={Uri.EscapeDataString(returnUrl)}");
        response.StatusCode.Should().Be(HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be("/");
    }

    [Fact]
    public async Task AnUnsupportedCultureFallsBackToChinese()
    {
        var (response, _) = await App.GetDocumentAsync("/language?culture=fr&returnUrl=%2F");
        response.Headers.GetValues("Set-Cookie").Should().ContainSingle(c => c.StartsWith(".AspNetCore.Culture=c%3Dzh-Hans%7Cuic%3Dzh-Hans", StringComparison.Ordinal));
        var (_, document) = await App.GetDocumentAsync("/?culture=fr");
        document.DocumentElement.GetAttribute("lang").Should().Be("zh-Hans");
    }

    [Fact]
    public void EveryKeyUsedInThePagesHasAnEnglishValue()
    {
        var web = Path.Combine(ResolutionArchive.Testing.RepositoryPaths.Root, "src", "ResolutionArchive.Web");
        var resx = XDocument.Load(Path.Combine(web, "Resources", "SharedResource.en.resx"));
        var keys = resx.Root!.Elements("data").Select(d => d.Attribute("name")!.Value).ToHashSet(StringComparer.Ordinal);
        var used = Directory.EnumerateFiles(Path.Combine(web, "Pages"), "*.cshtml", SearchOption.AllDirectories)
            .SelectMany(f => Regex.Matches(File.ReadAllText(f), "L\\[\"([^\"]*)\"").Select(m => m.Groups[1].Value))
            .Concat(Directory.EnumerateFiles(web, "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
                .SelectMany(f => Regex.Matches(File.ReadAllText(f), "Localize\\(\"([^\"]*)\"").Select(m => m.Groups[1].Value)))
            .Concat(BrowseFilterSortLabels())
            .Distinct()
            .ToList();
        used.Should().NotBeEmpty();
        used.Where(k => !keys.Contains(k)).Should().BeEmpty();
    }

    [Fact]
    public void LocalUrlsAreOnlyPathsOnThisSite()
    {
        UiCulture.IsLocalUrl("/").Should().BeTrue();
        UiCulture.IsLocalUrl("/resolutions/A/RES/76/159?x=1#op3").Should().BeTrue();
        UiCulture.IsLocalUrl("//evil.example").Should().BeFalse();
        UiCulture.IsLocalUrl("/\\evil.example").Should().BeFalse();
        UiCulture.IsLocalUrl("https://evil.example/").Should().BeFalse();
        UiCulture.IsLocalUrl(null).Should().BeFalse();
    }

    private static IEnumerable<string> BrowseFilterSortLabels() =>
        ResolutionArchive.Web.Pages.BrowseFilter.Sorts.Select(s => s.Label);

    [Theory]
    [InlineData("/%E4%BA%BA%E6%9D%83", "/%E4%BA%BA%E6%9D%83")]
    [InlineData("/search?q=%E4%BA%BA%E6%9D%83", "/search?q=%E4%BA%BA%E6%9D%83")]
    [InlineData("/%C3%A9%20x", "/%C3%A9%20x")]
    public async Task TheLanguageSwitchRedirectsToANonAsciiPathWithAnAsciiLocation(string returnUrl, string location)
    {
        // the query value arrives decoded (/人权); Kestrel refuses a non-ASCII Location, so it is percent-encoded again
        var (response, _) = await App.GetDocumentAsync($"/language?culture=en&returnUrl={Uri.EscapeDataString(Uri.UnescapeDataString(returnUrl))}");

        response.StatusCode.Should().Be(System.Net.HttpStatusCode.Redirect);
        response.Headers.Location!.OriginalString.Should().Be(location);
    }
}
