using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using ResolutionArchive.Data;
using ResolutionArchive.Data.Import;
using ResolutionArchive.Data.Queries;
using ResolutionArchive.Data.Search;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Benchmarks;

// Building the benchmark archive: the corpus imported once, then synthetic copies up to the size asked for.
internal sealed partial class SearchBenchmark
{
    private async Task<bool> ImportAsync(ArchiveDbContext db, CancellationToken cancellationToken)
    {
        var files = options.Seeds.SelectMany(d => Directory.EnumerateFiles(d, "*.txt").Order(StringComparer.Ordinal))
            .Concat(options.Corpus.SelectMany(d => Directory.EnumerateFiles(d, "*.xml", SearchOption.AllDirectories).Order(StringComparer.Ordinal)))
            .ToList();
        if (files.Count == 0)
        {
            await output.WriteLineAsync("nothing to import: no *.txt under --seeds and no *.xml under --corpus");
            return false;
        }

        var importer = new ResolutionImporter(db);
        var statuses = new Dictionary<ImportStatus, int>();
        var failures = new List<string>();
        var time = Stopwatch.StartNew();
        foreach (var file in files)
        {
            var outcome = await importer.ImportAsync(ImportSource.FromFile(file), cancellationToken: cancellationToken);
            statuses[outcome.Status] = statuses.GetValueOrDefault(outcome.Status) + 1;
            if (outcome.Status == ImportStatus.Failed)
            {
                failures.Add($"{file}: {outcome.Diagnostics.FirstOrDefault()?.Message}");
            }
        }

        time.Stop();
        var summary = string.Join(", ", statuses.OrderBy(s => s.Key).Select(s => $"{s.Value} {s.Key.ToString().ToLowerInvariant()}"));
        await output.WriteLineAsync($"- import of {files.Count} files ({string.Join(", ", options.Seeds)}; {string.Join(", ", options.Corpus)}) into a new archive, full-text index included: {time.Elapsed.TotalSeconds:0.0} s ({summary})");
        foreach (var failure in failures.Take(10))
        {
            await output.WriteLineAsync($"  - failed: {failure}");
        }

        await output.WriteLineAsync($"- real archive: {await db.Resolutions.CountAsync(cancellationToken):N0} resolutions, {await db.Paragraphs.CountAsync(cancellationToken):N0} paragraphs, {await db.Footnotes.CountAsync(cancellationToken):N0} footnotes, {await db.SearchEntries.CountAsync(cancellationToken):N0} search entries");
        return true;
    }

    /// <summary>
    /// A copy of <paramref name="original"/> that is another record: symbol and number suffixed <c>/copyN</c> (a
    /// draft's title too, since its key hashes the title), the adoption date <paramref name="n"/> years earlier so that
    /// copies do not tie with their original on the date; the texts unchanged.
    /// </summary>
    private static ParsedResolution Copy(ParsedResolution original, int n) => original with
    {
        Symbol = original.Symbol is null ? null : $"{original.Symbol}/copy{n}",
        Number = $"{original.Number}/copy{n}",
        Title = original.Symbol is null ? $"{original.Title} (copy {n})" : original.Title,
        AdoptionDate = original.AdoptionDate?.AddYears(-n),
    };

    private async Task AddCopiesAsync(ArchiveDbContext db, CancellationToken cancellationToken)
    {
        var paragraphs = await db.Paragraphs.CountAsync(cancellationToken);
        if (paragraphs < options.MinParagraphs)
        {
            var time = Stopwatch.StartNew();
            var keys = await db.Resolutions.AsNoTracking().OrderBy(r => r.Id).Select(r => r.Key).ToListAsync(cancellationToken);
            var existing = keys.ToHashSet(StringComparer.Ordinal);
            var originals = new List<(ParsedResolution Model, int Paragraphs)>();
            foreach (var key in keys.Where(k => !k.Contains("/copy", StringComparison.Ordinal)))
            {
                var entity = await ResolutionLookup.FindByKeyAsync(db, key, cancellationToken);
                originals.Add((ResolutionMapper.ToModel(entity!), entity!.Paragraphs.Count));
            }

            if (originals.Sum(o => o.Paragraphs) == 0)
            {
                throw new InvalidOperationException("the archive has no paragraph to copy");
            }

            var copies = 0;
            var batch = new List<ParsedResolution>(CopyBatch);
            for (var n = 1; paragraphs < options.MinParagraphs; n++)
            {
                foreach (var (model, count) in originals)
                {
                    if (paragraphs >= options.MinParagraphs)
                    {
                        break;
                    }

                    var copy = Copy(model, n);
                    if (!existing.Add(ResolutionMapper.KeyOf(copy)))
                    {
                        continue;
                    }

                    batch.Add(copy);
                    paragraphs += count;
                    copies++;
                    if (batch.Count == CopyBatch)
                    {
                        await WriteCopiesAsync(db, batch, cancellationToken);
                    }
                }
            }

            await WriteCopiesAsync(db, batch, cancellationToken);
            await output.WriteLineAsync($"- synthetic copies: {copies:N0} resolutions added ({CopyBatch} per transaction, indexed with SearchIndex.AddAsync) in {time.Elapsed.TotalSeconds:0.0} s");
        }

        await output.WriteLineAsync($"- benchmark archive: {await db.Resolutions.CountAsync(cancellationToken):N0} resolutions, {await db.Paragraphs.CountAsync(cancellationToken):N0} paragraphs, {await db.Footnotes.CountAsync(cancellationToken):N0} footnotes, {await db.SearchEntries.CountAsync(cancellationToken):N0} search entries (target: ≥ {options.MinParagraphs:N0} paragraphs)");
    }

    private static async Task WriteCopiesAsync(ArchiveDbContext db, List<ParsedResolution> batch, CancellationToken cancellationToken)
    {
        if (batch.Count == 0)
        {
            return;
        }

        var now = DateTime.UtcNow;
        db.ChangeTracker.Clear();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
            var entities = batch.Select(m => ResolutionMapper.ToEntity(m, CopySource, new string('0', 64), now)).ToList();
            db.Resolutions.AddRange(entities);
            await db.SaveChangesAsync(cancellationToken);
            foreach (var entity in entities)
            {
                await SearchIndex.AddAsync(db, entity, cancellationToken);
            }

            await transaction.CommitAsync(cancellationToken);
        }
        finally
        {
            db.ChangeTracker.Clear();
            db.ChangeTracker.AutoDetectChangesEnabled = true;
            batch.Clear();
        }
    }
}
