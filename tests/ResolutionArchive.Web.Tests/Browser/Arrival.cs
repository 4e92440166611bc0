using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace ResolutionArchive.Web.Tests.Browser;

/// <summary>
/// Waiting for the page a click led to, without <see cref="IPage.WaitForURLAsync(string, PageWaitForURLOptions)"/>.
/// </summary>
/// <remarks>
/// Playwright for .NET (1.64) has a race there: when the address already matches as it is called, it checks the frame's
/// load states and only then listens for the next one, so a <c>load</c> that arrives between the two is never seen and
/// the wait runs out its 30 s after the page has loaded (CI, stop 23: the log shows only <c>"NetworkIdle" event
/// fired</c>). Both waits here are polled by the browser side instead — the address with Playwright's own web-first
/// assertion, the document with <c>document.readyState</c> — so an event that has already happened cannot be missed.
/// </remarks>
public static class Arrival
{
    /// <summary>How long a navigation may take on a loaded two-core CI machine, in milliseconds.</summary>
    public const float Timeout = 30_000;

    /// <summary>
    /// Waits until <paramref name="page"/>'s address matches <paramref name="url"/> (searched for in the whole address,
    /// so anchor it where that matters) and the document there has loaded (<c>readyState</c> <c>complete</c>, the
    /// <c>load</c> event's moment).
    /// </summary>
    /// <exception cref="PlaywrightException">The address or the load did not come within <see cref="Timeout"/>.</exception>
    public static async Task ArriveAsync(this IPage page, Regex url)
    {
        await Assertions.Expect(page).ToHaveURLAsync(url, new() { Timeout = Timeout });
        await page.WaitForFunctionAsync("() => document.readyState === 'complete'", null, new() { Timeout = Timeout });
    }

    /// <summary>
    /// <see cref="ArriveAsync(IPage, Regex)"/> for an address that ends with <paramref name="pathAndQuery"/> exactly
    /// (path, query and fragment as the browser shows them, percent-encoded).
    /// </summary>
    public static Task ArriveAsync(this IPage page, string pathAndQuery) =>
        page.ArriveAsync(new Regex(Regex.Escape(pathAndQuery) + "$"));
}
