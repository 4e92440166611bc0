using System.Net;
using System.Security.Cryptography;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using ResolutionArchive.Data;

namespace ResolutionArchive.Web.Tests.Faults;

/// <summary>
/// Issue 8, "faults at site start", on the real process (<see cref="WebProcess"/>): the site either serves, or refuses
/// to start with exit code 1 and one critical line <c>The archive database PATH cannot be used: REASON. The site does
/// not start.</c> — and in no case writes a stack frame to its output or hangs. Per case (ArchiveStartup.cs):
/// not SQLite, corrupt or truncated → refused; a folder that cannot be created → refused; an exclusive lock → waited
/// for <c>DbWaitSeconds</c>, then refused; a writer's open transaction → served (WAL readers are not blocked);
/// an immutable up-to-date file → served, with or without <c>ReadOnly=true</c>; <c>ReadOnly=true</c> on a missing or
/// out-of-date file → refused; an immutable file that needs migrating → refused.
/// </summary>
public sealed class StartupFaultTests
{
    /// <summary>A guard against a hung start, not a measurement.</summary>
    private static readonly TimeSpan Guard = TimeSpan.FromSeconds(60);

    [Theory]
    [InlineData("random bytes", "it is not an SQLite database")]
    [InlineData("a text file", "it is not an SQLite database")]
    [InlineData("truncated", "corrupt")]
    [InlineData("damaged pages", "corrupt")]
    public async Task ACorruptArchiveIsRefusedWithOneClearLineAndLeftAsItIs(string kind, string reason)
    {
        using var archive = new FaultyArchive();
        var path = archive.File("archive.db");
        switch (kind)
        {
            case "random bytes":
                var random = new byte[64 * 1024];
                new Random(8).NextBytes(random);
                await File.WriteAllBytesAsync(path, random);
                break;
            case "a text file":
                await File.WriteAllTextAsync(path, "这不是一个数据库。\nThis is not a database.\n");
                break;
            case "truncated":
                await archive.SeededAsync();
                await using (var file = new FileStream(path, FileMode.Open))
                {
                    file.SetLength(file.Length / 2);
                }

                break;
            default:
                await archive.SeededAsync();
                FaultyArchive.Scramble(path, offset: 4096); // every page but the first (the schema) is garbage
                break;
        }

        var before = SHA256.HashData(await File.ReadAllBytesAsync(path));

        await AssertRefusedAsync(path, reason);
        SHA256.HashData(await File.ReadAllBytesAsync(path)).Should().Equal(before, "a refused archive is neither repaired nor replaced by a new one");
    }

    [Fact]
    public async Task AFolderThatCannotBeCreatedIsRefusedWithOneClearLine()
    {
        using var archive = new FaultyArchive();
        var file = archive.File("a-file");
        await File.WriteAllTextAsync(file, "a file where the folder should be");

        await AssertRefusedAsync(Path.Combine(file, "sub", "archive.db"), $"its folder {Path.Combine(file, "sub")} does not exist and cannot be created");
    }

    [Fact]
    public async Task AnArchiveLockedExclusivelyIsWaitedForABoundedTimeThenRefused()
    {
        using var archive = new FaultyArchive();
        var path = await archive.SeededAsync();
        await using var holder = await FaultyArchive.LockExclusivelyAsync(path);

        await AssertRefusedAsync(path, "another process holds a lock on it and still held it after 1 s", "--DbWaitSeconds", "1");
    }

    [Fact]
    public async Task AnArchiveWithAnOpenWriteTransactionIsServedAsLastCommitted()
    {
        using var archive = new FaultyArchive();
        var path = await archive.SeededAsync();
        await using var writer = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Pooling = false }.ToString());
        await writer.OpenAsync();
        await using var transaction = writer.BeginTransaction(); // BEGIN IMMEDIATE: the write lock, as an import run holds it
        await using (var command = writer.CreateCommand())
        {
            command.Transaction = transaction;
            command.CommandText = "DELETE FROM Resolutions WHERE \"Key\" = 'A/RES/76/159'";
            (await command.ExecuteNonQueryAsync()).Should().Be(1);
        }

        using var site = WebProcess.Start(path, "--DbWaitSeconds", "1");
        var (status, body) = await site.GetAsync("/resolutions/A/RES/76/159", Guard);

        status.Should().Be(HttpStatusCode.OK, "a WAL reader is not blocked by the writer and sees the last committed record:\n" + site);
        body.Should().Contain("76/159");
        site.StackFrames.Should().BeEmpty();
        await transaction.RollbackAsync();
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task AnImmutableUpToDateArchiveIsServedAndNeverWritten(bool readOnlySetting)
    {
        using var archive = new FaultyArchive();
        var path = await archive.SeededAsync();
        var before = SHA256.HashData(await File.ReadAllBytesAsync(path));
        var why = archive.TryFreeze(path);
        CiEnvironment.SkipWith(why);

        using (var site = readOnlySetting ? WebProcess.Start(path, "--ReadOnly", "true") : WebProcess.Start(path))
        {
            var (status, body) = await site.GetAsync("/resolutions/A/HRC/RES/46/13", Guard);
            status.Should().Be(HttpStatusCode.OK, site.ToString());
            body.Should().Contain("46/13");
            (await site.GetAsync("/search?q=人权", Guard)).Status.Should().Be(HttpStatusCode.OK);
            site.StackFrames.Should().BeEmpty();
            if (readOnlySetting)
            {
                site.Lines.Should().Contain(l => l.Contains($"Archive database: {path} (read-only)", StringComparison.Ordinal));
            }
        }

        SHA256.HashData(await File.ReadAllBytesAsync(path)).Should().Equal(before);
    }

    [Fact]
    public async Task AnImmutableArchiveThatNeedsMigratingIsRefused()
    {
        using var archive = new FaultyArchive();
        var path = archive.File("archive.db");
        await MigrateToAsync(path, "_" + ArchiveDatabase.CrossReferencesMigration);
        var why = archive.TryFreeze(path);
        CiEnvironment.SkipWith(why);

        await AssertRefusedAsync(path, "it is read-only, and it needs writing");
    }

    [Fact]
    public async Task ReadOnlyModeRefusesAMissingArchiveAndCreatesNothing()
    {
        using var archive = new FaultyArchive();
        var path = archive.File("archive.db");

        await AssertRefusedAsync(path, "there is no such file, and in read-only mode the site neither creates nor seeds an archive", "--ReadOnly", "true");
        File.Exists(path).Should().BeFalse();
    }

    [Fact]
    public async Task ReadOnlyModeRefusesAnOutOfDateArchiveAndLeavesItAsItIs()
    {
        using var archive = new FaultyArchive();
        var path = archive.File("archive.db");
        await MigrateToAsync(path, "_" + ArchiveDatabase.CrossReferencesMigration);
        int pending;
        await using (var context = new ArchiveDbContext(ArchiveDatabase.Options(path)))
        {
            pending = (await context.Database.GetPendingMigrationsAsync()).Count();
        }

        SqliteConnection.ClearAllPools();
        var before = SHA256.HashData(await File.ReadAllBytesAsync(path));

        pending.Should().BeGreaterThan(1, "every migration after CrossReferences is pending");
        await AssertRefusedAsync(path, $"its schema is out of date ({pending} migration(s) pending", "--ReadOnly", "true");

        SHA256.HashData(await File.ReadAllBytesAsync(path)).Should().Equal(before);
    }

    [Theory]
    [InlineData("ReadOnly", "yes", "the setting ReadOnly is 'yes', expected true or false")]
    [InlineData("DbWaitSeconds", "ten", "the setting DbWaitSeconds is 'ten', expected a whole number of seconds")]
    [InlineData("DbWaitSeconds", "-1", "the setting DbWaitSeconds is '-1', expected a whole number of seconds")]
    public async Task ASettingThatCannotBeReadIsRefusedRatherThanGuessed(string key, string value, string reason)
    {
        // ArchiveOptions (issue 15 item 4): a ReadOnly=yes read as false would write to a copy meant to be read-only
        using var archive = new FaultyArchive();
        var path = await archive.SeededAsync();
        var before = SHA256.HashData(await File.ReadAllBytesAsync(path));

        await AssertRefusedAsync(path, reason, "--" + key, value);
        SHA256.HashData(await File.ReadAllBytesAsync(path)).Should().Equal(before);
    }

    /// <summary>Starts the site and asserts that it ends by itself with exit code 1, one clear critical line and no stack frame.</summary>
    private static async Task AssertRefusedAsync(string path, string reason, params string[] args)
    {
        using var site = WebProcess.Start(path, args);

        var exit = await site.WaitForExitAsync(Guard);

        exit.Should().Be(1, site.ToString());
        var refusal = site.Lines.Should().ContainSingle(l => l.Contains("cannot be used", StringComparison.Ordinal), site.ToString()).Subject;
        refusal.Should().Contain($"The archive database {path} cannot be used: ").And.Contain(reason).And.EndWith("The site does not start.");
        site.Lines.Should().Contain(l => l.StartsWith("crit:", StringComparison.Ordinal), "the refusal is logged as critical");
        site.StackFrames.Should().BeEmpty("the operator reads a reason, not a stack trace:\n" + site);
    }

    /// <summary>Creates an archive at <paramref name="path"/> with the migrations up to the one whose name ends with <paramref name="suffix"/>.</summary>
    private static async Task MigrateToAsync(string path, string suffix)
    {
        await using var db = new ArchiveDbContext(ArchiveDatabase.Options(path));
        var target = db.Database.GetMigrations().Single(m => m.EndsWith(suffix, StringComparison.Ordinal));
        await db.GetService<IMigrator>().MigrateAsync(target);
        (await db.Database.GetPendingMigrationsAsync()).Should().NotBeEmpty();
    }
}
