using System.Globalization;
using System.Runtime;
using System.Runtime.InteropServices;
using ResolutionArchive.Data;

namespace ResolutionArchive.Benchmarks;

// The report: the machine, the archive's sizes, the table of timings and the verdict against the targets.
internal sealed partial class SearchBenchmark
{
    private async Task WriteMachineAsync(ArchiveDbContext db, CancellationToken cancellationToken)
    {
        string? FirstLine(string path, string prefix) =>
            File.Exists(path) ? File.ReadLines(path).FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal)) : null;

        var cpu = FirstLine("/proc/cpuinfo", "model name")?.Split(':', 2)[1].Trim() ?? RuntimeInformation.ProcessArchitecture.ToString();
        var memory = FirstLine("/proc/meminfo", "MemTotal")?.Split(':', 2)[1].Trim();
        var memoryText = memory is not null && long.TryParse(memory.Split(' ')[0], CultureInfo.InvariantCulture, out var kb)
            ? $"{kb / 1024.0 / 1024.0:0.0} GiB ({memory})"
            : "unknown";
        var os = FirstLine("/etc/os-release", "PRETTY_NAME=")?.Split('=', 2)[1].Trim('"');
        var sqlite = await ScalarAsync<string>(db, "SELECT sqlite_version()", cancellationToken);
        await output.WriteLineAsync($"- CPU: {cpu}, {Environment.ProcessorCount} logical cores");
        await output.WriteLineAsync($"- memory: {memoryText}");
        await output.WriteLineAsync($"- OS: {os ?? RuntimeInformation.OSDescription} ({RuntimeInformation.OSDescription})");
        await output.WriteLineAsync($"- .NET: {RuntimeInformation.FrameworkDescription}, {(GCSettings.IsServerGC ? "server" : "workstation")} GC");
        await output.WriteLineAsync($"- SQLite: {sqlite} (Microsoft.Data.Sqlite, bundled e_sqlite3), journal WAL, synchronous NORMAL");
        await output.WriteLineAsync($"- database: {Path.GetFullPath(options.Database)}");
    }

    private async Task WriteSizesAsync(ArchiveDbContext db, CancellationToken cancellationToken)
    {
        await ScalarAsync<long>(db, "PRAGMA wal_checkpoint(TRUNCATE)", cancellationToken);
        var size = new FileInfo(options.Database).Length;
        await output.WriteLineAsync($"- database file: {size / 1024.0 / 1024.0:0.0} MiB (after a WAL checkpoint)");
        try
        {
            var fts = await ScalarAsync<long>(db, "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'SearchIndex%'", cancellationToken);
            var entries = await ScalarAsync<long>(db, "SELECT sum(pgsize) FROM dbstat WHERE name LIKE 'SearchEntries%' OR name LIKE 'IX_SearchEntries%'", cancellationToken);
            var paragraphs = await ScalarAsync<long>(db, "SELECT sum(pgsize) FROM dbstat WHERE name = 'Paragraphs'", cancellationToken);
            await output.WriteLineAsync($"- FTS5 index (SearchIndex*): {fts / 1024.0 / 1024.0:0.0} MiB; SearchEntries with its indexes: {entries / 1024.0 / 1024.0:0.0} MiB; table Paragraphs: {paragraphs / 1024.0 / 1024.0:0.0} MiB (dbstat)");
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex) when (ex.Message.Contains("dbstat", StringComparison.Ordinal))
        {
            // the bundled SQLite has no dbstat: add up the FTS5 shadow tables' blobs instead (pages' overhead not counted)
            var blocks = await ScalarAsync<long>(db, "SELECT sum(length(block)) FROM SearchIndex_data", cancellationToken);
            var sizes = await ScalarAsync<long>(db, "SELECT sum(length(sz)) FROM SearchIndex_docsize", cancellationToken);
            var terms = await ScalarAsync<long>(db, "SELECT sum(length(term)) + 16 * count(*) FROM SearchIndex_idx", cancellationToken);
            await output.WriteLineAsync($"- FTS5 index: {(blocks + sizes + terms) / 1024.0 / 1024.0:0.0} MiB of data in its shadow tables (SearchIndex_data {blocks / 1024.0 / 1024.0:0.0} MiB; dbstat is not compiled into the bundled SQLite, so page overhead is not counted)");
        }
    }

    private async Task WriteTableAsync(IReadOnlyList<QueryMeasurement> measurements)
    {
        await output.WriteLineAsync("| query | kind | matches | cold p50 | cold p95 | cached p50 | cached p95 | LIKE p50 | LIKE p95 | speed-up cold (p50 / p95) | speed-up cached (p50 / p95) |");
        await output.WriteLineAsync("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|--:|");
        foreach (var m in measurements)
        {
            var matches = m.Matches == m.LikeMatches ? m.Matches.ToString("N0", CultureInfo.InvariantCulture) : $"{m.Matches:N0} (LIKE {m.LikeMatches:N0})";
            await output.WriteLineAsync(
                $"| {m.Query} | {m.Note} | {matches} | {Ms(m.Cold.P50)} | {Ms(m.Cold.P95)} | {Ms(m.Cached.P50)} | {Ms(m.Cached.P95)} | {Ms(m.Like.P50)} | {Ms(m.Like.P95)} " +
                $"| {Ratio(m.Like.P50 / m.Cold.P50)} / {Ratio(m.Like.P95 / m.Cold.P95)} | {Ratio(m.Like.P50 / m.Cached.P50)} / {Ratio(m.Like.P95 / m.Cached.P95)} |");
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync("Times in ms. cold = `new ArchiveSearch { CacheRankedLists = false }` (FTS5 MATCH + bm25 + sort + facets + snippets on every run); cached = the default instance (ranked list kept per query and archive revision); LIKE = top 20 by date + count(*) over Paragraphs and Footnotes.");
        await output.WriteLineAsync();
        await output.WriteLineAsync("The search page's default layout, grouped by resolution (20 resolutions, 3 hits each), cache on, same runs:");
        await output.WriteLineAsync();
        await output.WriteLineAsync("| query | kind | grouped cached p50 | grouped cached p95 | speed-up (p50 / p95) |");
        await output.WriteLineAsync("|---|---|--:|--:|--:|");
        foreach (var m in measurements)
        {
            await output.WriteLineAsync($"| {m.Query} | {m.Note} | {Ms(m.Grouped.P50)} | {Ms(m.Grouped.P95)} | {Ratio(m.Like.P50 / m.Grouped.P50)} / {Ratio(m.Like.P95 / m.Grouped.P95)} |");
        }
    }

    private async Task WriteVerdictAsync(IReadOnlyList<QueryMeasurement> measurements)
    {
        var two = measurements.Where(m => m.Note.StartsWith("2 chars", StringComparison.Ordinal)).ToList();
        foreach (var (name, pick) in new (string, Func<QueryMeasurement, Series>)[] { ("cold", m => m.Cold), ("cached", m => m.Cached) })
        {
            var worstP95 = two.MaxBy(m => pick(m).P95)!;
            var slowestRatio50 = two.MinBy(m => m.Like.P50 / pick(m).P50)!;
            var slowestRatio95 = two.MinBy(m => m.Like.P95 / pick(m).P95)!;
            var p95Ok = pick(worstP95).P95 <= 50;
            var ratioOk = slowestRatio50.Like.P50 / pick(slowestRatio50).P50 >= 20 && slowestRatio95.Like.P95 / pick(slowestRatio95).P95 >= 20;
            await output.WriteLineAsync(
                $"- 2-char queries, {name}: worst p95 {Ms(pick(worstP95).P95)} ms ({worstP95.Query}) → p95 ≤ 50 ms {(p95Ok ? "MET" : "MISSED")}; " +
                $"lowest speed-up {Ratio(slowestRatio50.Like.P50 / pick(slowestRatio50).P50)} at p50 ({slowestRatio50.Query}), {Ratio(slowestRatio95.Like.P95 / pick(slowestRatio95).P95)} at p95 ({slowestRatio95.Query}) → ≥ 20× {(ratioOk ? "MET" : "MISSED")}");
            var misses = two.Where(m => pick(m).P95 > 50 || m.Like.P50 / pick(m).P50 < 20 || m.Like.P95 / pick(m).P95 < 20).Select(m => m.Query).ToList();
            if (misses.Count > 0)
            {
                await output.WriteLineAsync($"  - {name} misses: {string.Join(", ", misses)}");
            }
        }
    }
}
