using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace ResolutionArchive.Web.Hosting;

/// <summary>
/// <c>GET /healthz</c> (docs/operations.md): <c>200 Healthy</c> when the archive database opens and answers a query,
/// else <c>503 Unhealthy</c>; never cached, never rate limited.
/// </summary>
internal static class ArchiveHealthChecks
{
    /// <summary>The path of the health endpoint.</summary>
    public const string Path = "/healthz";

    /// <summary>The name of the database check.</summary>
    public const string DatabaseCheck = "archive-database";

    /// <summary>Registers the health checks: the archive database, with a five-second timeout.</summary>
    public static IServiceCollection AddArchiveHealthChecks(this IServiceCollection services)
    {
        services.AddHealthChecks()
            .AddCheck<ArchiveDatabaseHealthCheck>(DatabaseCheck, HealthStatus.Unhealthy, tags: ["ready"], timeout: TimeSpan.FromSeconds(5));
        return services;
    }

    /// <summary>Maps <c>GET/HEAD /healthz</c> (only those methods: the site has no endpoint that writes).</summary>
    public static IEndpointConventionBuilder MapArchiveHealthChecks(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapHealthChecks(Path, new HealthCheckOptions { AllowCachingResponses = false })
            .WithMetadata(new HttpMethodMetadata([HttpMethods.Get, HttpMethods.Head]))
            .WithDisplayName("Health check");
}

/// <summary>
/// Opens the archive's SQLite file read-only (a missing file is an error, never created) and reads its revision
/// (<see cref="ResolutionArchive.Data.ArchiveRevision.Sql"/>).
/// </summary>
internal sealed class ArchiveDatabaseHealthCheck(Microsoft.Extensions.Options.IOptions<ArchiveOptions> archive) : IHealthCheck
{
    /// <inheritdoc />
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var connectionString = ResolutionArchive.Data.ArchiveDatabase.ConnectionString(archive.Value.DatabasePath, readOnly: true);
        try
        {
            await using var connection = new SqliteConnection(connectionString);
            await connection.OpenAsync(cancellationToken);
            await using var command = connection.CreateCommand();
            command.CommandText = ResolutionArchive.Data.ArchiveRevision.Sql;
            var revision = await command.ExecuteScalarAsync(cancellationToken);
            return HealthCheckResult.Healthy($"archive revision {revision}");
        }
        catch (SqliteException ex)
        {
            return HealthCheckResult.Unhealthy("the archive database cannot be read", ex);
        }
    }
}
