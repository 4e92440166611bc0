namespace ResolutionArchive.Web.Hosting;

/// <summary>
/// Accepts a document symbol written as one percent-encoded path segment on every route that takes a symbol or a
/// record's key: <c>/resolutions/A%2FRES%2F76%2F159</c>, <c>/api/resolutions/A%2FRES%2F76%2F159</c> (and its
/// <c>.akn.xml</c>), <c>/compare/…</c>. The server decodes every escape in a request's path but <c>%2F</c> (an encoded
/// slash is not a path separator, RFC 3986 §2.2), so the route saw <c>A%2FRES%2F76%2F159</c> and answered 404 — yet an
/// OpenAPI client generated from the document escapes the <c>{symbol}</c> parameter exactly so (issue 17). Before
/// routing, <c>%2F</c> in such a path becomes <c>/</c>: the symbol's own slashes are its segments, as the archive's
/// links write it. Other paths are left alone. docs/api.md "Symbols in paths".
/// </summary>
internal static class EncodedSymbolPaths
{
    /// <summary>The path prefixes whose routes take a symbol or key with its slashes (<c>{**key}</c>, <c>{**symbol}</c>, <c>{**path}</c>).</summary>
    public static IReadOnlyList<string> Prefixes { get; } = ["/resolutions/", "/api/resolutions/", "/compare/"];

    /// <summary>Adds the rewrite to the pipeline; it must come before routing.</summary>
    public static IApplicationBuilder UseEncodedSymbolPaths(this IApplicationBuilder app) => app.Use((context, next) =>
    {
        if (context.Request.Path.Value is { } path && Rewrite(path) is { } rewritten)
        {
            context.Request.Path = new PathString(rewritten);
        }

        return next(context);
    });

    /// <summary>The path with each <c>%2F</c> (either case) as <c>/</c> when it starts with one of <see cref="Prefixes"/> and has one; otherwise null.</summary>
    public static string? Rewrite(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return path.Contains("%2F", StringComparison.OrdinalIgnoreCase) && Prefixes.Any(p => path.StartsWith(p, StringComparison.OrdinalIgnoreCase))
            ? path.Replace("%2F", "/", StringComparison.OrdinalIgnoreCase)
            : null;
    }
}
