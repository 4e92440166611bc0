using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ResolutionArchive.Web.Pages;

/// <summary>The error page for unhandled errors and status codes (404 …); never shows a stack trace.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed partial class ErrorModel : PageModel
{
    /// <summary>
    /// For a 404 of <c>/resolutions/{symbol}</c>: the symbol asked for when it has the form of a UN document symbol
    /// (<c>A/RES/99/999</c>, <c>A/HRC/RES/60/1</c>, <c>E/CN.4/RES/2005/1</c>), for the link to the UN's own document;
    /// otherwise null.
    /// </summary>
    public string? Symbol { get; private set; }

    /// <summary>The HTTP status being explained.</summary>
    public int Status { get; private set; } = 500;

    /// <summary>Sets the status from <c>?status=</c> (status code pages) or 500.</summary>
    public void OnGet(int? status)
    {
        Status = status is >= 400 and <= 599 ? status.Value : 500;
        Response.StatusCode = Status;
        const string prefix = "/resolutions/";
        if (Status == 404
            && HttpContext.Features.Get<IStatusCodeReExecuteFeature>()?.OriginalPath is { } path
            && path.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
        {
            var candidate = Uri.UnescapeDataString(path[prefix.Length..]).Trim('/');
            Symbol = DocumentSymbol().IsMatch(candidate) ? candidate : null;
        }
    }

    /// <summary>
    /// The form of a UN document symbol (ST/LIB/SER.B/5/Rev.5 §1): a series letter or letters, then slash-separated
    /// components of letters, digits and <c>.()-</c>, and an optional part suffix (<c>A/RES/75/254 A-C</c>); 60
    /// characters at most.
    /// </summary>
    [GeneratedRegex(@"^(?=.{3,60}$)[A-Z]{1,6}(?:/[A-Za-z0-9.()\-]{1,20}){1,7}(?: [A-Z](?:-[A-Z])?)?$", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 100)]
    private static partial Regex DocumentSymbol();
}
