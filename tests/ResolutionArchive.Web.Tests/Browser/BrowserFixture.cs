using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using ResolutionArchive.Web.Tests.Infrastructure;

namespace ResolutionArchive.Web.Tests.Browser;

/// <summary>
/// The site on a real Kestrel port on 127.0.0.1 and Debian's Chromium driven by Playwright (never a downloaded
/// browser). Where Chromium is not installed the browser tests are skipped with that reason — except under CI
/// (<c>CI=true</c>), where <c>.ci/run</c> installs it and a missing browser is a failure.
/// </summary>
public class BrowserFixture : IAsyncLifetime
{
    /// <summary>Debian's Chromium.</summary>
    public const string ChromiumPath = "/usr/bin/chromium";

    private static readonly string[] ChromiumArgs =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private KestrelArchiveApplication? _app;
    private IPlaywright? _playwright;

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
        if (!File.Exists(ChromiumPath))
        {
            MissingReason = ResolutionArchive.Testing.CiEnvironment.Missing($"Chromium is not installed at {ChromiumPath} (apt-get install -y chromium fonts-noto-cjk; .ci/run does it)");
            return;
        }

        _app = new KestrelArchiveApplication();
        _app.StartServer();
        BaseUrl = _app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');
        await ArrangeAsync(_app);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,
            Args = ChromiumArgs,
        });
    }

    /// <summary>
    /// A new page of <paramref name="width"/> × <paramref name="height"/> CSS pixels, and the list its console errors are
    /// collected in (a test ends by asserting it empty).
    /// </summary>
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
    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        _app?.Dispose();
    }

    private sealed class KestrelArchiveApplication : ArchiveApplication
    {
        public KestrelArchiveApplication() => UseKestrel(options => options.Listen(IPAddress.Loopback, 0));
    }
}
