using ResolutionArchive.Data;
using ResolutionArchive.Data.Import;

namespace ResolutionArchive.Cli.Verbs;

/// <summary>The verb delete: one stored record and its sources (docs/cli.md "delete").</summary>
internal static class DeleteVerb
{
    public static async Task<int> RunAsync(string key, string db, TextWriter output, TextWriter error, CancellationToken token)
    {
        if (!File.Exists(db))
        {
            await error.WriteLineAsync($"{db}:1: expected an archive database, found no file (give --db FILE)");
            return 1;
        }

        await using var context = await ArchiveDatabase.OpenAsync(db);
        if (!await RecordDeletion.DeleteAsync(context, key.Trim('/'), token))
        {
            await error.WriteLineAsync($"{key}: expected the symbol or key of a stored record, found none (nothing was deleted)");
            return 1;
        }

        await output.WriteLineAsync($"{key}: deleted");
        return 0;
    }
}
