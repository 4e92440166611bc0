using System.Diagnostics;
using ResolutionArchive.Data;
using ResolutionArchive.Data.Import;
using ResolutionArchive.Parsing;
using ResolutionArchive.Parsing.Diagnostics;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ResolutionArchive.Cli;

/// <summary>
/// The <c>import</c> verb (docs/cli.md): reads every file (seed-style text or AKN4UN XML, told apart by content),
/// stores each valid one in its own transaction, and ends with a summary table. On a terminal it shows a Spectre.Console
/// progress bar with the count and the rate; otherwise (redirected output, tests, CI) it prints one plain line per file.
/// The database is opened (created, migrated) only when the first valid file needs storing, so a run in which every
/// file fails, and a dry run, leave the database file exactly as it was, or absent.
/// </summary>
internal sealed class ImportCommand(TextWriter output, TextWriter error, bool interactive)
{
    private readonly Dictionary<ImportStatus, int> _counts = [];
    private readonly List<ImportOutcome> _failures = [];
    private readonly HashSet<string> _changed = new(StringComparer.Ordinal);

    /// <summary>
    /// Up to this many changed records, the paragraph lineage is updated record by record
    /// (<see cref="Data.Lineage.LineageStore.UpdateAsync"/>); beyond, it is rebuilt for the whole archive once.
    /// </summary>
    public const int IncrementalLineageLimit = 20;

    /// <summary>Imports <paramref name="files"/>; returns the exit code (1 when a file failed or a path was missing).</summary>
    public async Task<int> RunAsync(IReadOnlyList<string> files, bool missing, string db, bool dryRun, CancellationToken token)
    {
        var watch = Stopwatch.StartNew();
        ArchiveDbContext? context = null;
        try
        {
            if (interactive)
            {
                await AnsiConsole.Progress()
                    .AutoClear(false)
                    .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn())
                    .StartAsync(async progress =>
                    {
                        var task = progress.AddTask("import", maxValue: Math.Max(files.Count, 1));
                        foreach (var file in files)
                        {
                            (context, var outcome) = await ImportOneAsync(file, context, db, dryRun, token);
                            task.Increment(1);
                            var rate = task.Value / Math.Max(watch.Elapsed.TotalSeconds, 0.001);
                            task.Description = $"{task.Value:0}/{files.Count} files, {rate:0.0} files/s, {_failures.Count} failed";
                            Report(outcome, plain: false);
                        }
                    });
            }
            else
            {
                foreach (var file in files)
                {
                    (context, var outcome) = await ImportOneAsync(file, context, db, dryRun, token);
                    Report(outcome, plain: true);
                }
            }

            if (context is not null && _changed.Count > 0)
            {
                await LinkAsync(context, token);
            }
        }
        finally
        {
            if (context is not null)
            {
                await context.DisposeAsync();
            }
        }

        WriteSummary(files.Count, watch.Elapsed, db, dryRun);
        return _failures.Count > 0 || missing ? 1 : 0;
    }

    private async Task<(ArchiveDbContext? Context, ImportOutcome Outcome)> ImportOneAsync(string file, ArchiveDbContext? context, string db, bool dryRun, CancellationToken token)
    {
        ImportSource source;
        try
        {
            source = ImportSource.FromFile(file);
        }
        catch (IOException ex)
        {
            return (context, new ImportOutcome(file, ImportStatus.Failed, null, [new ParseDiagnostic(file, 1, $"expected a readable file: {ex.Message}")]));
        }

        var parsed = ResolutionSourceReader.Read(source.Bytes, source.Name);
        if (parsed.Succeeded && !dryRun)
        {
            context ??= ArchiveDatabase.Open(db);
        }

        var outcome = context is null
            ? new ImportOutcome(file, parsed.Succeeded ? ImportStatus.Valid : ImportStatus.Failed, parsed.Resolution is { } r ? ResolutionMapper.KeyOf(r) : null, parsed.Diagnostics)
            : await new ResolutionImporter(context).ImportAsync(source, parsed, dryRun, token);
        _counts[outcome.Status] = _counts.GetValueOrDefault(outcome.Status) + 1;
        if (outcome.Status is ImportStatus.Imported or ImportStatus.Replaced or ImportStatus.Enriched && outcome.Key is not null)
        {
            _changed.Add(outcome.Key!);
        }
        if (outcome.Status == ImportStatus.Failed)
        {
            _failures.Add(outcome);
        }

        return (context, outcome);
    }

    /// <summary>
    /// Links the changed records' paragraphs to the archive (docs/lineage.md §2): record by record for a few, the whole
    /// archive at once for more (a full rebuild is then faster than many updates).
    /// </summary>
    private async Task LinkAsync(ArchiveDbContext context, CancellationToken token)
    {
        var watch = Stopwatch.StartNew();
        if (_changed.Count > IncrementalLineageLimit)
        {
            var stats = await Data.Lineage.LineageStore.RebuildAsync(context, token);
            output.WriteLine($"lineage: {stats.Links} links among {stats.Paragraphs} paragraphs, rebuilt in {watch.Elapsed.TotalSeconds:0.0} s");
            return;
        }

        var links = 0;
        foreach (var key in _changed.Order(StringComparer.Ordinal))
        {
            links += (await Data.Lineage.LineageStore.UpdateAsync(context, key, token))?.Links ?? 0;
        }

        output.WriteLine($"lineage: {links} links for {_changed.Count} records in {watch.Elapsed.TotalSeconds:0.0} s");
    }

    private void Report(ImportOutcome outcome, bool plain)
    {
        foreach (var diagnostic in outcome.Diagnostics)
        {
            error.WriteLine(diagnostic.ToString());
        }

        if (plain)
        {
            output.WriteLine($"{outcome.Status.ToString().ToLowerInvariant()}: {outcome.File}{(outcome.Key is null ? "" : $" ({outcome.Key})")}");
        }
    }

    private void WriteSummary(int files, TimeSpan elapsed, string db, bool dryRun)
    {
        var console = interactive
            ? AnsiConsole.Console
            : AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(output), Ansi = AnsiSupport.No, ColorSystem = ColorSystemSupport.NoColors, Interactive = InteractionSupport.No });
        var summary = new Table().Title(dryRun ? "import (dry run: nothing written)" : "import")
            .AddColumn("result").AddColumn(new TableColumn("files").RightAligned());
        foreach (var status in Enum.GetValues<ImportStatus>().Where(_counts.ContainsKey))
        {
            summary.AddRow(status.ToString().ToLowerInvariant(), _counts[status].ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        summary.AddRow("total", files.ToString(System.Globalization.CultureInfo.InvariantCulture));
        summary.Caption($"{elapsed.TotalSeconds:0.0} s, {files / Math.Max(elapsed.TotalSeconds, 0.001):0.0} files/s");
        console.Write(summary);
        if (_failures.Count > 0 && !interactive)
        {
            // plain mode: one line per failed file with its first error (FILE:LINE: reason), unwrapped for logs
            output.WriteLine($"failed files ({_failures.Count}):");
            foreach (var failure in _failures)
            {
                output.WriteLine($"  {failure.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error)?.ToString() ?? $"{failure.File}: failed"}");
            }
        }
        else if (_failures.Count > 0)
        {
            var failures = new Table().Title("failed files").AddColumn("file").AddColumn("reason");
            foreach (var failure in _failures)
            {
                var reason = failure.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error)?.ToString() ?? "failed";
                failures.AddRow(new IRenderable[] { new Text(failure.File), new Text(reason) });
            }

            console.Write(failures);
        }

        // one plain line that scripts can rely on, whatever the table looks like
        output.WriteLine(string.Join(", ", Enum.GetValues<ImportStatus>().Where(_counts.ContainsKey).Select(s => $"{_counts[s]} {s.ToString().ToLowerInvariant()}")) + $" ({files} files, database {Path.GetFullPath(db)})");
    }
}
