using Microsoft.Extensions.Logging;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace ResolutionArchive.Data.Tests;

public sealed class ArchiveDatabaseTests
{
    private const string InitialMigration = "20261124080818_InitialSchema";

    [Fact]
    public async Task ANewArchiveIsMigratedWithoutAWarning()
    {
        // issue 17: EF Core's 20410 ("cannot be executed in a transaction … partially applied") on every first start,
        // for the PRAGMA of SQLite's table rebuilds (ArchiveDatabase.UseArchive says why it does not apply)
        var path = Path.Combine(Path.GetTempPath(), $"migrate-{Guid.NewGuid():N}.sqlite");
        var logged = new List<(Microsoft.Extensions.Logging.LogLevel Level, string Message)>();
        try
        {
            using var loggers = Microsoft.Extensions.Logging.LoggerFactory.Create(b => b.AddProvider(new ListLoggerProvider(logged)).SetMinimumLevel(Microsoft.Extensions.Logging.LogLevel.Information));
            var options = new DbContextOptionsBuilder<ArchiveDbContext>().UseArchive(path).UseLoggerFactory(loggers).Options;
            await using (var context = new ArchiveDbContext((DbContextOptions<ArchiveDbContext>)options))
            {
                await ArchiveDatabase.UpgradeAsync(context, path);
                (await context.Database.GetAppliedMigrationsAsync()).Should().HaveCount(context.Database.GetMigrations().Count());
            }

            logged.Should().Contain(l => l.Message.Contains("Applying migration", StringComparison.Ordinal), "the migrations ran and were logged");
            logged.Where(l => l.Level >= Microsoft.Extensions.Logging.LogLevel.Warning).Select(l => l.Message).Should().BeEmpty();
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            File.Delete(path);
        }
    }

    private sealed class ListLoggerProvider(List<(Microsoft.Extensions.Logging.LogLevel, string)> logged) : Microsoft.Extensions.Logging.ILoggerProvider
    {
        public Microsoft.Extensions.Logging.ILogger CreateLogger(string categoryName) => new ListLogger(logged);

        public void Dispose()
        {
        }

        private sealed class ListLogger(List<(Microsoft.Extensions.Logging.LogLevel, string)> logged) : Microsoft.Extensions.Logging.ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(Microsoft.Extensions.Logging.LogLevel logLevel) => true;

            public void Log<TState>(Microsoft.Extensions.Logging.LogLevel logLevel, Microsoft.Extensions.Logging.EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (logged)
                {
                    logged.Add((logLevel, formatter(state, exception)));
                }
            }
        }
    }

    [Fact]
    public async Task OpenCreatesEveryTableThroughTheCommittedMigration()
    {
        await using var database = await TestDatabase.CreateAsync();

        var tables = new List<string>();
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database.Path, Pooling = false }.ToString()))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        tables.Should().Contain(["Resolutions", "Paragraphs", "Footnotes", "Votes", "Sponsors", "__EFMigrationsHistory"]);
    }

    [Fact]
    public async Task MigrationHistoryListsTheCommittedMigrationAndNothingIsPending()
    {
        await using var database = await TestDatabase.CreateAsync();

        var history = new List<string>();
        await using (var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = database.Path, Pooling = false }.ToString()))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId";
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                history.Add(reader.GetString(0));
            }
        }

        history.Should().Contain(InitialMigration);
        database.Context.Database.GetMigrations().Should().Contain(InitialMigration);
        history.Should().Equal(database.Context.Database.GetMigrations(), "every committed migration is applied, in order");
        (await database.Context.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
    }

    [Fact]
    public async Task ModelHasNoChangesMissingFromTheMigrations()
    {
        await using var database = await TestDatabase.CreateAsync();

        database.Context.Database.HasPendingModelChanges().Should().BeFalse("the committed migrations must describe the current model (run dotnet ef migrations add)");
    }

    [Fact]
    public async Task ForeignKeysAreEnforcedSoDeletingAResolutionDeletesItsRows()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.ImportSeedAsync("000");

        await database.Context.Resolutions.ExecuteDeleteAsync();

        foreach (var table in new[] { "Paragraphs", "Footnotes", "Votes", "Sponsors" })
        {
            (await DatabaseSnapshot.CountAsync(database.Path, table)).Should().Be(0, $"{table} rows cascade with their resolution");
        }
    }

    [Fact]
    public async Task OpeningAnExistingDatabaseAgainKeepsItsRecords()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.ImportSeedAsync("000");

        await using (var reopened = await ArchiveDatabase.OpenAsync(database.Path))
        {
            (await reopened.Resolutions.CountAsync()).Should().Be(1);
        }

        (await DatabaseSnapshot.CountAsync(database.Path, "Votes")).Should().Be(47);
    }

    [Fact]
    public async Task AnArchiveFromBeforeTheRegistryOverTimeIsRederivedFromItsSourcesWhenOpened()
    {
        var path = string.Empty;
        await using (var database = await TestDatabase.CreateAsync())
        {
            path = database.Path + ".old.sqlite";
            foreach (var prefix in Seeds.Prefixes)
            {
                await database.ImportSeedAsync(prefix);
            }

            await database.Importer.ImportAsync(Seeds.Edited("000", "阿根廷、", "阿特兰蒂斯、"));
            await database.Context.Database.ExecuteSqlRawAsync("PRAGMA wal_checkpoint(TRUNCATE);"); // the copy needs no -wal beside it
            File.Copy(database.Path, path);
        }

        try
        {
            // the archive as the previous release left it: schema before the migration, no non-voting rows, no flags
            await using (var old = new ArchiveDbContext(ArchiveDatabase.Options(path)))
            {
                await old.Database.ExecuteSqlRawAsync("DELETE FROM DataQualityFlags; DELETE FROM Votes WHERE Position = 'NonVoting' OR CountryIso3 IS NULL;");
                await old.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync("20261124123121_ParagraphLineage");
            }

            (await DatabaseSnapshot.CountAsync(path, "Votes", "Position = 'NonVoting'")).Should().Be(0);

            await using (var upgraded = await ArchiveDatabase.OpenAsync(path))
            {
                (await upgraded.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
                (await upgraded.Resolutions.CountAsync()).Should().Be(5);
                (await upgraded.Votes.Where(v => v.Position == Entities.VotePosition.NonVoting).Select(v => v.CountryIso3).ToListAsync()).Should().BeEquivalentTo(["TUN", "ARG"], "derived again from the sources: Tunisia did not vote on 37/23, and the edited 46/13 prints an unknown name where Argentina was");
                (await upgraded.Votes.CountAsync(v => v.CountryIso3 == null && v.Name == "阿特兰蒂斯")).Should().Be(1, "the unknown name of the edited 46/13, kept verbatim");
                (await upgraded.DataQualityFlags.CountAsync()).Should().Be(1);
                (await upgraded.ParagraphLinks.CountAsync()).Should().BeGreaterThan(0, "lineage is rebuilt after the records");
            }
        }
        finally
        {
            foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            {
                File.Delete(file);
            }
        }
    }

    [Fact]
    public async Task AnArchiveDerivedWithAnotherRegistryIsDerivedAgainOnceAndThenLeftAlone()
    {
        await using var database = await TestDatabase.CreateAsync();
        await database.ImportSeedAsync("004");
        // as if the records had been derived by an older registry: no non-voting member known, another version
        await database.Context.Database.ExecuteSqlRawAsync("DELETE FROM Votes WHERE Position = 'NonVoting'; UPDATE ArchiveDerivation SET Version = 'an older registry';");

        await using (var reopened = await ArchiveDatabase.OpenAsync(database.Path))
        {
            (await reopened.Votes.Where(v => v.Position == Entities.VotePosition.NonVoting).Select(v => v.CountryIso3).ToListAsync()).Should().Equal("TUN");
            (await reopened.Database.SqlQueryRaw<string>("SELECT Version AS Value FROM ArchiveDerivation").SingleAsync()).Should().Be(ArchiveDatabase.DerivationVersion);
        }

        var before = await DatabaseSnapshot.TakeAsync(database.Path);
        await using (var again = await ArchiveDatabase.OpenAsync(database.Path))
        {
            (await again.Resolutions.CountAsync()).Should().Be(1);
        }

        (await DatabaseSnapshot.TakeAsync(database.Path)).Dump.Should().Be(before.Dump, "an archive derived with today's rules is not derived again");
    }

    [Fact]
    public async Task AnUpgradeKilledBetweenTheMigrationsAndTheDerivationIsCompletedByTheNextOpen()
    {
        await using var database = await TestDatabase.CreateAsync();
        foreach (var prefix in Seeds.Prefixes)
        {
            await database.ImportSeedAsync(prefix);
        }

        await using (var old = database.OpenContext())
        {
            // the archive as the release before cross-references left it: no References, search or lineage tables
            await old.Database.ExecuteSqlRawAsync("DELETE FROM DataQualityFlags; DELETE FROM Votes WHERE Position = 'NonVoting' OR CountryIso3 IS NULL;");
            var migrations = old.Database.GetMigrations().ToList();
            await old.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync(migrations[migrations.FindIndex(m => m.EndsWith("_" + ArchiveDatabase.CrossReferencesMigration, StringComparison.Ordinal)) - 1]);
        }

        // the process dies as the migrations are committed and before anything is derived: the first statement after them fails
        var builder = new DbContextOptionsBuilder<ArchiveDbContext>();
        builder.UseArchive(database.Path).AddInterceptors(new DiesAt("ArchiveDerivation"));
        var options = builder.Options;
        await using (var killed = new ArchiveDbContext(options))
        {
            var upgrade = () => ArchiveDatabase.UpgradeAsync(killed, database.Path);
            await upgrade.Should().ThrowAsync<ProcessKilled>();
        }

        (await DatabaseSnapshot.CountAsync(database.Path, "__EFMigrationsHistory")).Should().Be(database.Context.Database.GetMigrations().Count(), "the migrations were committed");
        (await DatabaseSnapshot.CountAsync(database.Path, "References")).Should().Be(0, "nothing was derived");
        (await DatabaseSnapshot.CountAsync(database.Path, "ParagraphLinks")).Should().Be(0);

        await using (var reopened = await ArchiveDatabase.OpenAsync(database.Path))
        {
            (await reopened.References.CountAsync()).Should().Be(34, "the next open reads from the archive that its records were derived for an older schema");
            (await reopened.SearchEntries.CountAsync()).Should().BeGreaterThan(0);
            (await Data.Search.SearchIndex.CheckAsync(reopened)).Problems.Should().BeEmpty();
            (await reopened.ParagraphLinks.CountAsync()).Should().BeGreaterThan(0);
            (await reopened.Votes.CountAsync(v => v.Position == Entities.VotePosition.NonVoting)).Should().Be(1, "Tunisia on 37/23");
            (await reopened.Database.SqlQueryRaw<string>("SELECT Version AS Value FROM ArchiveDerivation").SingleAsync()).Should().Be(ArchiveDatabase.DerivationVersion);
        }
    }

    [Fact]
    public async Task AnArchiveDerivedForAnOlderSchemaIsDerivedAgain()
    {
        await using var database = await TestDatabase.CreateAsync();
        foreach (var prefix in Seeds.Prefixes)
        {
            await database.ImportSeedAsync(prefix);
        }

        // derived by today's readers and registry, but for the schema before the last migration
        await database.Context.Database.ExecuteSqlRawAsync("DELETE FROM \"References\"; UPDATE ArchiveDerivation SET Version = {0};", $"{ArchiveDatabase.ReaderRules}+{Parsing.Countries.CountryRegistry.DataVersion}+an older schema");

        await using var reopened = await ArchiveDatabase.OpenAsync(database.Path);

        (await reopened.References.CountAsync()).Should().Be(34);
        (await reopened.Database.SqlQueryRaw<string>("SELECT Version AS Value FROM ArchiveDerivation").SingleAsync()).Should().Be(ArchiveDatabase.DerivationVersion);
        ArchiveDatabase.DerivationVersion.Should().EndWith("+" + (await reopened.Database.GetAppliedMigrationsAsync()).Last());
    }

    private sealed class ProcessKilled() : Exception("killed");

    /// <summary>Fails the first command whose text contains <paramref name="marker"/>, as a process killed just before it.</summary>
    private sealed class DiesAt(string marker) : Microsoft.EntityFrameworkCore.Diagnostics.DbCommandInterceptor
    {
        public override ValueTask<Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader>> ReaderExecutingAsync(System.Data.Common.DbCommand command, Microsoft.EntityFrameworkCore.Diagnostics.CommandEventData eventData, Microsoft.EntityFrameworkCore.Diagnostics.InterceptionResult<System.Data.Common.DbDataReader> result, CancellationToken cancellationToken = default) =>
            command.CommandText.Contains(marker, StringComparison.Ordinal) ? throw new ProcessKilled() : ValueTask.FromResult(result);
    }
}
