using System.Diagnostics;

namespace ResolutionArchive.Web.Hosting;

/// <summary>
/// One log line per request (docs/operations.md) under the category <see cref="Category"/> at Information: method,
/// path (without the query string), status, elapsed milliseconds and the request id. The id is the caller's
/// <c>X-Request-Id</c> when it is a sane token (see <see cref="IsValidRequestId"/>), else the request's
/// <see cref="HttpContext.TraceIdentifier"/>; it becomes the trace identifier, is sent back in <c>X-Request-Id</c>, and
/// is carried by a logging scope (<c>CorrelationId</c>) around everything logged while the request runs.
/// </summary>
internal static partial class RequestLogging
{
    /// <summary>The logger category of the request lines.</summary>
    public const string Category = "ResolutionArchive.Web.Requests";

    /// <summary>The request and response header of the request id.</summary>
    public const string HeaderName = "X-Request-Id";

    /// <summary>The longest request id accepted from a caller.</summary>
    public const int MaxRequestIdLength = 64;

    /// <summary>The name of the logging scope's property holding the request id.</summary>
    public const string ScopeProperty = "CorrelationId";

    /// <summary>
    /// True for 1 to <see cref="MaxRequestIdLength"/> characters of <c>A–Z a–z 0–9 - _ . :</c> (the colon because
    /// Kestrel's own ids look like <c>0HN8…:00000001</c>, and a caller may send one back).
    /// </summary>
    public static bool IsValidRequestId(string? value) =>
        value is { Length: > 0 and <= MaxRequestIdLength } && value.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or ':');

    /// <summary>Logs each request and gives it its id. Call it first, so that the line has the final status.</summary>
    public static IApplicationBuilder UseRequestLogging(this IApplicationBuilder app)
    {
        ArgumentNullException.ThrowIfNull(app);
        var logger = app.ApplicationServices.GetRequiredService<ILoggerFactory>().CreateLogger(Category);
        return app.Use(async (context, next) =>
        {
            var incoming = context.Request.Headers[HeaderName];
            if (incoming.Count == 1 && IsValidRequestId(incoming[0]))
            {
                context.TraceIdentifier = incoming[0]!;
            }

            var id = context.TraceIdentifier;
            context.Response.OnStarting(static state =>
            {
                var (response, value) = ((HttpResponse, string))state;
                response.Headers[HeaderName] = value;
                return Task.CompletedTask;
            }, (context.Response, id));

            var started = Stopwatch.GetTimestamp();
            using var scope = logger.BeginScope(new Dictionary<string, object> { [ScopeProperty] = id });
            var failed = false;
            try
            {
                await next(context);
            }
            catch
            {
                failed = true;
                throw;
            }
            finally
            {
                var status = failed && !context.Response.HasStarted ? StatusCodes.Status500InternalServerError : context.Response.StatusCode;
                LogRequest(logger, context.Request.Method, context.Request.PathBase + context.Request.Path, status, Stopwatch.GetElapsedTime(started).TotalMilliseconds, id);
            }
        });
    }

    [LoggerMessage(EventId = 1, EventName = "Request", Level = LogLevel.Information,
        Message = "{Method} {Path} responded {StatusCode} in {ElapsedMilliseconds:0.0} ms [{RequestId}]")]
    private static partial void LogRequest(ILogger logger, string method, string path, int statusCode, double elapsedMilliseconds, string requestId);
}
