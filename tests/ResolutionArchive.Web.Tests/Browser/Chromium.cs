using Microsoft.Playwright;

[assembly: AssemblyFixture(typeof(ResolutionArchive.Web.Tests.Browser.Chromium))]

namespace ResolutionArchive.Web.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright (never a downloaded browser), one process for the whole test assembly: an
/// xunit.v3 assembly fixture, launched on first use (so a run without browser tests starts none) and closed when the
/// assembly ends (issue 15 item 11: one Chromium per run, not one per test class). Each site fixture
/// (<see cref="BrowserFixture"/>) opens its pages in it; a page's context is its own, so tests do not share cookies.
/// </summary>
public sealed class Chromium : IAsyncDisposable
{
    /// <summary>Debian's Chromium.</summary>
    public const string ExecutablePath = "/usr/bin/chromium";

    /// <summary>The arguments the project runs Chromium with (no sandbox in a container, no GPU, no network of its own).</summary>
    private static readonly string[] Arguments =
        ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    private readonly SemaphoreSlim _gate = new(1, 1);
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    /// <summary>
    /// Why there is no browser here (Chromium is not installed), or null. Not put through
    /// <see cref="CiEnvironment.Missing"/> here: an assembly fixture that threw would fail every test of the assembly,
    /// the site fixtures do it for the browser tests alone.
    /// </summary>
    public static string? MissingReason => File.Exists(ExecutablePath)
        ? null
        : $"Chromium is not installed at {ExecutablePath} (apt-get install -y chromium fonts-noto-cjk; .ci/run does it)";

    /// <summary>The browser, launched by the first caller.</summary>
    /// <exception cref="InvalidOperationException">Chromium is not installed (<see cref="MissingReason"/>).</exception>
    public async Task<IBrowser> BrowserAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_browser is null)
            {
                if (MissingReason is { } missing)
                {
                    throw new InvalidOperationException(missing);
                }

                _playwright = await Playwright.CreateAsync();
                _browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
                {
                    ExecutablePath = ExecutablePath,
                    Headless = true,
                    Args = Arguments,
                });
            }

            return _browser;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_browser is not null)
        {
            await _browser.CloseAsync();
        }

        _playwright?.Dispose();
        _gate.Dispose();
    }
}
