using ResolutionArchive.Data;

namespace ResolutionArchive.Cli.Verbs;

/// <summary>The verb check: the archive's data-quality flags (docs/cli.md "check").</summary>
internal static class CheckVerb
{
    public static async Task<int> RunAsync(string db, TextWriter output, TextWriter error, CancellationToken token)
    {
        if (!File.Exists(db))
        {
            await error.WriteLineAsync($"{db}:1: expected an archive database, found no file (give --db FILE)");
            return 1;
        }

        await using var context = await ArchiveDatabase.OpenAsync(db);
        var flags = await Data.Queries.DataQuality.ListAsync(context, token);
        foreach (var flag in flags)
        {
            await output.WriteLineAsync(ConsoleText.Escape($"{flag} [{flag.ResolutionKey}]"));
        }

        await output.WriteLineAsync($"data quality: {flags.Count} flags in {flags.Select(f => f.ResolutionKey).Distinct(StringComparer.Ordinal).Count()} records");
        return flags.Count == 0 ? 0 : 1;
    }
}
