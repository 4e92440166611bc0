using System.Net;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using ResolutionArchive.Parsing;
using ResolutionArchive.Web.Tests.Infrastructure;

namespace ResolutionArchive.Web.Tests.Pages;

/// <summary>
/// The compare view <c>/compare/{A}/{B}</c> (docs/lineage.md §4) through the real site: the summary counts, the rows,
/// the diff marks, the redirect from numbers and the 404s. The expected rows were read from the seed texts (see
/// ParagraphAlignmentTests in the data tests for the same alignments, commented).
/// </summary>
public sealed class ComparePageTests : IDisposable
{
    private const string Url3723To4613 = "/compare/A/HRC/RES/37/23/A/HRC/RES/46/13";
    private const string Url76159To5311 = "/compare/A/RES/76/159/A/HRC/RES/53/11";

    private readonly ArchiveApplication _app = new();

    public void Dispose() => _app.Dispose();

    /// <summary>The rows of a section as <c>kind a-anchor b-anchor</c>, from the page.</summary>
    private static List<string> Rows(IHtmlDocument document, string section) =>
        document.QuerySelectorAll($"#{section}-rows tbody tr").Select(tr =>
        {
            var a = tr.QuerySelector("td[id^='a-']")?.Id![2..] ?? "-";
            var b = tr.QuerySelector("td[id^='b-']")?.Id![2..] ?? "-";
            return $"{tr.GetAttribute("data-kind")} {a} {b}";
        }).ToList();

    /// <summary>The text a sighted reader sees in <paramref name="element"/>: without the visually hidden words.</summary>
    private static string VisibleText(IElement element)
    {
        var copy = (IElement)element.Clone(deep: true);
        foreach (var hidden in copy.QuerySelectorAll(".visually-hidden").ToList())
        {
            hidden.Remove();
        }

        return copy.TextContent;
    }

    [Fact]
    public async Task Compares3723With4613WithTheCountsOfEachKind()
    {
        var (response, document) = await _app.GetDocumentAsync(Url3723To4613);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        document.QuerySelector("h1")!.TextContent.Should().Be("比较 A/HRC/RES/37/23 与 A/HRC/RES/46/13");
        document.Title.Should().StartWith("比较 A/HRC/RES/37/23 与 A/HRC/RES/46/13");
        document.QuerySelector("#record-a a")!.GetAttribute("href").Should().Be("/resolutions/A/HRC/RES/37/23");
        document.QuerySelector("#record-a time")!.GetAttribute("datetime").Should().Be("2018-03-23");
        document.QuerySelector("#record-b a")!.GetAttribute("href").Should().Be("/resolutions/A/HRC/RES/46/13");
        document.QuerySelector("#record-b time")!.GetAttribute("datetime").Should().Be("2021-03-23");
        document.QuerySelector("#swap")!.GetAttribute("href").Should().Be("/compare/A/HRC/RES/46/13/A/HRC/RES/37/23");
        document.QuerySelector("#summary-preamble")!.TextContent.Should().Be("序言部分：相同 4，修改 7，移动 1，新增 5，删除 3");
        document.QuerySelector("#summary-operative")!.TextContent.Should().Be("执行部分：相同 0，修改 4，移动 0，新增 4，删除 1，编号改变 3");
    }

    [Fact]
    public async Task The3723To4613RowsAreTheAlignmentReadFromTheTexts()
    {
        var (_, document) = await _app.GetDocumentAsync(Url3723To4613);

        Rows(document, "preamble").Should().Equal(
            "changed pp1 pp1", "changed pp2 pp2", "changed pp3 pp3", "identical pp4 pp4", "identical pp5 pp5", "identical pp6 pp6",
            "added - pp7", "added - pp8", "changed pp7 pp9", "removed pp8 -", "removed pp9 -", "moved pp11 pp10", "added - pp11",
            "added - pp12", "changed pp10 pp13", "identical pp12 pp14", "added - pp15", "changed pp13 pp16", "changed pp14 pp17",
            "removed pp15 -");
        Rows(document, "operative").Should().Equal(
            "changed op1 op1", "added - op2", "changed op2 op3", "changed op3 op4", "changed op4 op5", "removed op5 -",
            "added - op6", "added - op7", "added - op8");
    }

    [Fact]
    public async Task AChangedRowMarksTheDeletionInAAndTheInsertionInBInWordsToo()
    {
        var (_, document) = await _app.GetDocumentAsync(Url3723To4613);

        var row = document.GetElementById("b-op5")!.ParentElement!;
        row.GetAttribute("data-kind").Should().Be("changed");
        row.QuerySelector("th.kind")!.TextContent.Should().Contain("≠ 修改").And.Contain("第 4 段 → 第 5 段");
        var a = document.GetElementById("a-op4")!;
        var b = document.GetElementById("b-op5")!;
        a.QuerySelectorAll("del").Select(VisibleText).Should().Equal("的");
        a.QuerySelectorAll("ins").Should().BeEmpty();
        b.QuerySelectorAll("ins").Select(VisibleText).Should().Equal("的重要性");
        b.QuerySelectorAll("del").Should().BeEmpty();
        a.QuerySelector("del .visually-hidden")!.TextContent.Should().Be("（删除开始）");
        b.QuerySelector("ins .visually-hidden")!.TextContent.Should().Be("（插入开始）");
        VisibleText(a.QuerySelector(".paragraph-text")!).Should().Be("请联合国有关人权机制及程序继续重视在促进和保护所有人权方面的合作共赢；");
        VisibleText(b.QuerySelector(".paragraph-text")!).Should().Be("请联合国有关人权机制及程序继续重视在促进和保护所有人权方面合作共赢的重要性；");
        a.QuerySelector("a.paragraph-label")!.GetAttribute("href").Should().Be("/resolutions/A/HRC/RES/37/23#op4");
        a.QuerySelector("a.paragraph-label")!.TextContent.Should().Be("第 4 段");
        b.QuerySelector("a.paragraph-label")!.GetAttribute("href").Should().Be("/resolutions/A/HRC/RES/46/13#op5");
    }

    [Fact]
    public async Task EveryCellShowsItsParagraphsTextExactlyAndIdenticalRowsHaveNoMarks()
    {
        var seeds = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seeds"), "*.txt")
            .Select(f => ResolutionTextParser.Parse(File.ReadAllBytes(f), f).Resolution!)
            .ToDictionary(r => r.Number);
        foreach (var (older, newer, url) in new[] { ("37/23", "46/13", Url3723To4613), ("76/159", "53/11", Url76159To5311) })
        {
            var (_, document) = await _app.GetDocumentAsync(url);
            foreach (var (side, resolution) in new[] { ("a", seeds[older]), ("b", seeds[newer]) })
            {
                var clauses = resolution.Preamble.Concat(resolution.Operative).ToList();
                document.QuerySelectorAll($"td[id^='{side}-']").Should().HaveCount(clauses.Count, $"every paragraph of {url} side {side} has one cell");
                foreach (var clause in clauses)
                {
                    var cell = document.GetElementById($"{side}-{clause.Id}");
                    cell.Should().NotBeNull($"{url} {side}-{clause.Id}");
                    VisibleText(cell!.QuerySelector(".paragraph-text")!).Should().Be(clause.Text, $"{url} {side}-{clause.Id}");
                }
            }

            document.QuerySelectorAll("tr[data-kind='identical'] ins, tr[data-kind='identical'] del, tr[data-kind='added'] ins, tr[data-kind='removed'] del").Should().BeEmpty();
            document.All.Select(e => e.Id).Where(id => !string.IsNullOrEmpty(id)).Should().OnlyHaveUniqueItems();
        }
    }

    [Fact]
    public async Task Compares76159With5311WithTheMovedParagraphsAndTheRenumbering()
    {
        var (response, document) = await _app.GetDocumentAsync(Url76159To5311);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        document.QuerySelector("#summary-preamble")!.TextContent.Should().Be("序言部分：相同 1，修改 9，移动 2，新增 21，删除 3");
        document.QuerySelector("#summary-operative")!.TextContent.Should().Be("执行部分：相同 0，修改 10，移动 1，新增 26，删除 6，编号改变 8");
        Rows(document, "preamble").Where(r => !r.StartsWith("added", StringComparison.Ordinal)).Should().Equal(
            "changed pp1 pp1", "changed pp2 pp2", "changed pp3 pp4", "moved pp15 pp8", "changed pp4 pp10", "changed pp5 pp16",
            "removed pp6 -", "removed pp7 -", "changed pp8 pp20", "removed pp9 -", "moved pp11 pp24", "identical pp10 pp28",
            "changed pp12 pp29", "changed pp13 pp31", "changed pp14 pp32");
        Rows(document, "operative").Where(r => !r.StartsWith("added", StringComparison.Ordinal)).Should().Equal(
            "changed op1 op1", "changed op2 op2", "changed op4 op3", "moved op3 op6", "changed op5 op7", "changed op6 op11",
            "changed op7 op12", "removed op8 -", "changed op9 op17", "changed op10 op18", "removed op11 -", "removed op12 -",
            "changed op13 op26", "changed op14 op34", "removed op15 -", "removed op16 -", "removed op17 -");

        // pp11 of 76/159 reappears unchanged as pp24 of 53/11: moved, with nothing marked.
        var moved = document.GetElementById("b-pp24")!.ParentElement!;
        moved.GetAttribute("data-kind").Should().Be("moved");
        moved.QuerySelector("th.kind")!.TextContent.Should().Contain("↕ 移动").And.Contain("序言部分第 11 段 → 序言部分第 24 段");
        moved.QuerySelectorAll("ins, del").Should().BeEmpty();
        moved.QuerySelector("#a-pp11").Should().NotBeNull();

        // op3 of 76/159 moved to op6 of 53/11 and changed on the way.
        var op6 = document.GetElementById("b-op6")!;
        op6.ParentElement!.QuerySelector("th.kind")!.TextContent.Should().Contain("第 3 段 → 第 6 段");
        op6.QuerySelectorAll("ins").Select(VisibleText).Should().Contain("及其内部");
        document.GetElementById("a-op3")!.QuerySelectorAll("del").Select(VisibleText).Should().Contain("促进");

        // An added row has B only; a removed row A only.
        var added = document.GetElementById("b-op37")!.ParentElement!;
        added.GetAttribute("data-kind").Should().Be("added");
        added.QuerySelector("th.kind")!.TextContent.Should().Contain("＋ 新增");
        added.QuerySelector("td.none").Should().NotBeNull();
        var removed = document.GetElementById("a-op17")!.ParentElement!;
        removed.QuerySelector("th.kind")!.TextContent.Should().Contain("－ 删除");
    }

    [Fact]
    public async Task ARecordComparedWithItselfIsIdenticalThroughout()
    {
        var (_, document) = await _app.GetDocumentAsync("/compare/A/HRC/RES/46/13/A/HRC/RES/46/13");

        document.QuerySelector("#summary-preamble")!.TextContent.Should().Be("序言部分：相同 17，修改 0，移动 0，新增 0，删除 0");
        document.QuerySelector("#summary-operative")!.TextContent.Should().Be("执行部分：相同 8，修改 0，移动 0，新增 0，删除 0，编号改变 0");
        document.QuerySelectorAll("ins, del").Should().HaveCount(2, "only the legend shows the two marks");
    }

    [Theory]
    [InlineData("/compare/37/23/46/13", "/compare/A/HRC/RES/37/23/A/HRC/RES/46/13")]
    [InlineData("/compare/A/HRC/RES/37/23/46/13", "/compare/A/HRC/RES/37/23/A/HRC/RES/46/13")]
    [InlineData("/compare/76/159/A/HRC/RES/53/11", "/compare/A/RES/76/159/A/HRC/RES/53/11")]
    [InlineData("/compare/37/23/46/13?culture=en", "/compare/A/HRC/RES/37/23/A/HRC/RES/46/13?culture=en")]
    [InlineData("/compare/43/.../46/13/", "/compare/HRC/43/draft/03955e30/A/HRC/RES/46/13")]
    public async Task NumbersThatNameOneRecordEachRedirectPermanentlyToTheKeys(string url, string location)
    {
        var (response, _) = await _app.GetDocumentAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.MovedPermanently);
        response.Headers.Location!.OriginalString.Should().Be(location);
        var (target, _) = await _app.GetDocumentAsync(location);
        target.StatusCode.Should().Be(HttpStatusCode.OK);
    }

    [Theory]
    [InlineData("/compare")]
    [InlineData("/compare/")]
    [InlineData("/compare/A/HRC/RES/37/23")]
    [InlineData("/compare/A/HRC/RES/37/23/")]
    [InlineData("/compare/37/23")]
    [InlineData("/compare/46/13/99/99")]
    [InlineData("/compare/A/HRC/RES/37/23//A/HRC/RES/46/13")]
    [InlineData("/compare/..%2F..%2Fetc/passwd")]
    [InlineData("/compare/%01/%02")]
    [InlineData("/compare/a%0Ab/c")]
    [InlineData("/compare/%ZZ/x")]
    [InlineData("/compare/%E2%80%AE/%F0%9F%98%80")]
    [InlineData("/compare/'%3B%20DROP%20TABLE%20Resolutions%3B%20--/x")]
    [InlineData("/compare/%22%3E%3Cscript%3Ealert(1)%3C%2Fscript%3E/x")]
    [InlineData("/compare/A/HRC/RES/37/23/A/HRC/RES/46/13%20")]
    public async Task AnythingElseIsNotFound(string url)
    {
        var (response, document) = await _app.GetDocumentAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound, url);
        document.QuerySelector("script:not([src])").Should().BeNull();
    }

    [Fact]
    public async Task APathOfManySegmentsIsNotFoundAtOnce()
    {
        var (many, _) = await _app.GetDocumentAsync("/compare/" + string.Concat(Enumerable.Repeat("a/", 200)) + "b");
        var (long1, _) = await _app.GetDocumentAsync("/compare/" + new string('x', 2000) + "/y");

        many.StatusCode.Should().Be(HttpStatusCode.NotFound);
        long1.StatusCode.Should().Be(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task TheEnglishInterfaceKeepsTheDocumentTextChinese()
    {
        var (_, document) = await _app.GetDocumentAsync(Url3723To4613 + "?culture=en");

        document.DocumentElement.GetAttribute("lang").Should().Be("en");
        document.QuerySelector("h1")!.TextContent.Should().Be("Compare A/HRC/RES/37/23 with A/HRC/RES/46/13");
        document.QuerySelector("#summary-preamble")!.TextContent.Should().Be("Preamble: 4 identical, 7 changed, 1 moved, 5 added, 3 removed");
        document.QuerySelector("#summary-operative")!.TextContent.Should().Be("Operative part: 0 identical, 4 changed, 0 moved, 4 added, 1 removed, 3 renumbered");
        document.QuerySelectorAll(".paragraph-text").Should().NotBeEmpty().And.OnlyContain(e => e.GetAttribute("lang") == "zh-Hans");
        document.QuerySelectorAll(".title").Should().OnlyContain(e => e.GetAttribute("lang") == "zh-Hans");
        var hidden = document.QuerySelector("#a-op4 del .visually-hidden")!;
        (hidden.TextContent, hidden.GetAttribute("lang")).Should().Be(("[deletion start]", "en"));
        document.GetElementById("b-op5")!.ParentElement!.QuerySelector("th.kind")!.TextContent.Should().Contain("≠ Changed").And.Contain("paragraph 4 → paragraph 5");
    }

    [Fact]
    public async Task SymbolsWithASpaceAndResolutionsInPartsAreComparedToo()
    {
        await SampleArchive.ImportSampleAsync(_app);

        var (response, document) = await _app.GetDocumentAsync("/compare/A/RES/75/245/A/RES/75/245%20B");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        document.QuerySelector("h1")!.TextContent.Should().Be("比较 A/RES/75/245 与 A/RES/75/245 B");
        document.QuerySelector("#record-b a")!.GetAttribute("href").Should().Be("/resolutions/A/RES/75/245%20B");
        document.QuerySelector("#swap")!.GetAttribute("href").Should().Be("/compare/A/RES/75/245%20B/A/RES/75/245");

        var (parts, partsDocument) = await _app.GetDocumentAsync("/compare/A/RES/75/101%20A-B/A/RES/75/250%20B");
        parts.StatusCode.Should().Be(HttpStatusCode.OK);
        partsDocument.QuerySelectorAll("td[id^='a-A-op']").Should().NotBeEmpty("the anchors of a resolution in parts carry the part");
        partsDocument.QuerySelectorAll("td[id^='a-B-op']").Should().NotBeEmpty();
        partsDocument.All.Select(e => e.Id).Where(id => !string.IsNullOrEmpty(id)).Should().OnlyHaveUniqueItems();
    }
}
