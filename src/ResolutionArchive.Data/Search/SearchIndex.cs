using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using ResolutionArchive.Data.Entities;
using ResolutionArchive.Parsing.Parsers;

namespace ResolutionArchive.Data.Search;

/// <summary>The result of <see cref="SearchIndex.CheckAsync"/>.</summary>
/// <param name="Entries">Rows of <c>SearchEntries</c>.</param>
/// <param name="IndexRows">Rows of the FTS5 table <c>SearchIndex</c>.</param>
/// <param name="Problems">What is wrong, one line each; empty when the index is consistent.</param>
public sealed record SearchIndexCheck(int Entries, int IndexRows, IReadOnlyList<string> Problems)
{
    /// <summary>True when nothing is wrong.</summary>
    public bool Ok => Problems.Count == 0;
}

/// <summary>
/// Writes the full-text index (docs/search.md §2): table <c>SearchEntries</c> (one row per paragraph and footnote, with
/// the facets) and the FTS5 table <c>SearchIndex</c> (contentless, <c>tokenize='ascii'</c>, columns <c>uni</c> and
/// <c>bi</c> holding the tokens of <see cref="SearchText"/>). The importer calls <see cref="AddAsync"/> inside the
/// transaction that stores a record, so the index never disagrees with what a reader can see; deleting a record
/// cascades to its entries and a trigger deletes their index rows. <see cref="RebuildAsync"/> rebuilds everything
/// from the stored texts (the CLI's <c>search-index rebuild</c>), <see cref="CheckAsync"/> verifies it.
/// Every write also bumps the archive's revision (<see cref="ArchiveRevision"/>), which readers use to drop their caches.
/// </summary>
public static class SearchIndex
{
    /// <summary>The name of the migration that created the index; an archive upgraded through it is indexed.</summary>
    public const string Migration = "FullTextSearch";

    /// <summary>
    /// Indexes the paragraphs and footnotes of <paramref name="resolution"/>, just saved (its children have their
    /// ids), in the current transaction of <paramref name="db"/> (the caller's).
    /// </summary>
    public static async Task AddAsync(ArchiveDbContext db, ResolutionEntity resolution, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        ArgumentNullException.ThrowIfNull(resolution);
        if (resolution.Paragraphs.Count + resolution.Footnotes.Count > 0)
        {
            // a record of a vote alone (input-formats §11) has nothing to index
            await using var writer = await Writer.OpenAsync(db, cancellationToken);
            await writer.AddAsync(resolution, cancellationToken);
        }

        await ArchiveRevision.BumpAsync(db, cancellationToken);
    }

    /// <summary>
    /// Empties the index and indexes every stored paragraph and footnote again, in one transaction (the caller's if one
    /// is open). Returns the number of entries written.
    /// </summary>
    public static async Task<int> RebuildAsync(ArchiveDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var own = db.Database.CurrentTransaction is null ? await db.Database.BeginTransactionAsync(cancellationToken) : null;
        try
        {
            await db.Database.ExecuteSqlRawAsync("DELETE FROM SearchEntries; INSERT INTO SearchIndex(SearchIndex) VALUES('delete-all');", cancellationToken);
            var count = 0;
            await using (var writer = await Writer.OpenAsync(db, cancellationToken))
            {
                var ids = await db.Resolutions.AsNoTracking().OrderBy(r => r.Id).Select(r => r.Id).ToListAsync(cancellationToken);
                foreach (var id in ids)
                {
                    var resolution = await db.Resolutions.AsNoTracking().Include(r => r.Paragraphs).Include(r => r.Footnotes)
                        .AsSplitQuery().SingleAsync(r => r.Id == id, cancellationToken);
                    count += await writer.AddAsync(resolution, cancellationToken);
                }
            }

            await ArchiveRevision.BumpAsync(db, cancellationToken);
            if (own is not null)
            {
                await own.CommitAsync(cancellationToken);
            }

            return count;
        }
        finally
        {
            if (own is not null)
            {
                await own.DisposeAsync();
            }
        }
    }

    /// <summary>
    /// Checks the index against the stored texts: every paragraph and footnote has exactly one entry and every entry
    /// one FTS5 row (and no row is left over), the entries' anchors and kinds agree with their paragraphs, and FTS5's
    /// own <c>integrity-check</c> passes. Reads only.
    /// </summary>
    public static async Task<SearchIndexCheck> CheckAsync(ArchiveDbContext db, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var problems = new List<string>();
        async Task<long> Scalar(string sql)
        {
            var connection = db.Database.GetDbConnection();
            if (connection.State != System.Data.ConnectionState.Open)
            {
                await db.Database.OpenConnectionAsync(cancellationToken);
            }

            await using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            return Convert.ToInt64(await command.ExecuteScalarAsync(cancellationToken) ?? 0L, System.Globalization.CultureInfo.InvariantCulture);
        }

        var entries = await Scalar("SELECT count(*) FROM SearchEntries");
        var rows = await Scalar("SELECT count(*) FROM SearchIndex");
        void Expect(long count, string what)
        {
            if (count != 0)
            {
                problems.Add($"{count} {what}");
            }
        }

        Expect(await Scalar("SELECT count(*) FROM Paragraphs p WHERE (SELECT count(*) FROM SearchEntries e WHERE e.ParagraphId = p.Id) <> 1"), "paragraphs without exactly one search entry");
        Expect(await Scalar("SELECT count(*) FROM Footnotes f WHERE (SELECT count(*) FROM SearchEntries e WHERE e.FootnoteId = f.Id) <> 1"), "footnotes without exactly one search entry");
        Expect(await Scalar("SELECT count(*) FROM SearchEntries WHERE (ParagraphId IS NULL) = (FootnoteId IS NULL)"), "search entries that are not exactly one paragraph or footnote");
        Expect(await Scalar("SELECT count(*) FROM SearchEntries e JOIN Paragraphs p ON p.Id = e.ParagraphId WHERE e.Anchor <> p.Anchor OR e.ResolutionId <> p.ResolutionId"), "search entries whose anchor or resolution differs from their paragraph's");
        Expect(await Scalar("SELECT count(*) FROM SearchEntries e JOIN Footnotes f ON f.Id = e.FootnoteId WHERE e.Anchor <> f.Anchor OR e.ResolutionId <> f.ResolutionId"), "search entries whose anchor or resolution differs from their footnote's");
        Expect(await Scalar("SELECT count(*) FROM SearchEntries e WHERE NOT EXISTS (SELECT 1 FROM SearchIndex i WHERE i.rowid = e.Id)"), "search entries without an index row");
        Expect(await Scalar("SELECT count(*) FROM SearchIndex i WHERE NOT EXISTS (SELECT 1 FROM SearchEntries e WHERE e.Id = i.rowid)"), "index rows without a search entry");
        try
        {
            await Scalar("INSERT INTO SearchIndex(SearchIndex, rank) VALUES('integrity-check', 0)");
        }
        catch (Microsoft.Data.Sqlite.SqliteException ex)
        {
            problems.Add($"FTS5 integrity-check failed: {ex.Message}");
        }

        return new SearchIndexCheck((int)entries, (int)rows, problems);
    }

    /// <summary>The entry rows of a resolution's texts, in document order, without ids (pure; used by the writer and tests).</summary>
    public static IEnumerable<(SearchEntryEntity Entry, string Text)> EntriesOf(ResolutionEntity resolution)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        var last = 0;
        foreach (var paragraph in resolution.Paragraphs.OrderBy(p => p.Ordinal))
        {
            last = Math.Max(last, paragraph.Ordinal + 1);
            var kind = paragraph.Kind switch
            {
                ParagraphKind.Preamble => SearchEntryKind.Preamble,
                ParagraphKind.Operative => SearchEntryKind.Operative,
                ParagraphKind.SubParagraph => SearchEntryKind.SubParagraph,
                _ => SearchEntryKind.Annex,
            };
            var label = paragraph.Kind == ParagraphKind.Preamble && paragraph.Anchor.StartsWith("pp", StringComparison.Ordinal)
                ? paragraph.Anchor[2..]
                : paragraph.Number;
            yield return (new SearchEntryEntity
            {
                ResolutionId = resolution.Id,
                ParagraphId = paragraph.Id,
                Anchor = paragraph.Anchor,
                Kind = kind,
                Ordinal = paragraph.Ordinal,
                Label = label,
                Verb = kind == SearchEntryKind.Operative ? OperativeVerbs.LeadingVerb(paragraph.Text) : null,
            }, paragraph.Text);
        }

        foreach (var footnote in resolution.Footnotes.OrderBy(f => f.Ordinal))
        {
            yield return (new SearchEntryEntity
            {
                ResolutionId = resolution.Id,
                FootnoteId = footnote.Id,
                Anchor = footnote.Anchor,
                Kind = SearchEntryKind.Footnote,
                Ordinal = last + footnote.Ordinal,
                Label = footnote.Marker,
            }, footnote.Text);
        }
    }

    /// <summary>Prepared commands on the context's connection and transaction.</summary>
    private sealed class Writer : IAsyncDisposable
    {
        private readonly DbCommand _entry;
        private readonly DbCommand _index;

        private Writer(DbCommand entry, DbCommand index)
        {
            _entry = entry;
            _index = index;
        }

        public static async Task<Writer> OpenAsync(ArchiveDbContext db, CancellationToken cancellationToken)
        {
            await db.Database.OpenConnectionAsync(cancellationToken);
            var connection = db.Database.GetDbConnection();
            var transaction = db.Database.CurrentTransaction?.GetDbTransaction();
            var entry = connection.CreateCommand();
            entry.Transaction = transaction;
            entry.CommandText = "INSERT INTO SearchEntries (ResolutionId, ParagraphId, FootnoteId, Anchor, Kind, Ordinal, Label, Verb) " +
                "VALUES ($resolution, $paragraph, $footnote, $anchor, $kind, $ordinal, $label, $verb) RETURNING Id";
            foreach (var name in new[] { "$resolution", "$paragraph", "$footnote", "$anchor", "$kind", "$ordinal", "$label", "$verb" })
            {
                var parameter = entry.CreateParameter();
                parameter.ParameterName = name;
                entry.Parameters.Add(parameter);
            }

            var index = connection.CreateCommand();
            index.Transaction = transaction;
            index.CommandText = "INSERT INTO SearchIndex (rowid, uni, bi) VALUES ($id, $uni, $bi)";
            foreach (var name in new[] { "$id", "$uni", "$bi" })
            {
                var parameter = index.CreateParameter();
                parameter.ParameterName = name;
                index.Parameters.Add(parameter);
            }

            return new Writer(entry, index);
        }

        public async Task<int> AddAsync(ResolutionEntity resolution, CancellationToken cancellationToken)
        {
            var count = 0;
            foreach (var (entry, text) in EntriesOf(resolution))
            {
                _entry.Parameters["$resolution"].Value = entry.ResolutionId;
                _entry.Parameters["$paragraph"].Value = (object?)entry.ParagraphId ?? DBNull.Value;
                _entry.Parameters["$footnote"].Value = (object?)entry.FootnoteId ?? DBNull.Value;
                _entry.Parameters["$anchor"].Value = entry.Anchor;
                _entry.Parameters["$kind"].Value = entry.Kind.ToString();
                _entry.Parameters["$ordinal"].Value = entry.Ordinal;
                _entry.Parameters["$label"].Value = (object?)entry.Label ?? DBNull.Value;
                _entry.Parameters["$verb"].Value = (object?)entry.Verb ?? DBNull.Value;
                var id = Convert.ToInt64(await _entry.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);

                var (uni, bi) = SearchText.Tokens(SearchText.Normalize(text));
                _index.Parameters["$id"].Value = id;
                _index.Parameters["$uni"].Value = uni;
                _index.Parameters["$bi"].Value = bi;
                await _index.ExecuteNonQueryAsync(cancellationToken);
                count++;
            }

            return count;
        }

        public async ValueTask DisposeAsync()
        {
            await _entry.DisposeAsync();
            await _index.DisposeAsync();
        }
    }
}
