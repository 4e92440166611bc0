using System.CommandLine;
using ResolutionArchive.Data.Import;

namespace ResolutionArchive.Cli;

/// <summary>
/// The <c>resolution-archive</c> command line (docs/cli.md): <c>parse FILE</c>, <c>validate PATH...</c>,
/// <c>import PATH... [--db FILE] [--dry-run] [--wait SECONDS]</c>, <c>export SYMBOL</c>, <c>delete SYMBOL</c>,
/// <c>search-index rebuild|check</c>, <c>backup --to FILE</c>. Exit codes: 0 success, 1 an input was invalid or failed to import,
/// 2 the command line itself was wrong, 3 another import held the database's write lock (nothing written).
/// </summary>
public static class CliApplication
{
    /// <summary>The database used when <c>--db</c> is not given: <c>archive.sqlite</c> in the working folder.</summary>
    public const string DefaultDatabase = "archive.sqlite";

    /// <summary>Runs the command line with output to the given writers; returns the exit code.</summary>
    public static async Task<int> RunAsync(string[] args, TextWriter output, TextWriter error)
    {
        var dbOption = new Option<string>("--db")
        {
            Description = "SQLite database file (created and migrated when missing)",
            DefaultValueFactory = _ => DefaultDatabase,
            Recursive = true,
        };

        var parseFile = new Argument<FileInfo>("file") { Description = "a resolution: a seed-style text (UTF-8) or an AKN4UN XML file, told apart by content" };
        RejectUnknownOptions(parseFile);
        var parse = new Command("parse", "Parse one resolution (text or AKN4UN XML) and print it as one JSON object") { parseFile };
        parse.SetAction(result => Verbs.ParseVerb.Run(result.GetValue(parseFile)!, output, error));

        var validatePaths = new Argument<string[]>("paths") { Description = "files or folders", Arity = ArgumentArity.OneOrMore };
        RejectUnknownOptions(validatePaths);
        var validate = new Command("validate", "Check resolution texts without writing anything") { validatePaths };
        validate.SetAction(result => Verbs.ValidateVerb.Run(result.GetValue(validatePaths)!, output, error));

        var importPaths = new Argument<string[]>("paths") { Description = "files or folders", Arity = ArgumentArity.OneOrMore };
        RejectUnknownOptions(importPaths);
        var dryRun = new Option<bool>("--dry-run") { Description = "validate only; write nothing" };
        var wait = new Option<int>("--wait")
        {
            Description = $"seconds to wait while another import holds the database's write lock, then give up with exit code {Verbs.ImportVerb.BusyExitCode} (default {Verbs.ImportVerb.DefaultWaitSeconds})",
            DefaultValueFactory = _ => Verbs.ImportVerb.DefaultWaitSeconds,
        };
        wait.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0)
            {
                result.AddError("--wait must be 0 or more seconds.");
            }
        });
        var maxBytes = new Option<long>("--max-bytes")
        {
            Description = $"refuse a file larger than this many bytes (default {InputFile.DefaultMaxBytes:N0}, 20 MiB)",
            DefaultValueFactory = _ => InputFile.DefaultMaxBytes,
        };
        var strict = new Option<bool>("--strict") { Description = "refuse a file that has a warning (an unknown name, a count that differs from its list…), as if it were an error" };
        var import = new Command("import", "Parse resolution texts and store them in the database, all in one transaction (a run is all or nothing)") { importPaths, dryRun, wait, strict, maxBytes };
        import.SetAction((result, token) => ImportAsync(result.GetValue(importPaths)!, result.GetValue(dbOption)!, result.GetValue(dryRun), TimeSpan.FromSeconds(result.GetValue(wait)), result.GetValue(strict), result.GetValue(maxBytes), output, error, token));

        var exportKey = new Argument<string>("symbol") { Description = "the resolution's symbol (A/RES/76/159), a draft's key, or a number that names one resolution (76/159)" };
        var format = new Option<string>("--format") { Description = "akn (AKN4UN XML) or json (the parse format)", DefaultValueFactory = _ => "json" };
        format.AcceptOnlyFromAmong("akn", "json");
        var outputFile = new Option<FileInfo?>("--output") { Description = "write to this file instead of standard output" };
        var export = new Command("export", "Print one stored resolution as AKN4UN XML or JSON") { exportKey, format, outputFile };
        export.SetAction((result, token) => Verbs.ExportVerb.RunAsync(result.GetValue(exportKey)!, result.GetValue(format)!, result.GetValue(outputFile), result.GetValue(dbOption)!, output, error, token));

        var deleteKey = new Argument<string>("symbol") { Description = "the record's symbol (A/RES/76/159) or a draft's key" };
        var delete = new Command("delete", "Delete one stored record and its source files, in one transaction") { deleteKey };
        delete.SetAction((result, token) => Verbs.DeleteVerb.RunAsync(result.GetValue(deleteKey)!, result.GetValue(dbOption)!, output, error, token));

        var rebuild = new Command("rebuild", "Rebuild the full-text index from the stored texts, in one transaction");
        rebuild.SetAction((result, token) => Verbs.SearchIndexVerb.RunAsync(rebuild: true, result.GetValue(dbOption)!, output, error, token));
        var check = new Command("check", "Check the full-text index against the stored texts (exit code 1 when it disagrees)");
        check.SetAction((result, token) => Verbs.SearchIndexVerb.RunAsync(rebuild: false, result.GetValue(dbOption)!, output, error, token));
        var searchIndex = new Command("search-index", "Maintain the full-text index (docs/search.md)") { rebuild, check };

        var backupTarget = new Option<string>("--to") { Description = "the copy to write (replaced atomically when it exists)", Required = true };
        var forInstance = new Option<bool>("--for-instance") { Description = "write the copy in rollback-journal mode, for a read-only site instance (docs/operations.md §2)" };
        var backup = new Command("backup", "Write a consistent copy of the database, even while the site serves it or an import runs") { backupTarget, forInstance };
        backup.SetAction((result, token) => Verbs.BackupVerb.RunAsync(result.GetValue(dbOption)!, result.GetValue(backupTarget)!, result.GetValue(forInstance), output, error, token));

        var quality = new Command("check", "List the archive's data-quality flags: every warning the import gave about a stored file (exit code 1 when there is any)");
        quality.SetAction((result, token) => Verbs.CheckVerb.RunAsync(result.GetValue(dbOption)!, output, error, token));

        var root = new RootCommand("ResolutionArchive: parse, validate, import and export UN resolutions") { dbOption, parse, validate, import, export, delete, searchIndex, backup, quality };
        var parseResult = root.Parse(args);
        if (parseResult.Errors.Count > 0)
        {
            foreach (var parseError in parseResult.Errors)
            {
                await error.WriteLineAsync(parseError.Message);
            }

            return 2;
        }

        return await parseResult.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
    }

    /// <summary>
    /// System.CommandLine hands an unknown option written after a verb (<c>import seeds --bogus</c>) to the verb's
    /// PATH arguments instead of reporting it, which turned a wrong command line into exit code 1 (or a completed
    /// import). A value that starts with <c>-</c> and names nothing on disk is therefore reported as an unknown option,
    /// which makes the command line wrong: exit code 2, nothing run.
    /// </summary>
    private static void RejectUnknownOptions(Argument argument) =>
        argument.Validators.Add(result =>
        {
            foreach (var token in result.Tokens)
            {
                if (token.Value.StartsWith('-') && !File.Exists(token.Value) && !Directory.Exists(token.Value))
                {
                    result.AddError($"Unrecognized option '{token.Value}'.");
                }
            }
        });

    private static Task<int> ImportAsync(string[] paths, string db, bool dryRun, TimeSpan wait, bool strict, long maxBytes, TextWriter output, TextWriter error, CancellationToken token)
    {
        var files = InputFiles.Expand(paths, error, out var missing);
        var interactive = ReferenceEquals(output, Console.Out) && !Console.IsOutputRedirected;
        return new Verbs.ImportVerb(output, error, interactive, wait, strict, Math.Max(1, maxBytes)).RunAsync(files, missing, db, dryRun, token);
    }
}
