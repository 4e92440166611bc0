using System.Globalization;
using System.Net;
using Microsoft.AspNetCore.Hosting;
using ResolutionArchive.Web.Hosting;
using ResolutionArchive.Web.Tests.Infrastructure;

namespace ResolutionArchive.Web.Tests.Api;

/// <summary><c>/healthz</c>: the archive database answers (docs/operations.md).</summary>
public sealed class HealthTests : OwnSiteTests
{
    [Fact]
    public async Task AnswersHealthyWhenTheDatabaseAnswersAndIsNeverCached()
    {
        using var client = App.CreateClient();

        using var response = await client.GetAsync("/healthz");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        (await response.Content.ReadAsStringAsync()).Should().Be("Healthy");
        response.Content.Headers.ContentType!.MediaType.Should().Be("text/plain");
        response.Headers.CacheControl!.NoStore.Should().BeTrue();
        response.Headers.CacheControl.NoCache.Should().BeTrue();
        response.Headers.GetValues("Content-Security-Policy").Should().ContainSingle();
    }

    [Fact]
    public async Task AnswersUnhealthyWith503WhenTheDatabaseIsGoneAndDoesNotCreateAnEmptyOne()
    {
        using var client = App.CreateClient();
        (await client.GetAsync("/healthz")).StatusCode.Should().Be(HttpStatusCode.OK);
        var aside = App.DatabasePath + ".aside";
        File.Move(App.DatabasePath, aside);
        try
        {
            using var response = await client.GetAsync("/healthz");

            response.StatusCode.Should().Be(HttpStatusCode.ServiceUnavailable);
            (await response.Content.ReadAsStringAsync()).Should().Be("Unhealthy");
            response.Headers.CacheControl!.NoStore.Should().BeTrue();
            File.Exists(App.DatabasePath).Should().BeFalse("the check opens the file read-only");
        }
        finally
        {
            File.Move(aside, App.DatabasePath);
        }

        (await client.GetAsync("/healthz")).StatusCode.Should().Be(HttpStatusCode.OK, "healthy again once the file is back");
    }

    [Fact]
    public async Task IsNeverRateLimited()
    {
        using var app = new OnePermitApplication();
        using var client = app.CreateClient();
        (await client.GetAsync("/api/countries")).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.GetAsync("/api/countries")).StatusCode.Should().Be(HttpStatusCode.TooManyRequests);

        for (var i = 0; i < 10; i++)
        {
            (await client.GetAsync("/healthz")).StatusCode.Should().Be(HttpStatusCode.OK);
        }
    }

    [Fact]
    public async Task HeadIsAnsweredAndOtherMethodsAreNot()
    {
        using var client = App.CreateClient();

        (await client.SendAsync(new HttpRequestMessage(HttpMethod.Head, "/healthz"))).StatusCode.Should().Be(HttpStatusCode.OK);
        (await client.PostAsync("/healthz", null)).StatusCode.Should().Be(HttpStatusCode.MethodNotAllowed);
    }

    private sealed class OnePermitApplication : ArchiveApplication
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting(ArchiveRateLimiting.PermitsPerMinuteKey, 1.ToString(CultureInfo.InvariantCulture));
        }
    }
}
