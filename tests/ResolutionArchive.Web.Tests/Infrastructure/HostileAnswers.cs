using System.Net;
using System.Text.Json;
using AngleSharp.Html.Parser;

namespace ResolutionArchive.Web.Tests.Infrastructure;

/// <summary>
/// The checks <see cref="Pages.HostileInputTests"/> makes of each answer: below 500; HTML with no script but the site's
/// own, no <c>on…</c> attribute, no <c>javascript:</c>/<c>data:</c> URL and no payload as markup; JSON that parses; a
/// redirect that stays on the site.
/// </summary>
internal static class HostileAnswers
{
    /// <summary>What is wrong with the answer to <paramref name="target"/>; nothing when it is fine.</summary>
    internal static IEnumerable<string> Check(string target, RawResponse response)
    {
        if ((int)response.Status >= 500)
        {
            yield return $"status {(int)response.Status}";
        }

        // The recorder echoes the raw target the site saw; Kestrel answers a request it refuses itself (400, 414, 431: no echo).
        if (response.RawTargetHash is { } seen && seen != RawKestrelArchive.Hash(target))
        {
            yield return "the server saw another target than the one sent";
        }
        else if (response.RawTargetHash is null && response.Status is not (HttpStatusCode.BadRequest or HttpStatusCode.RequestUriTooLong or HttpStatusCode.RequestHeaderFieldsTooLarge))
        {
            yield return $"status {(int)response.Status} without reaching the site";
        }

        if (response.Location is { } location && !IsLocal(location))
        {
            yield return $"a redirect off the site: Location {location}";
        }

        if (response.MediaType == "text/html" && CouldInject(target))
        {
            foreach (var problem in CheckHtml(response.Body))
            {
                yield return problem;
            }
        }
        else if (response.MediaType is "application/json" or "application/problem+json")
        {
            string? error = null;
            try
            {
                using var _ = JsonDocument.Parse(response.Body);
            }
            catch (JsonException e)
            {
                error = e.Message;
            }

            if (error is not null)
            {
                yield return $"not JSON: {error}";
            }
        }
    }

    /// <summary>
    /// True when the target, decoded once or twice (a double decoding would be a bug worth catching), holds a character
    /// or scheme that could make markup, leave an attribute value or form a script URL: only then is the HTML answer
    /// parsed (every page's answer to the other strings is the same markup with inert text in it, and parsing them all
    /// would double the test's time).
    /// </summary>
    internal static bool CouldInject(string target)
    {
        var once = Decode(target);
        var twice = Decode(once);
        return new[] { once, twice }.Any(t =>
            t.AsSpan().IndexOfAny("<>\"'`&") >= 0
            || t.Contains("script:", StringComparison.OrdinalIgnoreCase)
            || t.Contains("data:", StringComparison.OrdinalIgnoreCase));

        static string Decode(string text)
        {
            try
            {
                return Uri.UnescapeDataString(text);
            }
            catch (UriFormatException)
            {
                return text;
            }
        }
    }

    /// <summary>Problems of an HTML answer: script other than the site's, event handlers, script URLs, payloads as markup.</summary>
    internal static IEnumerable<string> CheckHtml(string html)
    {
        var document = new HtmlParser().ParseDocument(html);
        foreach (var script in document.QuerySelectorAll("script"))
        {
            if (script.GetAttribute("src") is not { } src || !src.StartsWith("/js/", StringComparison.Ordinal))
            {
                yield return $"a script that is not the site's: {Shorten(script.OuterHtml, 200)}";
            }
        }

        foreach (var element in document.All)
        {
            foreach (var attribute in element.Attributes)
            {
                if (attribute.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase))
                {
                    yield return $"an event handler attribute: <{element.LocalName} {attribute.Name}=\"{Shorten(attribute.Value, 100)}\">";
                }

                if (attribute.Name is "href" or "src" or "action" or "formaction" or "xlink:href" or "data" or "srcdoc"
                    && new string([.. attribute.Value.Where(c => !char.IsWhiteSpace(c) && !char.IsControl(c))]).ToLowerInvariant() is var url
                    && (url.StartsWith("javascript:", StringComparison.Ordinal) || url.StartsWith("vbscript:", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal)))
                {
                    yield return $"a script URL: <{element.LocalName} {attribute.Name}=\"{Shorten(attribute.Value, 100)}\">";
                }
            }

            if (element.LocalName is "iframe" or "object" or "embed" or "base" or "frame" or "frameset" or "applet"
                || (element.LocalName == "img" && element.GetAttribute("src") == "x")
                || (element.LocalName == "meta" && string.Equals(element.GetAttribute("http-equiv"), "refresh", StringComparison.OrdinalIgnoreCase)))
            {
                yield return $"an injected element: {Shorten(element.OuterHtml, 200)}";
            }
        }

        foreach (var marker in new[] { "<script>alert", "<img src=x", "<svg onload", "<svg/onload", "<iframe", "<body onload" })
        {
            if (html.Contains(marker, StringComparison.OrdinalIgnoreCase))
            {
                yield return $"the payload {marker} as markup";
            }
        }
    }

    /// <summary>True for a path on this site: one <c>/</c> first, not <c>//</c> or <c>/\</c>, printable ASCII only.</summary>
    internal static bool IsLocal(string location) =>
        location.StartsWith('/') && !location.StartsWith("//", StringComparison.Ordinal) && !location.StartsWith("/\\", StringComparison.Ordinal)
        && location.All(c => c is > ' ' and < '\u007F');

    internal static string Shorten(string text, int length) => text.Length <= length ? text : text[..length] + "…";
}
