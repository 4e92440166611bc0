using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace ResolutionArchive.Web.Pages;

/// <summary>The error page for unhandled errors and status codes (404 …); never shows a stack trace.</summary>
[IgnoreAntiforgeryToken]
[ResponseCache(Duration = 0, Location = ResponseCacheLocation.None, NoStore = true)]
public sealed class ErrorModel : PageModel
{
    /// <summary>The HTTP status being explained.</summary>
    public int Status { get; private set; } = 500;

    /// <summary>Sets the status from <c>?status=</c> (status code pages) or 500.</summary>
    public void OnGet(int? status)
    {
        Status = status is >= 400 and <= 599 ? status.Value : 500;
        Response.StatusCode = Status;
    }
}
