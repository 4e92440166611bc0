using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ResolutionArchive.Data.Import;

namespace ResolutionArchive.Web.Tests.Infrastructure;

/// <summary>
/// Fills an application's archive with more records than the seeds: edited copies of seed 000 (46/13) numbered
/// 46/1000, 46/1001…, imported through the real importer so that they are stored exactly as a real file would be.
/// </summary>
public static class SeedCopies
{
    /// <summary>The text of seed 000 from the test output folder.</summary>
    public static string Seed000Text() =>
        File.ReadAllText(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seeds"), "000_*.txt").Single());

    /// <summary>
    /// Seed 000 (46/13, adopted 2021-03-23 by 26–15–6) adopted again a year later as 49/13 with China moved from in
    /// favour to abstaining (25–15–7): with 46/13 a series in which one state switched (issue 16, "who switched").
    /// </summary>
    public static string Seed000AdoptedAgain() => Seed000Text()
        .Replace("46/13.", "49/13.", StringComparison.Ordinal)
        .Replace("第四十六届会议", "第四十九届会议", StringComparison.Ordinal)
        .Replace("2021 年 3 月 23 日", "2022 年 3 月 23 日", StringComparison.Ordinal)
        .Replace("2021年3月23日", "2022年3月23日", StringComparison.Ordinal)
        .Replace("26 票赞成、15 票反对、6 票弃权", "25 票赞成、15 票反对、7 票弃权", StringComparison.Ordinal)
        .Replace("喀麦隆、中国、科特迪瓦", "喀麦隆、科特迪瓦", StringComparison.Ordinal)
        .Replace("马拉维和乌兹别克斯坦", "马拉维、乌兹别克斯坦和中国", StringComparison.Ordinal);

    /// <summary>
    /// Imports <paramref name="count"/> copies of seed 000 as HRC resolutions 46/1000, 46/1001… (adopted on the same day
    /// as 46/13) into <paramref name="app"/>'s database, after the site has started and imported its seeds.
    /// </summary>
    public static async Task ImportAsync(ArchiveApplication app, int count)
    {
        _ = app.Services.GetRequiredService<IServiceProvider>(); // starts the host: migrations and seeds come first
        var text = Seed000Text();
        text.Should().Contain("46/13.", "the copies are made by renumbering 46/13");
        await using var db = app.CreateDbContext();

        // Test data need not survive a power cut: without a sync per transaction the copies import many times faster.
        await db.Database.OpenConnectionAsync();
        await db.Database.ExecuteSqlRawAsync("PRAGMA synchronous = OFF");
        var importer = new ResolutionImporter(db);
        for (var i = 0; i < count; i++)
        {
            var number = 1000 + i;
            var copy = text.Replace("46/13.", $"46/{number}.", StringComparison.Ordinal);
            var outcome = await importer.ImportAsync(new ImportSource($"copy-46-{number}.txt", Encoding.UTF8.GetBytes(copy)));
            outcome.Status.Should().Be(ImportStatus.Imported, string.Join("; ", outcome.Diagnostics));
            outcome.Key.Should().Be($"A/HRC/RES/46/{number}");
        }
    }

    /// <summary>
    /// Imports seed 000 as HRC resolution 46/<paramref name="number"/> with <paramref name="recalls"/> more preambular
    /// paragraphs (回顾大会以往的第N项决议，) after the enacting formula: a record long enough to be shown in pages
    /// (docs/browse.md "Long documents") when there are more than 1,000 paragraphs in all.
    /// </summary>
    public static async Task ImportLongAsync(ArchiveApplication app, int number, int recalls)
    {
        _ = app.Services.GetRequiredService<IServiceProvider>();
        var text = Seed000Text().Replace("46/13.", $"46/{number}.", StringComparison.Ordinal);
        var added = string.Concat(Enumerable.Range(1, recalls).Select(i => $"回顾大会以往的第{i}项决议，\n\n"));
        text = text.Replace("人权理事会，\n\n", "人权理事会，\n\n" + added, StringComparison.Ordinal);
        await using var db = app.CreateDbContext();
        var outcome = await new ResolutionImporter(db).ImportAsync(new ImportSource($"long-46-{number}.txt", Encoding.UTF8.GetBytes(text)));
        outcome.Status.Should().Be(ImportStatus.Imported, string.Join("; ", outcome.Diagnostics));
    }
}
