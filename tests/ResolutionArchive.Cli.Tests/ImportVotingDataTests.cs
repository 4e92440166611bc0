using System.Text;
using Microsoft.Data.Sqlite;

namespace ResolutionArchive.Cli.Tests;

/// <summary>
/// <c>import</c> of the UN Digital Library's voting data (input-formats §11): the file is read vote by vote, each vote
/// reported like a file; a bad vote is refused with its line and the exit code 1 while the others are stored; a file
/// without the required columns stores nothing.
/// </summary>
public sealed class ImportVotingDataTests
{
    private const string Header = "undl_id,ms_code,ms_name,ms_vote,date,session,resolution,draft,committee_report,meeting,title,agenda_title,subjects,vote_note,total_yes,total_no,total_abstentions,total_non_voting,total_ms,undl_link";

    private static string Row(string code, string name, string vote, string symbol, string totals = "1.0,1.0,0.0") =>
        $",{code},{name},{vote},2020-11-05,75,{symbol},A/75/L.8,,A/75/PV.21,\"Title, with a comma\",Agenda,,,{totals},0.0,2.0,";

    private static async Task<long> CountAsync(string db, string table)
    {
        await using var connection = new SqliteConnection($"Data Source={db};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = $"SELECT COUNT(*) FROM {table}";
        return (long)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task EachVoteIsImportedAndReportedAndABadVoteIsRefusedWithItsLine()
    {
        using var folder = new TempFolder();
        var db = folder.File("archive.sqlite");
        var csv = folder.Write("votes.csv", Encoding.UTF8.GetBytes(string.Join('\n',
            Header,
            Row("CHN", "CHINA", "Y", "A/RES/75/4"),
            Row("USA", "UNITED STATES", "N", "A/RES/75/4"),
            Row("CHN", "CHINA", "maybe", "A/RES/75/5"),
            Row("CHN", "CHINA", "Y", "A/RES/75/6", "1.0,0.0,0.0")) + "\n"));

        var run = await CliRun.RunAsync("import", csv, "--db", db);

        run.ExitCode.Should().Be(1, run.ToString());
        run.OutputLines.Should().Contain([$"imported: {csv} (A/RES/75/4)", $"failed: {csv} (A/RES/75/5)", $"imported: {csv} (A/RES/75/6)"]);
        run.ErrorLines.Should().Contain($"{csv}:4: expected ms_vote Y (yes), N (no), A (abstention), X (non-voting) or empty (not in the vote), found 'MAYBE'");
        run.OutputLines.Should().Contain("│ total    │     3 │", "each vote is counted");
        (await CountAsync(db, "Resolutions")).Should().Be(2);
        (await CountAsync(db, "Votes")).Should().Be(3);
        (await CountAsync(db, "Sources")).Should().Be(2);
    }

    [Fact]
    public async Task AFileWithoutTheRequiredColumnsStoresNothing()
    {
        using var folder = new TempFolder();
        var db = folder.File("archive.sqlite");
        var csv = folder.Write("votes.csv", Encoding.UTF8.GetBytes("resolution,ms_code,ms_name,date,ms_vote_typo\nA/RES/75/4,CHN,CHINA,2020-11-05,Y\n"));

        var run = await CliRun.RunAsync("import", csv, "--db", db);

        // the header names no ms_vote: not the Library's data, so the file is read as a text and refused as one
        run.ExitCode.Should().Be(1, run.ToString());
        File.Exists(db).Should().BeFalse("nothing was stored, so the database was not even created");
    }
}
