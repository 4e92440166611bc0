using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ResolutionArchive.Web.Tests.Infrastructure;

/// <summary>A log entry as the tests see it: its message and structured properties, and the scopes around it.</summary>
public sealed record CollectedLogEntry(string Category, LogLevel Level, string Message, IReadOnlyDictionary<string, object?> Properties, IReadOnlyDictionary<string, object?> Scopes);

/// <summary>A logger provider that keeps every entry, with the values of the scopes around it.</summary>
public sealed class LogCollector : ILoggerProvider, ISupportExternalScope
{
    private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();

    /// <summary>The entries logged so far.</summary>
    public ConcurrentQueue<CollectedLogEntry> Entries { get; } = new();

    /// <inheritdoc />
    public ILogger CreateLogger(string categoryName) => new Collector(this, categoryName);

    /// <inheritdoc />
    public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;

    /// <inheritdoc />
    public void Dispose()
    {
    }

    private static Dictionary<string, object?> Values(object? state)
    {
        var values = new Dictionary<string, object?>();
        if (state is IEnumerable<KeyValuePair<string, object?>> pairs)
        {
            foreach (var (key, value) in pairs)
            {
                values[key] = value;
            }
        }
        else if (state is IEnumerable<KeyValuePair<string, object>> nonNullPairs)
        {
            foreach (var (key, value) in nonNullPairs)
            {
                values[key] = value;
            }
        }

        return values;
    }

    private sealed class Collector(LogCollector owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => owner._scopes.Push(state);

        public bool IsEnabled(LogLevel logLevel) => logLevel != LogLevel.None;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var scopes = new Dictionary<string, object?>();
            owner._scopes.ForEachScope((scope, all) =>
            {
                foreach (var (key, value) in Values(scope))
                {
                    all[key] = value;
                }
            }, scopes);
            owner.Entries.Enqueue(new CollectedLogEntry(category, logLevel, formatter(state, exception), Values(state), scopes));
        }
    }
}
