using ResolutionArchive.Web.Hosting;

namespace ResolutionArchive.Web.Tests.Pages;

/// <summary>The weak ETags of <see cref="ResponseCaching"/> and how If-None-Match is compared (RFC 9110 §13.1.2).</summary>
public sealed class ETagTests
{
    [Theory]
    [InlineData("W/\"5-abc\"", "W/\"5-abc\"", true)]
    [InlineData("\"5-abc\"", "W/\"5-abc\"", true)]
    [InlineData("W/\"4-abc\", W/\"5-abc\"", "W/\"5-abc\"", true)]
    [InlineData("*", "W/\"5-abc\"", true)]
    [InlineData("W/\"4-abc\"", "W/\"5-abc\"", false)]
    [InlineData("", "W/\"5-abc\"", false)]
    [InlineData("not a tag", "W/\"5-abc\"", false)]
    public void IfNoneMatchIsComparedWeakly(string header, string etag, bool matches) =>
        ResponseCaching.Matches(header, etag).Should().Be(matches);

    [Fact]
    public void TheETagCoversTheRevisionTheCulturesThePathAndTheQuery()
    {
        var tag = ResponseCaching.ETag(7, "zh-Hans", "zh-Hans", "/", "?page=2");
        tag.Should().MatchRegex("^W/\"7-[0-9a-f]{16}\"$");
        ResponseCaching.ETag(7, "zh-Hans", "zh-Hans", "/", "?page=2").Should().Be(tag);
        new[]
        {
            ResponseCaching.ETag(8, "zh-Hans", "zh-Hans", "/", "?page=2"),
            ResponseCaching.ETag(7, "en", "en", "/", "?page=2"),
            ResponseCaching.ETag(7, "zh-Hans", "zh-Hans", "/sessions", "?page=2"),
            ResponseCaching.ETag(7, "zh-Hans", "zh-Hans", "/", "?page=3"),
        }.Should().NotContain(tag).And.OnlyHaveUniqueItems();
    }
}
