using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using ResolutionArchive.Data;
using ResolutionArchive.Data.Import;
using ResolutionArchive.Parsing;
using ResolutionArchive.Parsing.Diagnostics;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace ResolutionArchive.Cli.Verbs;

/// <summary>
/// The <c>import</c> verb (docs/cli.md): reads every file (seed-style text or AKN4UN XML, told apart by content),
/// stores the valid ones and ends with a summary table. On a terminal it shows a Spectre.Console progress bar with the
/// count and the rate; otherwise (redirected output, tests, CI) it prints one plain line per file.
/// <para>
/// A run is all or nothing (issue 8, "import atomicity"): everything it writes — the records, their full-text index
/// entries, the paragraph lineage and the revision — goes into one write transaction, with one savepoint per file
/// (<see cref="ResolutionImporter"/>), so a file that fails to store is rolled back alone and reported while the others
/// are kept, and only a completed run commits. A run that is killed, or that fails as a whole, leaves the database as
/// it was. Readers (the site) see the archive as it was before the run until the commit (SQLite WAL mode).
/// </para>
/// <para>
/// The database is opened (created, migrated) only when the first valid file needs storing, so a run in which every
/// file fails, and a dry run, leave the database file exactly as it was, or absent. The write transaction is begun at
/// that moment (<c>BEGIN IMMEDIATE</c>); while another import holds it, this run waits up to <c>--wait</c> seconds and
/// then gives up with <see cref="BusyExitCode"/>, having written nothing.
/// </para>
/// </summary>
internal sealed class ImportVerb(TextWriter output, TextWriter error, bool interactive, TimeSpan? wait = null, bool strict = false, long maxBytes = InputFile.DefaultMaxBytes)
{
    /// <summary>The exit code of a run that could not get the database's write lock (docs/cli.md, exit codes).</summary>
    public const int BusyExitCode = 3;

    /// <summary>How long a run waits for another writer's lock by default, in seconds (<c>--wait</c>).</summary>
    public const int DefaultWaitSeconds = 30;

    private readonly Dictionary<ImportStatus, int> _counts = [];
    private readonly List<ImportOutcome> _failures = [];
    private int _warnings;
    private int _filesWithWarnings;
    private readonly TimeSpan _wait = wait ?? TimeSpan.FromSeconds(DefaultWaitSeconds);
    private ImportRun? _run;

    /// <summary>
    /// Imports <paramref name="files"/> in one transaction; returns the exit code: 0, 1 when a file failed, a path was
    /// missing or the run was rolled back, <see cref="BusyExitCode"/> when another writer held the database.
    /// </summary>
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

            if (_run is not null)
            {
                // the lineage of the changed records, then the commit; nothing changed (every file unchanged or
                // failed): nothing to commit, and the file is not touched
                if (await _run.CompleteAsync(token) is { } lineage)
                {
                    output.WriteLine(lineage.Rebuilt
                        ? $"lineage: {lineage.Links} links among {lineage.Paragraphs} paragraphs, rebuilt in {lineage.Elapsed.TotalSeconds:0.0} s"
                        : $"lineage: {lineage.Links} links for {lineage.Records} records in {lineage.Elapsed.TotalSeconds:0.0} s");
                }
            }
        }
        catch (Exception ex) when (ResolutionImporter.IsBusy(ex))
        {
            error.WriteLine($"{db}: another import is writing to the database (waited {_wait.TotalSeconds:0} s for its lock); nothing was imported by this run, try again when it has finished");
            return BusyExitCode;
        }
        catch (Exception ex) when (ex is Microsoft.Data.Sqlite.SqliteException or DbUpdateException)
        {
            error.WriteLine($"{db}: the import was rolled back, nothing was stored: {ex.InnerException?.Message ?? ex.Message}");
            return 1;
        }
        finally
        {
            if (_run is not null)
            {
                await _run.DisposeAsync(); // rolls back unless completed
            }

            if (context is not null)
            {
                await context.DisposeAsync();
            }
        }

        WriteSummary(files.Count, watch.Elapsed, db, dryRun);
        return _failures.Count > 0 || missing ? 1 : 0;
    }

    /// <summary>
    /// Opens the database (created and migrated when needed) and begins the run's write transaction, waiting up to
    /// <see cref="_wait"/> for another writer's lock (Microsoft.Data.Sqlite retries SQLITE_BUSY until the command timeout).
    /// </summary>
    private async Task<ArchiveDbContext> OpenAsync(string db, CancellationToken token)
    {
        var context = await ArchiveDatabase.OpenAsync(db);
        try
        {
            var seconds = (int)Math.Ceiling(Math.Max(_wait.TotalSeconds, 0));
            context.Database.SetCommandTimeout(seconds);
            await context.Database.OpenConnectionAsync(token);
            ((Microsoft.Data.Sqlite.SqliteConnection)context.Database.GetDbConnection()).DefaultTimeout = seconds;
            _run = await ImportRun.BeginAsync(context, cancellationToken: token);
            return context;
        }
        catch
        {
            await context.DisposeAsync();
            throw;
        }
    }

    private async Task<(ArchiveDbContext? Context, ImportOutcome Outcome)> ImportOneAsync(string file, ArchiveDbContext? context, string db, bool dryRun, CancellationToken token)
    {
        if (IsVotingData(file))
        {
            return await ImportVotingDataAsync(file, context, db, dryRun, token);
        }

        // only a regular file, of bounded size (docs/cli.md "Input files"): a FIFO or a device is refused before it is opened
        var (read, unreadable) = InputFile.Read(file, maxBytes);
        if (read is not { } source)
        {
            var refused = new ImportOutcome(file, ImportStatus.Failed, null, [unreadable!]);
            _counts[ImportStatus.Failed] = _counts.GetValueOrDefault(ImportStatus.Failed) + 1;
            _failures.Add(refused);
            return (context, refused);
        }

        return await StoreAsync(source, ResolutionSourceReader.Read(source.Bytes, source.Name), context, db, dryRun, token);
    }

    /// <summary>
    /// True for a regular file whose first line is the header of the UN Digital Library's voting data
    /// (<see cref="Parsing.Undl.UndlVotingData.LooksLikeVotingData"/>, input-formats §11.1). Such a file is streamed
    /// vote by vote, so <c>--max-bytes</c> does not bound it (the Library's whole file is about 900,000 rows).
    /// </summary>
    private static bool IsVotingData(string file)
    {
        try
        {
            if (!File.Exists(file) || InputFile.KindOf(file) is { } kind && kind != "a regular file")
            {
                return false;
            }

            using var stream = File.OpenRead(file);
            var head = new byte[4096];
            var length = stream.ReadAtLeast(head, head.Length, throwOnEndOfStream: false);
            return !head.AsSpan(0, length).StartsWith((byte[])[0x1f, 0x8b]) && Parsing.Undl.UndlVotingData.LooksLikeVotingData(head.AsSpan(0, length));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false; // InputFile.Read reports why
        }
    }

    /// <summary>
    /// Imports the Library's voting data (input-formats §11): each vote is one source of its record, stored under the
    /// run's transaction like a file; each is reported as a file is. Returns the last vote's outcome.
    /// </summary>
    private async Task<(ArchiveDbContext? Context, ImportOutcome Outcome)> ImportVotingDataAsync(string file, ArchiveDbContext? context, string db, bool dryRun, CancellationToken token)
    {
        using var reader = new StreamReader(file, System.Text.Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
        ImportOutcome? last = null;
        foreach (var vote in Parsing.Undl.UndlVotingData.Read(reader, file))
        {
            if (last is not null)
            {
                Report(last, plain: !interactive);
            }

            (context, last) = await StoreAsync(new ImportSource(file, vote.Excerpt), vote.Result, context, db, dryRun, token);
            // a conflict with a text (input-formats §11.5) is about the vote: it is reported at the vote's first row
            // a refused vote is named by its symbol, which the file gives even when the vote cannot be read
            last = last with { Key = last.Key ?? (vote.Symbol.Length > 0 ? vote.Symbol : null), Diagnostics = last.Diagnostics.Select(d => d.Message.StartsWith(MergedResolution.ConflictPrefix, StringComparison.Ordinal) ? d with { Line = vote.Line } : d).ToList() };
        }

        return (context, last ?? new ImportOutcome(file, ImportStatus.Unchanged, null, []));
    }

    /// <summary>Stores one parsed source (or, in a dry run or when it failed, only counts it).</summary>
    private async Task<(ArchiveDbContext? Context, ImportOutcome Outcome)> StoreAsync(ImportSource source, ParseResult parsed, ArchiveDbContext? context, string db, bool dryRun, CancellationToken token)
    {
        var file = source.Name;
        var warnings = parsed.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Warning);
        if (strict && warnings > 0)
        {
            // --strict (docs/cli.md): a warning refuses the file, as an error does
            parsed = new ParseResult(null, parsed.Diagnostics.Select(d => d with { Severity = DiagnosticSeverity.Error }).ToList());
        }
        else if (warnings > 0)
        {
            _warnings += warnings;
            _filesWithWarnings++;
        }

        if (parsed.Succeeded && !dryRun)
        {
            context ??= await OpenAsync(db, token);
        }

        var outcome = context is null
            ? new ImportOutcome(file, parsed.Succeeded ? ImportStatus.Valid : ImportStatus.Failed, parsed.Resolution is { } r ? ResolutionMapper.KeyOf(r) : null, parsed.Diagnostics)
            : await _run!.AddAsync(source, parsed, token);
        _counts[outcome.Status] = _counts.GetValueOrDefault(outcome.Status) + 1;
        if (outcome.Status == ImportStatus.Failed)
        {
            _failures.Add(outcome);
        }

        return (context, outcome);
    }

    private void Report(ImportOutcome outcome, bool plain)
    {
        foreach (var diagnostic in outcome.Diagnostics)
        {
            error.WriteLine(ConsoleText.Escape(diagnostic.ToString()));
        }

        if (plain)
        {
            output.WriteLine(ConsoleText.Escape($"{outcome.Status.ToString().ToLowerInvariant()}: {outcome.File}{(outcome.Key is null ? "" : $" ({outcome.Key})")}"));
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

        // a file of the Library's voting data holds many votes, each counted as a source (input-formats §11)
        summary.AddRow("total", Math.Max(files, _counts.Values.Sum()).ToString(System.Globalization.CultureInfo.InvariantCulture));
        if (_warnings > 0)
        {
            summary.AddRow("warnings", _warnings.ToString(System.Globalization.CultureInfo.InvariantCulture));
        }

        summary.Caption($"{elapsed.TotalSeconds:0.0} s, {files / Math.Max(elapsed.TotalSeconds, 0.001):0.0} files/s");
        console.Write(summary);
        if (_failures.Count > 0 && !interactive)
        {
            // plain mode: one line per failed file with its first error (FILE:LINE: reason), unwrapped for logs
            output.WriteLine($"failed files ({_failures.Count}):");
            foreach (var failure in _failures)
            {
                output.WriteLine(ConsoleText.Escape($"  {failure.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error)?.ToString() ?? $"{failure.File}: failed"}"));
            }
        }
        else if (_failures.Count > 0)
        {
            var failures = new Table().Title("failed files").AddColumn("file").AddColumn("reason");
            foreach (var failure in _failures)
            {
                var reason = ConsoleText.Escape(failure.Diagnostics.FirstOrDefault(d => d.Severity == DiagnosticSeverity.Error)?.ToString() ?? "failed");
                failures.AddRow(new IRenderable[] { new Text(ConsoleText.Escape(failure.File)), new Text(reason) });
            }

            console.Write(failures);
        }

        if (_warnings > 0)
        {
            output.WriteLine($"warnings: {_warnings} in {_filesWithWarnings} stored files (each is a data-quality flag: `check` lists them, `import --strict` refuses such files)");
        }

        // one plain line that scripts can rely on, whatever the table looks like
        output.WriteLine(string.Join(", ", Enum.GetValues<ImportStatus>().Where(_counts.ContainsKey).Select(s => $"{_counts[s]} {s.ToString().ToLowerInvariant()}")) + $" ({files} files, database {Path.GetFullPath(db)})");
    }
}
