using System.IO.Compression;
using System.Net;
using AngleSharp.Html.Dom;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using ResolutionArchive.Web.Hosting;
using ResolutionArchive.Web.Tests.Infrastructure;

namespace ResolutionArchive.Web.Tests.Hosting;

/// <summary>
/// Issue 16 item 1: the first start serves the seeds at once and loads the UN corpus in the background, in one import
/// run (all or nothing), showing its progress on the home page; a load stopped part-way stores nothing and the next one
/// loads it all; an archive that holds the corpus is not loaded again; <c>--seeds-only</c> skips it. A zip of the 17
/// vendored sample files stands in for the shipped corpus (the site's <c>Corpus</c> setting), so the tests take seconds;
/// the shipped zip itself is checked against ../shared.
/// </summary>
public sealed class CorpusLoadingTests : IDisposable
{
    private readonly string _zip = SampleZip();

    public void Dispose() => File.Delete(_zip);

    [Fact]
    public async Task AFirstStartServesTheSeedsAndThenHoldsTheCorpusLoadedInTheBackground()
    {
        using var app = new LoadingApplication(_zip);

        var (first, _) = await app.GetDocumentAsync("/");
        first.StatusCode.Should().Be(HttpStatusCode.OK);
        await WaitUntilLoadedAsync(app);

        var (_, home) = await app.GetDocumentAsync("/");
        home.QuerySelector("span.total")!.TextContent.Should().Be("21", "the five seeds and 17 AKN files, one of them the record of seed 003");
        home.QuerySelector(".corpus-loading").Should().BeNull("the notice goes when the load has committed");
        await using var db = app.CreateDbContext();
        (await db.Sources.CountAsync(s => s.FileName.StartsWith(CorpusLoader.Prefix))).Should().Be(17);
    }

    [Fact]
    public async Task WhileTheCorpusLoadsTheHomePageSaysHowFarItHasGoneAndIsNeverServedFromTheCache()
    {
        using var app = new ArchiveApplication();
        var progress = app.Services.GetRequiredService<CorpusProgress>();
        progress.Start(974);
        for (var i = 0; i < 412; i++)
        {
            progress.Advance();
        }

        (await NoticeAsync(app)).Should().Be("正在载入联合国语料：412/974。载入完成后，大会第七十五至七十七届会议的决议即会列出。");
        progress.Advance();
        (await NoticeAsync(app)).Should().StartWith("正在载入联合国语料：413/974");
        progress.End();
        (await NoticeAsync(app)).Should().BeNull();
    }

    [Fact]
    public async Task ALoadStoppedPartWayStoresNothingAndTheNextLoadStoresEveryFileOnce()
    {
        using var app = new ArchiveApplication();
        _ = app.Server;
        var progress = new CorpusProgress();
        using var stop = new CancellationTokenSource();
        progress.Advanced += loaded =>
        {
            if (loaded == 5)
            {
                stop.Cancel();
            }
        };

        using (var zip = ZipFile.OpenRead(_zip))
        {
            await using var db = app.CreateDbContext();
            var stopped = () => CorpusLoader.LoadAsync(db, zip, progress, stop.Token);
            await stopped.Should().ThrowAsync<OperationCanceledException>();
        }

        await using (var db = app.CreateDbContext())
        {
            (await CorpusLoader.HoldsCorpusAsync(db, CancellationToken.None)).Should().BeFalse("the run rolled back");
            (await db.Resolutions.CountAsync()).Should().Be(5);
            progress.IsLoading.Should().BeFalse();
        }

        using (var zip = ZipFile.OpenRead(_zip))
        {
            await using var db = app.CreateDbContext();
            var outcome = await CorpusLoader.LoadAsync(db, zip, new CorpusProgress(), CancellationToken.None);
            outcome!.Files.Should().Be(17);
            outcome.Refused.Should().BeEmpty();
            (await db.Resolutions.CountAsync()).Should().Be(21);
            (await CorpusLoader.LoadAsync(db, zip, new CorpusProgress(), CancellationToken.None)).Should().BeNull("an archive that holds the corpus is not loaded again");
            (await db.Sources.CountAsync(s => s.FileName.StartsWith(CorpusLoader.Prefix))).Should().Be(17);
        }
    }

    [Fact]
    public async Task SeedsOnlyLeavesTheCorpusOutAndAnUnreadableValueIsRefused()
    {
        using var app = new ArchiveApplication(); // the tests' default: SeedsOnly=true
        _ = app.Server;
        await using var db = app.CreateDbContext();
        (await db.Resolutions.CountAsync()).Should().Be(5);
        app.Services.GetRequiredService<CorpusProgress>().IsLoading.Should().BeFalse();

        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["SeedsOnly"] = "yes" }).Build();
        ArchiveOptions.From(settings).Problems.Should().Equal("the setting SeedsOnly is 'yes', expected true or false");
    }

    [Fact]
    public void TheShippedCorpusHoldsEveryFileOfTheUnsCorpusUnchanged()
    {
        var corpus = ResolutionArchive.Testing.RepositoryPaths.Shared("corpus");
        CiEnvironment.SkipIfMissing(corpus is null ? "../shared/corpus was not found above " + AppContext.BaseDirectory : null);
        using var stream = typeof(CorpusLoader).Assembly.GetManifestResourceStream(CorpusLoader.ResourceName)!;
        using var zip = new ZipArchive(stream, ZipArchiveMode.Read);

        var files = new[] { "unxml-ga", "unxml-ga-77" }
            .SelectMany(folder => Directory.GetFiles(Path.Combine(corpus!, folder), "*", SearchOption.AllDirectories))
            .Select(path => Path.GetRelativePath(corpus!, path).Replace('\\', '/'))
            .Order(StringComparer.Ordinal).ToList();
        zip.Entries.Select(e => e.FullName).Order(StringComparer.Ordinal).Should().Equal(files);
        files.Count(f => f.EndsWith(".xml", StringComparison.Ordinal)).Should().Be(974);
        foreach (var entry in zip.Entries)
        {
            using var content = entry.Open();
            using var copy = new MemoryStream();
            content.CopyTo(copy);
            copy.ToArray().Should().Equal(File.ReadAllBytes(Path.Combine(corpus!, entry.FullName)), entry.FullName);
        }
    }

    private static async Task<string?> NoticeAsync(ArchiveApplication app)
    {
        var (response, document) = await app.GetDocumentAsync("/");
        response.StatusCode.Should().Be(HttpStatusCode.OK);
        return document.QuerySelector("p.corpus-loading")?.TextContent;
    }

    private static async Task WaitUntilLoadedAsync(ArchiveApplication app)
    {
        for (var i = 0; i < 600; i++)
        {
            await using var db = app.CreateDbContext();
            if (await CorpusLoader.HoldsCorpusAsync(db, CancellationToken.None))
            {
                return;
            }

            await Task.Delay(100);
        }

        throw new TimeoutException("the corpus was not loaded within 60 s");
    }

    /// <summary>The 17 vendored AKN files as a zip laid out as the shipped one.</summary>
    private static string SampleZip()
    {
        var path = Path.Combine(Path.GetTempPath(), $"corpus-sample-{Guid.NewGuid():N}.zip");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Akn", "Sample"), "*.xml"))
        {
            zip.CreateEntryFromFile(file, "unxml-ga/sample/" + Path.GetFileName(file));
        }

        return path;
    }

    /// <summary>The site with the corpus load on, from <paramref name="zip"/>.</summary>
    private sealed class LoadingApplication(string zip) : ArchiveApplication
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("SeedsOnly", "false");
            builder.UseSetting("Corpus", zip);
        }
    }
}
