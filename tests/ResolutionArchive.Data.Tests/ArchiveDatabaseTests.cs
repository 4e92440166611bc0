using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ResolutionArchive.Data.Tests;

public sealed class ArchiveDatabaseTests
{
    private const string InitialMigration = "20261124080818_InitialSchema";

    [Fact]
    public async Task OpenCreatesEveryTableThroughTheCommittedMigration()
    {
        await using var database = TestDatabase.Create();

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
        await using var database = TestDatabase.Create();

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
        await using var database = TestDatabase.Create();

        database.Context.Database.HasPendingModelChanges().Should().BeFalse("the committed migrations must describe the current model (run dotnet ef migrations add)");
    }

    [Fact]
    public async Task ForeignKeysAreEnforcedSoDeletingAResolutionDeletesItsRows()
    {
        await using var database = TestDatabase.Create();
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
        await using var database = TestDatabase.Create();
        await database.ImportSeedAsync("000");

        await using (var reopened = ArchiveDatabase.Open(database.Path))
        {
            (await reopened.Resolutions.CountAsync()).Should().Be(1);
        }

        (await DatabaseSnapshot.CountAsync(database.Path, "Votes")).Should().Be(47);
    }
}
