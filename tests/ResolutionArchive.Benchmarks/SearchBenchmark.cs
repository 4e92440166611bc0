using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using Microsoft.EntityFrameworkCore;
using ResolutionArchive.Data;
using ResolutionArchive.Data.Search;

namespace ResolutionArchive.Benchmarks;

/// <summary>
/// The <c>search</c> benchmark: imports the seeds and the AKN4UN corpus into a new archive, adds synthetic copies of
/// every resolution until the archive has enough paragraphs, checks the full-text index, then times the ranked top-20
/// (<see cref="ArchiveSearch.SearchAsync"/>, flat layout, page 1) with the ranked-list cache off and on, beside a
/// <c>LIKE '%q%'</c> scan in the same process, on the same connection, and prints a markdown table.
/// </summary>
internal sealed partial class SearchBenchmark(SearchBenchmarkOptions options, TextWriter output)
{
    private const int CopyBatch = 100;
    private const string CopySource = "benchmark-synthetic-copy";

    private const string LikeTop = """
        SELECT r.Key, m.Anchor, m.Text
        FROM (SELECT ResolutionId, Anchor, Text FROM Paragraphs WHERE Text LIKE $pattern
              UNION ALL
              SELECT ResolutionId, Anchor, Text FROM Footnotes WHERE Text LIKE $pattern) AS m
        JOIN Resolutions r ON r.Id = m.ResolutionId
        ORDER BY r.AdoptionDate DESC
        LIMIT 20
        """;

    private const string LikeCount = """
        SELECT (SELECT count(*) FROM Paragraphs WHERE Text LIKE $pattern)
             + (SELECT count(*) FROM Footnotes WHERE Text LIKE $pattern)
        """;

    private static readonly string[] OneCharacter = ["人", "权", "国", "的"];
    private static readonly string[] TwoCharacters = ["人权", "合作", "发展", "决定", "妇女", "儿童", "难民"];
    private static readonly string[] FourCharacters = ["人权理事", "可持续发", "联合国大", "秘书长报"];

    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        var total = Stopwatch.StartNew();
#if DEBUG
        await output.WriteLineAsync("WARNING: Debug build; run with -c Release for figures worth reporting.");
#endif
        if (!options.Reuse)
        {
            foreach (var suffix in new[] { "", "-wal", "-shm" })
            {
                File.Delete(options.Database + suffix);
            }
        }
        else if (!File.Exists(options.Database))
        {
            await output.WriteLineAsync($"--reuse: {options.Database} does not exist");
            return 2;
        }

        await using var db = await ArchiveDatabase.OpenAsync(options.Database);
        // one connection for the whole run, as a web request would hold one: opening it is not measured
        await db.Database.OpenConnectionAsync(cancellationToken);

        await output.WriteLineAsync("## Machine");
        await WriteMachineAsync(db, cancellationToken);

        await output.WriteLineAsync();
        await output.WriteLineAsync("## Archive");
        if (!options.Reuse)
        {
            if (!await ImportAsync(db, cancellationToken))
            {
                return 1;
            }
        }

        await AddCopiesAsync(db, cancellationToken);
        await WriteSizesAsync(db, cancellationToken);

        var checkTime = Stopwatch.StartNew();
        var check = await SearchIndex.CheckAsync(db, cancellationToken);
        await output.WriteLineAsync($"- SearchIndex.CheckAsync: {(check.Ok ? "OK" : "PROBLEMS")}, {check.Entries:N0} entries, {check.IndexRows:N0} index rows ({checkTime.Elapsed.TotalSeconds:0.0} s)");
        foreach (var problem in check.Problems)
        {
            await output.WriteLineAsync($"  - {problem}");
        }

        await output.WriteLineAsync();
        await output.WriteLineAsync("## Terms");
        var (mostFrequent, rare) = await FrequentAndRareAsync(db, cancellationToken);
        var queries = new List<(string Query, string Note)>();
        queries.AddRange(OneCharacter.Select(q => (q, "1 char")));
        foreach (var q in TwoCharacters)
        {
            queries.Add((q, q == mostFrequent ? "2 chars, most frequent" : "2 chars"));
            if (q == "人权" && mostFrequent != q)
            {
                queries.Add((mostFrequent, "2 chars, most frequent"));
            }
        }

        queries.Add((rare, "2 chars, rare"));
        queries.AddRange(FourCharacters.Select(q => (q, "4 chars")));

        await output.WriteLineAsync();
        await output.WriteLineAsync("## Latency");
        await output.WriteLineAsync($"Ranked top 20 (flat layout, page 1, snippets), per query {options.Warmups} warm-up + {options.Runs} timed runs of each series, the series interleaved; GC forced before each query.");
        var cold = new ArchiveSearch { CacheRankedLists = false };
        var cached = new ArchiveSearch();
        // the first search of an ArchiveSearch (and the first after every import) loads the entries' snapshot
        var first = Stopwatch.StartNew();
        await cold.SearchAsync(db, Request("人权"), cancellationToken);
        var firstMs = first.Elapsed.TotalMilliseconds;
        first.Restart();
        await cached.SearchAsync(db, Request("人权"), cancellationToken);
        await output.WriteLineAsync($"- first search of a new ArchiveSearch (loads the snapshot of every entry, then ranks 人权): {firstMs:0} ms and {first.Elapsed.TotalMilliseconds:0} ms");

        var measurements = new List<QueryMeasurement>();
        await output.WriteLineAsync($"- load average before: {LoadAverage()}");
        foreach (var (query, note) in queries)
        {
            var request = Request(query);
            var runs = new Func<Task<int>>[]
            {
                async () => (await cold.SearchAsync(db, request, cancellationToken)).Total,
                async () => (await cached.SearchAsync(db, request, cancellationToken)).Total,
                () => LikeAsync(db, query, cancellationToken),
                async () => (await cached.SearchAsync(db, request with { Layout = SearchLayout.Grouped }, cancellationToken)).Total,
            };
            var (times, totals) = await MeasureAsync(runs);
            var coldResult = await cold.SearchAsync(db, request, cancellationToken);
            if (totals[0] != totals[1] || totals[0] != totals[3] || coldResult.Hits.Count != Math.Min(20, coldResult.Total))
            {
                await output.WriteLineAsync($"- WARNING {query}: cold total {totals[0]}, cached total {totals[1]}, grouped total {totals[3]}, {coldResult.Hits.Count} hits shown");
            }

            var measurement = new QueryMeasurement(query, note, totals[0], totals[2], times[0], times[1], times[2], times[3]);
            measurements.Add(measurement);
            await output.WriteLineAsync($"- {query} ({note}): {measurement.Matches:N0} matches; cold p50 {Ms(times[0].P50)} p95 {Ms(times[0].P95)}; cached p50 {Ms(times[1].P50)} p95 {Ms(times[1].P95)}; LIKE p50 {Ms(times[2].P50)} p95 {Ms(times[2].P95)} ({totals[2]:N0} matches); grouped cached p50 {Ms(times[3].P50)} p95 {Ms(times[3].P95)}");
        }

        await output.WriteLineAsync($"- load average after: {LoadAverage()}");
        await output.WriteLineAsync();
        await WriteTableAsync(measurements);
        await WriteVerdictAsync(measurements);
        await output.WriteLineAsync();
        await output.WriteLineAsync($"Total run time: {total.Elapsed.TotalMinutes:0.0} min.");
        return 0;
    }

    private static SearchRequest Request(string query) =>
        new(SearchQuery.Parse(query), new SearchFilters(), SearchLayout.Flat, 1, 20);

    private static string Ms(double value) =>
        value >= 100 ? value.ToString("0", CultureInfo.InvariantCulture)
        : value >= 10 ? value.ToString("0.0", CultureInfo.InvariantCulture)
        : value.ToString("0.00", CultureInfo.InvariantCulture);

    private static string Ratio(double value) =>
        (value >= 100 ? value.ToString("0", CultureInfo.InvariantCulture) : value.ToString("0.0", CultureInfo.InvariantCulture)) + "×";

    /// <summary>
    /// Times the <paramref name="runs"/> (cold search, cached search, LIKE, cached grouped search) interleaved: the warm-ups of each, then
    /// each timed run of each in turn, so that any load on the machine falls on every series alike.
    /// </summary>
    private async Task<(Series[] Times, int[] Totals)> MeasureAsync(IReadOnlyList<Func<Task<int>>> runs)
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        var totals = new int[runs.Count];
        for (var i = 0; i < options.Warmups; i++)
        {
            for (var k = 0; k < runs.Count; k++)
            {
                totals[k] = await runs[k]();
            }
        }

        var times = new double[runs.Count][];
        for (var k = 0; k < runs.Count; k++)
        {
            times[k] = new double[options.Runs];
        }

        for (var i = 0; i < options.Runs; i++)
        {
            for (var k = 0; k < runs.Count; k++)
            {
                var start = Stopwatch.GetTimestamp();
                totals[k] = await runs[k]();
                times[k][i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
        }

        return ([.. times.Select(t => new Series(t))], totals);
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) + " (1, 5, 15 min)" : "unknown";

    /// <summary>The baseline: the newest 20 paragraphs or footnotes containing the term, and how many there are.</summary>
    private static async Task<int> LikeAsync(ArchiveDbContext db, string query, CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        var pattern = "%" + query + "%";
        await using (var top = Command(connection, LikeTop, pattern))
        {
            await using var reader = await top.ExecuteReaderAsync(cancellationToken);
            while (await reader.ReadAsync(cancellationToken))
            {
                _ = reader.GetString(0);
                _ = reader.GetString(1);
                _ = reader.GetString(2);
            }
        }

        await using var count = Command(connection, LikeCount, pattern);
        return Convert.ToInt32(await count.ExecuteScalarAsync(cancellationToken), CultureInfo.InvariantCulture);
    }

    private static DbCommand Command(DbConnection connection, string sql, string? pattern = null)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        if (pattern is not null)
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "$pattern";
            parameter.Value = pattern;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    private static async Task<T?> ScalarAsync<T>(ArchiveDbContext db, string sql, CancellationToken cancellationToken)
    {
        await using var command = Command(db.Database.GetDbConnection(), sql);
        var value = await command.ExecuteScalarAsync(cancellationToken);
        return value is null or DBNull ? default : (T)Convert.ChangeType(value, typeof(T), CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The most frequent two-character Han term of the real texts (the records that are not copies), by the number of
    /// paragraphs and footnotes containing it, and the rare term of the options with its frequency.
    /// </summary>
    private async Task<(string MostFrequent, string Rare)> FrequentAndRareAsync(ArchiveDbContext db, CancellationToken cancellationToken)
    {
        var normalized = new List<string>();
        int CountContaining(string term) => normalized.Count(t => t.Contains(SearchText.Normalize(term), StringComparison.Ordinal));

        const string sql = """
            SELECT p.Text FROM Paragraphs p JOIN Resolutions r ON r.Id = p.ResolutionId WHERE instr(r.Key, '/copy') = 0
            UNION ALL
            SELECT f.Text FROM Footnotes f JOIN Resolutions r ON r.Id = f.ResolutionId WHERE instr(r.Key, '/copy') = 0
            """;
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        var texts = 0;
        await using (var command = Command(db.Database.GetDbConnection(), sql))
        {
            await using var reader = await command.ExecuteReaderAsync(cancellationToken);
            var seen = new HashSet<string>(StringComparer.Ordinal);
            while (await reader.ReadAsync(cancellationToken))
            {
                texts++;
                var text = SearchText.Normalize(reader.GetString(0));
                normalized.Add(text);
                seen.Clear();
                for (var i = 1; i < text.Length; i++)
                {
                    if (IsHan(text[i - 1]) && IsHan(text[i]))
                    {
                        seen.Add(text.Substring(i - 1, 2));
                    }
                }

                foreach (var term in seen)
                {
                    frequency[term] = frequency.GetValueOrDefault(term) + 1;
                }
            }
        }

        var ranked = frequency.OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).ToList();
        var top = string.Join(", ", ranked.Take(10).Select(f => $"{f.Key} {f.Value:N0}"));
        var humanRights = ranked.FindIndex(f => f.Key == "人权");
        await output.WriteLineAsync($"- two-character Han terms in the {texts:N0} real paragraphs and footnotes, by paragraphs containing them: {top}");
        await output.WriteLineAsync($"- 人权: rank {humanRights + 1}, in {frequency.GetValueOrDefault("人权"):N0} real paragraphs/footnotes");
        var rare = options.Rare;
        await output.WriteLineAsync($"- most frequent: {ranked[0].Key}; rare term (--rare): {rare}, in {CountContaining(rare):N0} real paragraphs/footnotes ({frequency.Count(f => f.Value == 1):N0} two-character terms occur in exactly one)");
        return (ranked[0].Key, rare);
    }

    private static bool IsHan(char c) => c is >= '\u4e00' and <= '\u9fff' or >= '\u3400' and <= '\u4dbf';
}
