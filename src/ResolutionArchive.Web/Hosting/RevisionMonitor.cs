using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.AspNetCore.OutputCaching;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;
using ResolutionArchive.Data;

namespace ResolutionArchive.Web.Hosting;

/// <summary>
/// The archive's revision as the response cache sees it (<see cref="Data.ArchiveRevision.ReadAsync"/>: every
/// import, deletion, index rebuild and lineage update increases it in its own transaction, in whatever process). The
/// revision is read with a small pool of SQLite connections kept open, so a read costs a few microseconds rather than
/// the opening of a connection. Each pooled connection remembers the file it opened (modification time and length): a
/// copy renamed over the database (docs/operations.md §2, <c>backup --for-instance</c>) is another file, and an open
/// connection would go on reading the old one, so a connection whose file has changed is closed and a new one opened.
/// When the revision changes, the output cache entries of the older revision are evicted. Thread-safe; one instance per
/// site.
/// </summary>
internal sealed class RevisionMonitor : IDisposable
{
    private const string Query = Data.ArchiveRevision.Sql;
    private readonly ConcurrentBag<(SqliteCommand Command, FileStamp Stamp)> _commands = [];
    private readonly string _connectionString;
    private readonly string _path;
    private readonly TimeSpan _interval;
    private readonly IOutputCacheStore _store;
    private readonly TimeProvider _time;
    private long _latest = -1;
    private long _readAt;
    private int _reading;
    private bool _disposed;

    /// <summary>Reads the revision of the site's database (<see cref="ArchiveOptions.DatabasePath"/>).</summary>
    public RevisionMonitor(IOptions<ArchiveOptions> archive, IOptions<ResponseCachingSettings> settings, IOutputCacheStore store, TimeProvider? time = null)
    {
        ArgumentNullException.ThrowIfNull(archive);
        ArgumentNullException.ThrowIfNull(settings);
        _path = archive.Value.DatabasePath;
        _connectionString = ArchiveDatabase.ConnectionString(_path, archive.Value.ReadOnly);
        _interval = settings.Value.RevisionCheckInterval;
        _store = store;
        _time = time ?? TimeProvider.System;
    }

    /// <summary>The last revision read, or -1 before the first read.</summary>
    public long Latest => Interlocked.Read(ref _latest);

    /// <summary>The output cache tag of the entries made at <paramref name="revision"/>.</summary>
    public static string Tag(long revision) => "archive-revision-" + revision.ToString(CultureInfo.InvariantCulture);

    /// <summary>
    /// The revision to key a response with: read now when <see cref="ResponseCachingSettings.RevisionCheckInterval"/> is
    /// zero or has passed since the last read, else the last one read. Null when it cannot be read (the database is
    /// busy or being replaced): the response is then neither cached nor served from the cache.
    /// </summary>
    public async ValueTask<long?> CurrentAsync(CancellationToken cancellationToken = default)
    {
        if (_interval > TimeSpan.Zero && Latest >= 0)
        {
            var age = _time.GetElapsedTime(Interlocked.Read(ref _readAt));
            // One request reads a stale revision again; the others go on with the last one until it has.
            if (age < _interval || Interlocked.CompareExchange(ref _reading, 1, 0) != 0)
            {
                return Latest;
            }

            try
            {
                return await RefreshAsync(cancellationToken);
            }
            finally
            {
                Volatile.Write(ref _reading, 0);
            }
        }

        return await RefreshAsync(cancellationToken);
    }

    /// <summary>
    /// Reads the revision now, remembers it and, when it has changed, evicts the cache entries of the previous one.
    /// Null when the database cannot be read.
    /// </summary>
    public async ValueTask<long?> RefreshAsync(CancellationToken cancellationToken = default)
    {
        long revision;
        try
        {
            revision = Read();
        }
        catch (SqliteException)
        {
            return null;
        }
        catch (InvalidOperationException)
        {
            return null;
        }

        Interlocked.Exchange(ref _readAt, _time.GetTimestamp());
        var previous = Interlocked.Exchange(ref _latest, revision);
        if (previous >= 0 && previous != revision)
        {
            await _store.EvictByTagAsync(Tag(previous), cancellationToken);
        }

        return revision;
    }

    private long Read()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var stamp = FileStamp.Of(_path);
        SqliteCommand? command = null;
        while (command is null && _commands.TryTake(out var pooled))
        {
            if (pooled.Stamp == stamp)
            {
                command = pooled.Command;
            }
            else
            {
                // The file was replaced (or checkpointed) since this connection opened it.
                pooled.Command.Connection?.Dispose();
                pooled.Command.Dispose();
            }
        }

        if (command is null)
        {
            var connection = new SqliteConnection(_connectionString);
            connection.Open();
            command = connection.CreateCommand();
            command.CommandText = Query;
            command.Prepare();
        }

        try
        {
            var value = command.ExecuteScalar();
            _commands.Add((command, stamp));
            return value is null or DBNull ? 0 : Convert.ToInt64(value, CultureInfo.InvariantCulture);
        }
        catch
        {
            // A connection that failed is not reused.
            command.Connection?.Dispose();
            command.Dispose();
            throw;
        }
    }

    /// <summary>Closes the pooled connections.</summary>
    public void Dispose()
    {
        _disposed = true;
        while (_commands.TryTake(out var pooled))
        {
            pooled.Command.Connection?.Dispose();
            pooled.Command.Dispose();
        }
    }

    /// <summary>What tells one database file from the next at the same path: its modification time and length.</summary>
    private readonly record struct FileStamp(long LastWriteTicks, long Length)
    {
        public static FileStamp Of(string path)
        {
            var file = new FileInfo(path);
            return file.Exists ? new FileStamp(file.LastWriteTimeUtc.Ticks, file.Length) : default;
        }
    }
}
