using System.Net;
using System.Text;
using System.Text.Json;
using ResolutionArchive.Data.Import;
using ResolutionArchive.Parsing;
using ResolutionArchive.Parsing.Akn;
using ResolutionArchive.Web.Tests.Infrastructure;

namespace ResolutionArchive.Web.Tests.Api;

public sealed class ExportAknTests : OwnSiteTests
{
    [Fact]
    public async Task AnswersEverySeedIncludingTheDraftAsTheBytesAknWriterWrites()
    {
        using var client = App.CreateClient();
        foreach (var seed in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seeds"), "*.txt"))
        {
            var parsed = ResolutionTextParser.Parse(File.ReadAllBytes(seed), seed).Resolution!;
            var url = $"/api/resolutions/{ResolutionMapper.KeyOf(parsed)}.akn.xml";

            var response = await client.GetAsync(url);

            response.StatusCode.Should().Be(HttpStatusCode.OK, url);
            response.Content.Headers.ContentType!.ToString().Should().Be("application/akn+xml; charset=utf-8", url);
            var bytes = await response.Content.ReadAsByteArrayAsync();
            bytes.Should().Equal(Encoding.UTF8.GetBytes(AknWriter.Write(parsed)), url);
            AknSchema.Validate(Encoding.UTF8.GetString(bytes)).Should().BeEmpty(url);
        }
    }

    [Fact]
    public async Task RedirectsANumberThatNamesOneRecordToItsKey()
    {
        using var client = App.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync("/api/resolutions/46/13.akn.xml");

        response.StatusCode.Should().Be(HttpStatusCode.MovedPermanently);
        response.Headers.Location!.OriginalString.Should().Be("/api/resolutions/A/HRC/RES/46/13.akn.xml");
    }

    [Theory]
    [InlineData("/api/resolutions/A/RES/99/999.akn.xml")]
    [InlineData("/api/resolutions/.akn.xml")]
    [InlineData("/api/resolutions/A/HRC/RES/46/13.akn.xml.akn.xml")]
    public async Task AnswersAProblemDocumentGivenAnUnknownKey(string url)
    {
        using var client = App.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync(url);

        response.StatusCode.Should().Be(HttpStatusCode.NotFound, url);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json", url);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        problem.RootElement.GetProperty("status").GetInt32().Should().Be(404);
    }
}
