using System.Globalization;
using System.Text.RegularExpressions;
using ResolutionArchive.Web.Tests.Infrastructure;

namespace ResolutionArchive.Web.Tests.Pages;

/// <summary>
/// Pages carry their text as UTF-8, not as numeric character references (issue 17: every Chinese character was sent as
/// <c>&amp;#x52A0;</c>, 53/11 weighed 117 kB instead of 74 kB and its source could not be read), while the characters
/// HTML needs escaped still are.
/// </summary>
public sealed partial class PageEncodingTests(SampleArchive archive) : IClassFixture<SampleArchive>
{
    [Theory]
    [InlineData("/resolutions/A/HRC/RES/53/11", "人权理事会")]
    [InlineData("/resolutions/A/HRC/RES/46/13?culture=en", "在人权领域促进合作共赢")]
    [InlineData("/", "在人权领域促进合作共赢")]
    [InlineData("/countries/CHN", "中国")]
    [InlineData("/search?q=%E4%BA%BA%E6%9D%83", "人权")]
    public async Task TextOutsideAsciiIsSentAsItselfAndNoCharacterAsAReference(string url, string text)
    {
        var html = await archive.App.CreateClient().GetStringAsync(url);

        html.Should().Contain(text);
        var references = NumericReference().Matches(html)
            .Select(m => int.Parse(m.Groups[1].Value, NumberStyles.HexNumber, CultureInfo.InvariantCulture))
            .Where(codePoint => codePoint >= 0x80)
            .ToList();
        references.Should().BeEmpty("only the characters HTML needs escaped (&, <, >, quotes) are written as references");
    }

    [Fact]
    public async Task WhatHtmlNeedsEscapedStillIs()
    {
        var html = await archive.App.CreateClient().GetStringAsync("/search?q=%3Cb%3E%E4%BA%BA%E6%9D%83%22");

        html.Should().NotContain("<b>人权").And.Contain("&lt;b&gt;人权");
    }

    [GeneratedRegex("&#x([0-9A-Fa-f]+);")]
    private static partial Regex NumericReference();
}
