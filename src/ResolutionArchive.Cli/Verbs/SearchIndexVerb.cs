using ResolutionArchive.Data;

namespace ResolutionArchive.Cli.Verbs;

/// <summary>The verb search-index rebuild|check (docs/cli.md "search-index").</summary>
internal static class SearchIndexVerb
{
    public static async Task<int> RunAsync(bool rebuild, string db, TextWriter output, TextWriter error, CancellationToken token)
    {
        if (!File.Exists(db))
        {
            await error.WriteLineAsync($"{db}:1: expected an archive database, found no file (give --db FILE)");
            return 1;
        }

        await using var context = await ArchiveDatabase.OpenAsync(db);
        if (rebuild)
        {
            var watch = System.Diagnostics.Stopwatch.StartNew();
            var count = await Data.Search.SearchIndex.RebuildAsync(context, token);
            await output.WriteLineAsync($"search index rebuilt: {count} paragraphs and footnotes in {watch.Elapsed.TotalSeconds:0.0} s");
        }

        var result = await Data.Search.SearchIndex.CheckAsync(context, token);
        foreach (var problem in result.Problems)
        {
            await error.WriteLineAsync($"{db}: search index: {problem}");
        }

        await output.WriteLineAsync(result.Ok
            ? $"search index consistent: {result.Entries} entries, {result.IndexRows} index rows"
            : $"search index inconsistent: {result.Problems.Count} problems (run `search-index rebuild`)");
        return result.Ok ? 0 : 1;
    }
}
