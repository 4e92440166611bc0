using System.Net;
using ResolutionArchive.Web.Tests.Infrastructure;

namespace ResolutionArchive.Web.Tests.Pages;

/// <summary><c>/countries</c>: every member and observer state with its names, code and recorded votes; searchable.</summary>
public sealed class CountryListTests : OwnSiteTests
{
    private async Task<List<(string Iso3, string NameZh, string NameEn, string Votes)>> RowsAsync(string url)
    {
        var (response, document) = await App.GetDocumentAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return document.QuerySelectorAll("#countries tbody tr").Select(tr =>
        {
            var cells = tr.QuerySelectorAll("td").ToList();
            return (tr.GetAttribute("data-iso3")!, cells[0].QuerySelector("a")!.TextContent, cells[1].TextContent, cells[3].TextContent);
        }).ToList();
    }

    [Fact]
    public async Task The_Chinese_list_is_in_pinyin_order_and_the_English_one_alphabetical()
    {
        var zh = await RowsAsync("/countries");
        var en = await RowsAsync("/countries?culture=en");

        zh.Select(r => r.NameZh).Should().BeInAscendingOrder(System.StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("zh-CN"), false));
        zh.Take(3).Select(r => r.NameZh).Should().Equal(["阿尔巴尼亚", "阿尔及利亚", "阿富汗"], "pinyin: a-er-ba-ni-ya, a-er-ji-li-ya, a-fu-han");
        zh.Last().NameZh.Should().Be("中国", "zhongguo, after zanbiya and zhongfei");
        en.Select(r => r.NameEn).Should().BeInAscendingOrder(System.StringComparer.Create(System.Globalization.CultureInfo.GetCultureInfo("en"), true));
        en.First().NameEn.Should().Be("Afghanistan");
    }

    [Fact]
    public async Task The_list_offers_the_votes_as_CSV_and_as_CSV_for_Excel()
    {
        var (_, document) = await App.GetDocumentAsync("/countries");

        document.GetElementById("votes-csv")!.GetAttribute("href").Should().Be("/data/votes.csv");
        document.GetElementById("votes-csv-excel")!.GetAttribute("href").Should().Be("/data/votes.csv?bom=1");
    }

    [Fact]
    public async Task Lists_the_195_states_with_their_names_codes_and_recorded_votes()
    {
        var rows = await RowsAsync("/countries");

        rows.Should().HaveCount(195);
        rows.Should().Contain(("CHN", "中国", "China", "3"));
        rows.Should().Contain(("USA", "美利坚合众国", "United States of America", "2"));
        rows.Should().Contain(("VAT", "罗马教廷", "Holy See", "0"));
        rows.Select(r => int.Parse(r.Votes, System.Globalization.CultureInfo.InvariantCulture)).Sum().Should().Be(140, "the three recorded seed votes list 140 states in all");
    }

    [Theory]
    [InlineData("中国", "CHN")]
    [InlineData("中华人民共和国", "CHN")]
    [InlineData("china", "CHN")]
    [InlineData("ＣＨＩＮＡ", "CHN")]
    [InlineData("chn", "CHN")]
    [InlineData("CN", "CHN")]
    [InlineData("玻利维亚多民族国", "BOL")]
    [InlineData("Bolivia", "BOL")]
    [InlineData("教廷", "VAT")]
    public async Task Finds_a_state_by_chinese_name_alias_english_name_or_code(string query, string iso3)
    {
        var rows = await RowsAsync("/countries?q=" + Uri.EscapeDataString(query));

        rows.Select(r => r.Iso3).Should().Contain(iso3);
        rows.Should().HaveCountLessThan(10, $"“{query}” is specific");
    }

    [Theory]
    [InlineData("<script>alert(1)</script>")]
    [InlineData("'; DROP TABLE x; --")]
    [InlineData("%ZZ")]
    public async Task A_query_that_matches_nothing_says_so(string query)
    {
        var (response, document) = await App.GetDocumentAsync("/countries?q=" + Uri.EscapeDataString(query));

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        document.QuerySelector("#countries").Should().BeNull();
        document.QuerySelector("#country-count")!.TextContent.Should().Contain(query);
        document.QuerySelectorAll("main script").Should().BeEmpty();
    }
}
