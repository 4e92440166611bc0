using System.Globalization;
using Microsoft.AspNetCore.Localization;
using Microsoft.Extensions.Localization;

namespace ResolutionArchive.Web.Presentation;

/// <summary>
/// The interface's languages (docs/localization.md): Simplified Chinese by default, English on request. Only the
/// interface switches; the documents' text stays Chinese.
/// </summary>
internal static class UiCulture
{
    /// <summary>The default culture: Simplified Chinese.</summary>
    public const string Chinese = "zh-Hans";

    /// <summary>The English interface.</summary>
    public const string English = "en";

    /// <summary>The supported cultures, the default first.</summary>
    public static IReadOnlyList<string> Supported { get; } = [Chinese, English];

    /// <summary>True when the current UI culture is English.</summary>
    public static bool IsEnglish =>
        CultureInfo.CurrentUICulture.TwoLetterISOLanguageName.Equals("en", StringComparison.OrdinalIgnoreCase);

    /// <summary>The <c>lang</c> of the page: <c>en</c> or <c>zh-Hans</c>.</summary>
    public static string PageLang => IsEnglish ? English : Chinese;

    /// <summary>
    /// The <c>lang</c> attribute of an element holding document text (always Chinese): <c>zh-Hans</c> on an English
    /// page, null (no attribute) on a Chinese one.
    /// </summary>
    public static string? DocumentLang => IsEnglish ? Chinese : null;

    /// <summary>The request localization options: zh-Hans by default, the culture from the query string, then the cookie.</summary>
    public static RequestLocalizationOptions Options()
    {
        var options = new RequestLocalizationOptions()
            .SetDefaultCulture(Chinese)
            .AddSupportedCultures([.. Supported])
            .AddSupportedUICultures([.. Supported]);
        options.RequestCultureProviders =
        [
            new QueryStringRequestCultureProvider { Options = options },
            new CookieRequestCultureProvider { Options = options },
        ];
        return options;
    }

    /// <summary>
    /// The URL of the language switch to <paramref name="culture"/> that comes back to the current page (without its
    /// <c>culture</c> and <c>ui-culture</c> query parameters, so the cookie decides).
    /// </summary>
    public static string SwitchHref(HttpRequest request, string culture)
    {
        ArgumentNullException.ThrowIfNull(request);
        var query = request.Query
            .Where(p => !p.Key.Equals("culture", StringComparison.OrdinalIgnoreCase) && !p.Key.Equals("ui-culture", StringComparison.OrdinalIgnoreCase))
            .SelectMany(p => p.Value.Select(v => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(v ?? "")}"))
            .ToList();
        var returnUrl = $"{request.PathBase}{request.Path}{(query.Count > 0 ? "?" + string.Join('&', query) : "")}";
        return $"/language?culture={Uri.EscapeDataString(culture)}&returnUrl={Uri.EscapeDataString(returnUrl)}";
    }

    /// <summary>True when <paramref name="url"/> is a path on this site (<c>/…</c>, not <c>//host</c> or <c>/\host</c>).</summary>
    public static bool IsLocalUrl(string? url) =>
        !string.IsNullOrEmpty(url) && url[0] == '/'
        && (url.Length == 1 || (url[1] != '/' && url[1] != '\\'))
        && !url.Any(char.IsControl);

    /// <summary>
    /// <paramref name="url"/> with every character that may not stand in an HTTP header as it is — anything but
    /// printable ASCII, a space included — percent-encoded as its UTF-8 bytes (<c>/人权</c> → <c>/%E4%BA%BA%E6%9D%83</c>),
    /// so that a redirect to it is a valid <c>Location</c> (Kestrel refuses non-ASCII header values). A lone surrogate
    /// becomes U+FFFD.
    /// </summary>
    public static string AsciiUrl(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        var builder = new System.Text.StringBuilder(url.Length);
        Span<byte> bytes = stackalloc byte[4];
        foreach (var rune in url.EnumerateRunes())
        {
            if (rune.Value is > 0x20 and < 0x7F)
            {
                builder.Append((char)rune.Value);
                continue;
            }

            var count = rune.EncodeToUtf8(bytes);
            foreach (var b in bytes[..count])
            {
                builder.Append('%').Append(b.ToString("X2", System.Globalization.CultureInfo.InvariantCulture));
            }
        }

        return builder.ToString();
    }

    /// <summary>
    /// Maps <c>GET /language?culture=en&amp;returnUrl=/path</c> (and HEAD): sets the culture cookie (an unsupported culture falls
    /// back to the default) and redirects to <c>returnUrl</c> when it is local, else to <c>/</c>.
    /// </summary>
    public static IEndpointRouteBuilder MapLanguageSwitch(this IEndpointRouteBuilder endpoints)
    {
        // GET and HEAD, as every endpoint of the site (docs/operations.md; issue 14 item 9)
        endpoints.MapMethods("/language", [HttpMethods.Get, HttpMethods.Head], (HttpContext context, string? culture, string? returnUrl) =>
        {
            var chosen = Supported.FirstOrDefault(c => c.Equals(culture, StringComparison.OrdinalIgnoreCase)) ?? Chinese;
            context.Response.Cookies.Append(
                CookieRequestCultureProvider.DefaultCookieName,
                CookieRequestCultureProvider.MakeCookieValue(new RequestCulture(chosen)),
                new CookieOptions { Path = "/", MaxAge = TimeSpan.FromDays(365), IsEssential = true, HttpOnly = true, SameSite = SameSiteMode.Lax });
            return Results.Redirect(IsLocalUrl(returnUrl) ? AsciiUrl(returnUrl!) : "/");
        }).ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>
    /// <paramref name="key"/> (a Chinese interface string, possibly a format) through <paramref name="localizer"/>;
    /// without a localizer, the key itself formatted with <paramref name="arguments"/>.
    /// </summary>
    public static string Localize(this IStringLocalizer? localizer, string key, params object[] arguments) =>
        localizer is null
            ? (arguments.Length == 0 ? key : string.Format(CultureInfo.InvariantCulture, key, arguments))
            : localizer[key, arguments].Value;

    /// <summary>
    /// <paramref name="key"/> localized for <paramref name="count"/>: when the count is 1 and the resources have a
    /// singular form under <c>KEY#one</c> (English: "1 abstention", "1 resolution"), that form; otherwise the key's own
    /// (Chinese has no plural, so the Chinese text has no <c>#one</c> keys). The CLDR plural rule of English: "one" for
    /// exactly 1, "other" for every other number. docs/localization.md.
    /// </summary>
    public static string Plural(this IStringLocalizer? localizer, string key, int? count, params object[] arguments)
    {
        if (localizer is not null && count == 1)
        {
            var one = localizer[key + "#one", arguments];
            if (!one.ResourceNotFound)
            {
                return one.Value;
            }
        }

        return localizer.Localize(key, arguments);
    }
}
