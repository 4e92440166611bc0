using System.Net;
using System.Net.Http.Headers;
using ResolutionArchive.Web.Tests.Infrastructure;

namespace ResolutionArchive.Web.Tests.Faults;

/// <summary>
/// Issue 14 item 10: a Range request for a static file (RFC 9110 §14) answers the range it asked for — 206 with the
/// bytes, their length and their place — both in the test host and in the site started from its build output as
/// <c>dotnet run</c> starts it, where ASP.NET Core's development runtime handler for static assets used to send the whole
/// file under a 206 (docs/operations.md "Static files").
/// </summary>
public sealed class StaticFileRangeTests
{
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    private static byte[] SiteCss { get; } = File.ReadAllBytes(Path.Combine(ResolutionArchive.Testing.RepositoryPaths.Root, "src", "ResolutionArchive.Web", "wwwroot", "css", "site.css"));

    [Fact]
    public async Task ARangeOfAStaticFileIsAnsweredWithThoseBytesInTheTestHost()
    {
        using var app = new ArchiveApplication();
        using var client = app.CreateClient();

        await AssertRangesAsync(client);
    }

    [Fact]
    public async Task ARangeOfAStaticFileIsAnsweredWithThoseBytesByTheSiteAsDotnetRunStartsIt()
    {
        using var archive = new FaultyArchive();
        using var site = WebProcess.Start(archive.File("archive.db"));
        (await site.GetAsync("/css/site.css", Guard)).Status.Should().Be(HttpStatusCode.OK, site.ToString());
        using var client = new HttpClient { BaseAddress = new Uri(site.BaseUrl), Timeout = Guard };

        await AssertRangesAsync(client);
        site.StackFrames.Should().BeEmpty();
    }

    private static async Task AssertRangesAsync(HttpClient client)
    {
        // the file as stored: no content coding asked for, so the range is of the file's own bytes
        using (var response = await SendAsync(client, "bytes=0-10", "identity"))
        {
            response.StatusCode.Should().Be(HttpStatusCode.PartialContent);
            response.Content.Headers.ContentRange!.ToString().Should().Be($"bytes 0-10/{SiteCss.Length}");
            response.Content.Headers.ContentLength.Should().Be(11);
            (await response.Content.ReadAsByteArrayAsync()).Should().Equal(SiteCss[..11]);
        }

        using (var response = await SendAsync(client, $"bytes={SiteCss.Length - 5}-", "identity"))
        {
            response.StatusCode.Should().Be(HttpStatusCode.PartialContent);
            response.Content.Headers.ContentRange!.ToString().Should().Be($"bytes {SiteCss.Length - 5}-{SiteCss.Length - 1}/{SiteCss.Length}");
            (await response.Content.ReadAsByteArrayAsync()).Should().Equal(SiteCss[^5..]);
        }

        // the precompressed representation: the range is of the gzip bytes, and says so
        using (var response = await SendAsync(client, "bytes=0-9", "gzip"))
        {
            response.StatusCode.Should().Be(HttpStatusCode.PartialContent);
            response.Content.Headers.ContentEncoding.Should().Equal("gzip");
            var range = response.Content.Headers.ContentRange!;
            (range.From, range.To).Should().Be((0L, 9L));
            range.Length.Should().BeLessThan(SiteCss.Length, "the gzip representation is smaller than the file");
            response.Content.Headers.ContentLength.Should().Be(10);
            var body = await response.Content.ReadAsByteArrayAsync();
            body.Should().HaveCount(10);
            body[..2].Should().Equal([0x1f, 0x8b], "the first bytes of a gzip member (RFC 1952 §2.3.1)");
        }

        using (var response = await SendAsync(client, $"bytes={SiteCss.Length + 100}-", "identity"))
        {
            response.StatusCode.Should().Be(HttpStatusCode.RequestedRangeNotSatisfiable);
            response.Content.Headers.ContentRange!.ToString().Should().Be($"bytes */{SiteCss.Length}");
        }
    }

    private static async Task<HttpResponseMessage> SendAsync(HttpClient client, string range, string encoding)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/css/site.css");
        request.Headers.TryAddWithoutValidation("Range", range);
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue(encoding));
        return await client.SendAsync(request);
    }
}
