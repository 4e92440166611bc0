using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace ResolutionArchive.Web.Hosting;

/// <summary>
/// The site behind a reverse proxy (docs/operations.md §1): <c>X-Forwarded-For</c> and <c>X-Forwarded-Proto</c> are
/// honoured when they come from a trusted proxy — the loopback addresses (ASP.NET Core's default) and every address
/// listed in the configuration key <see cref="KnownProxiesKey"/> (a comma-separated list, e.g.
/// <c>10.0.0.5,10.0.0.6</c>). The rate limiter's partition and the request log then see the reader's address, and
/// HSTS sees HTTPS. Headers from any other peer are ignored, so a client cannot choose its own rate-limit partition.
/// </summary>
internal static class ArchiveForwardedHeaders
{
    /// <summary>The configuration key of the extra trusted proxy addresses.</summary>
    public const string KnownProxiesKey = "ForwardedHeaders:KnownProxies";

    /// <summary>
    /// Configures <see cref="ForwardedHeadersOptions"/>; an entry of <see cref="KnownProxiesKey"/> that is not an IP
    /// address stops the start with an <see cref="InvalidOperationException"/> naming it.
    /// </summary>
    public static IServiceCollection AddArchiveForwardedHeaders(this IServiceCollection services, IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        services.Configure<ForwardedHeadersOptions>(options =>
        {
            options.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            foreach (var entry in (configuration[KnownProxiesKey] ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                if (!IPAddress.TryParse(entry, out var address))
                {
                    throw new InvalidOperationException($"{KnownProxiesKey}: expected IP addresses separated by commas, found '{entry}'.");
                }

                options.KnownProxies.Add(address);
            }
        });
        return services;
    }
}
