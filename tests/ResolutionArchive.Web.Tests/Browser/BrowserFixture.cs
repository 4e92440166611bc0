using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ResolutionArchive.Web.Tests.Infrastructure;

namespace ResolutionArchive.Web.Tests.Browser;

/// <summary>
/// The site on a real Kestrel port on 127.0.0.1, read in the assembly's one <see cref="Chromium"/>. Where Chromium is
/// not installed the browser tests are skipped with that reason — except under CI (<c>CI=true</c>), where
/// <c>.ci/run</c> installs it and a missing browser is a failure. The plain site is shared by the classes of the
/// <see cref="BrowserSiteCollection"/>; a derived fixture with records of its own is one class's fixture.
/// </summary>
public class BrowserFixture(Chromium chromium) : IAsyncLifetime
{
    private KestrelArchiveApplication? _app;

    /// <summary>The browser, or null when Chromium is missing outside CI.</summary>
    public IBrowser? Browser { get; private set; }

    /// <summary>The site's base address, e.g. <c>http://127.0.0.1:40123</c>.</summary>
    public string BaseUrl { get; private set; } = "";

    /// <summary>Why the browser tests cannot run here; null when they can.</summary>
    public string? MissingReason { get; private set; }

    /// <summary>Where screenshots go: <c>tests/artifacts/</c> of the repository (git-ignored).</summary>
    public static string ArtifactsFolder
    {
        get
        {
            var path = Path.Combine(ResolutionArchive.Testing.RepositoryPaths.Root, "tests", "artifacts");
            Directory.CreateDirectory(path);
            return path;
        }
    }

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        MissingReason = CiEnvironment.Missing(Chromium.MissingReason);
        if (MissingReason is not null)
        {
            return;
        }

        _app = new KestrelArchiveApplication();
        _app.StartServer();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        await ArrangeAsync(_app);
        Browser = await chromium.BrowserAsync();
    }

    /// <summary>
    /// A new page of <paramref name="width"/> × <paramref name="height"/> CSS pixels, and the list its console errors are
    /// collected in (a test ends by asserting it empty).
    /// </summary>
    /// <remarks>The page has a browser context of its own; closing the page's context ends it.</remarks>
    public async Task<(IPage Page, List<string> ConsoleErrors)> NewPageAsync(int width, int height)
    {
        var page = await Browser!.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = width, Height = height } });
        var errors = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                errors.Add(message.Text);
            }
        };

        return (page, errors);
    }

    /// <summary>
    /// Called once the site has started (it has imported the seeds) and before the browser is launched: a derived
    /// fixture adds the records its tests need here. The base adds nothing.
    /// </summary>
    protected virtual Task ArrangeAsync(ArchiveApplication app) => Task.CompletedTask;

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        _app?.Dispose();
        return ValueTask.CompletedTask;
    }

    private sealed class KestrelArchiveApplication : ArchiveApplication
    {
        public KestrelArchiveApplication() => UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }
}

/// <summary>
/// The browser test classes that read the plain site (the seeds): one Kestrel for all of them (issue 15 item 11). They
/// only read, so sharing the site cannot couple them.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserSiteCollection : ICollectionFixture<BrowserFixture>
{
    /// <summary>The collection's name, for <c>[Collection(BrowserSiteCollection.Name)]</c>.</summary>
    public const string Name = "Browser: the plain site";
}
