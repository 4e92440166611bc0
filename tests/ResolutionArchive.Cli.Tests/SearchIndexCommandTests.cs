using Microsoft.Data.Sqlite;

namespace ResolutionArchive.Cli.Tests;

/// <summary><c>search-index rebuild|check</c> and <c>delete</c> (docs/cli.md, docs/search.md §2).</summary>
public sealed class SearchIndexCommandTests
{
    [Fact]
    public async Task Check_reports_a_consistent_index_after_import_finds_a_damaged_one_and_rebuild_repairs_it()
    {
        using var folder = new TempFolder();
        var db = folder.File("archive.sqlite");
        (await CliRun.RunAsync("import", folder.CopySeeds(), "--db", db)).ExitCode.Should().Be(0);

        var check = await CliRun.RunAsync("search-index", "check", "--db", db);
        check.ExitCode.Should().Be(0, check.ToString());
        check.Output.Should().MatchRegex(@"search index consistent: (\d+) entries, \1 index rows");

        // damage: an index row and an entry lost behind the importer's back
        Execute(db, "DELETE FROM SearchIndex WHERE rowid = (SELECT min(Id) FROM SearchEntries); DROP TRIGGER SearchEntries_AfterDelete; DELETE FROM SearchEntries WHERE Id = (SELECT max(Id) FROM SearchEntries);");
        var damaged = await CliRun.RunAsync("search-index", "check", "--db", db);
        damaged.ExitCode.Should().Be(1);
        damaged.Error.Should().Contain("search entries without an index row").And.Contain("paragraphs without exactly one search entry").And.Contain("index rows without a search entry");

        var rebuild = await CliRun.RunAsync("search-index", "rebuild", "--db", db);
        rebuild.ExitCode.Should().Be(0, rebuild.ToString());
        rebuild.Output.Should().Contain("search index rebuilt:").And.Contain("search index consistent:");
    }

    [Fact]
    public async Task Delete_removes_a_record_with_its_index_entries_and_reports_an_unknown_symbol()
    {
        using var folder = new TempFolder();
        var db = folder.File("archive.sqlite");
        await CliRun.RunAsync("import", folder.CopySeeds(), "--db", db);
        var before = Scalar(db, "SELECT count(*) FROM SearchEntries");

        var delete = await CliRun.RunAsync("delete", "A/HRC/RES/53/11", "--db", db);
        var unknown = await CliRun.RunAsync("delete", "A/RES/99/999", "--db", db);
        var check = await CliRun.RunAsync("search-index", "check", "--db", db);

        delete.ExitCode.Should().Be(0, delete.ToString());
        delete.Output.Should().Be("A/HRC/RES/53/11: deleted\n");
        unknown.ExitCode.Should().Be(1);
        unknown.Error.Should().StartWith("A/RES/99/999: expected the symbol or key of a stored record");
        Scalar(db, "SELECT count(*) FROM Resolutions WHERE Key = 'A/HRC/RES/53/11'").Should().Be(0);
        Scalar(db, "SELECT count(*) FROM Sources WHERE ResolutionKey = 'A/HRC/RES/53/11'").Should().Be(0);
        Scalar(db, "SELECT count(*) FROM SearchEntries").Should().BeLessThan(before);
        check.ExitCode.Should().Be(0, check.ToString());
    }

    private static void Execute(string db, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    private static long Scalar(string db, string sql)
    {
        using var connection = new SqliteConnection($"Data Source={db};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return (long)command.ExecuteScalar()!;
    }
}
