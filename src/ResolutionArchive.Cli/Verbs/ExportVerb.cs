using ResolutionArchive.Data;

namespace ResolutionArchive.Cli.Verbs;

/// <summary>The verb export: one stored record as AKN4UN XML or JSON (docs/cli.md "export").</summary>
internal static class ExportVerb
{
    public static async Task<int> RunAsync(string key, string format, FileInfo? file, string db, TextWriter output, TextWriter error, CancellationToken token)
    {
        if (!File.Exists(db))
        {
            await error.WriteLineAsync($"{db}:1: expected an archive database, found no file (import something first, or give --db FILE)");
            return 1;
        }

        await using var context = await ArchiveDatabase.OpenAsync(db);
        var resolution = await Data.Queries.ResolutionLookup.FindAsync(context, key.Trim('/'), token);
        if (resolution is null)
        {
            var candidates = await Data.Queries.ResolutionLookup.KeysMatchingAsync(context, key, token);
            await error.WriteLineAsync(candidates.Count > 1
                ? $"{key}: names {candidates.Count} resolutions ({string.Join(", ", candidates)}); give the symbol"
                : $"{key}: expected the symbol, key or number of a stored resolution, found none");
            return 1;
        }

        var text = ExportFormats.Write(resolution, format);
        if (file is null)
        {
            await output.WriteLineAsync(text);
        }
        else
        {
            await File.WriteAllTextAsync(file.FullName, text, new System.Text.UTF8Encoding(false), token);
        }

        return 0;
    }
}
