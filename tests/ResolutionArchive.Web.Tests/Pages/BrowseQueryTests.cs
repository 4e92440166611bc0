using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using ResolutionArchive.Data;
using ResolutionArchive.Data.Import;
using ResolutionArchive.Web.Pages;
using ResolutionArchive.Web.Tests.Infrastructure;

namespace ResolutionArchive.Web.Tests.Pages;

/// <summary>
/// The home page's query object (issue 15 item 7): two statements per request whatever the filter (it was eight), and
/// every count equal to the same count taken record by record in memory.
/// </summary>
public sealed class BrowseQueryTests(SampleArchive archive) : IClassFixture<SampleArchive>
{
    public static TheoryData<string> Filters() => new()
    {
        "",
        "body=GA",
        "session=75",
        "year=2021",
        "mode=recorded",
        "status=draft",
        "body=GA&session=76&mode=without-vote",
        "body=HRC&year=2023&status=adopted",
        "session=999",
    };

    [Theory]
    [MemberData(nameof(Filters))]
    public async Task OneRequestIsTwoStatementsAndItsCountsAreTheRecordsCounted(string query)
    {
        var filter = Read(query);
        var counter = new CommandCounter();
        var options = new DbContextOptionsBuilder<ArchiveDbContext>(ArchiveDatabase.Options(archive.App.DatabasePath)).AddInterceptors(counter).Options;
        await using var db = new ArchiveDbContext(options);

        var result = await new BrowseQuery(db).RunAsync(filter, null, IndexModel.PageSize, CancellationToken.None);

        counter.Count.Should().Be(2, "one grouped count and one page of rows");
        await using var check = archive.App.CreateDbContext();
        var all = await check.Resolutions.AsNoTracking().ToListAsync();
        bool Passes(Data.Entities.ResolutionEntity r, BrowseFilter f) => f.Apply(new[] { r }.AsQueryable()).Any();

        result.Total.Should().Be(all.Count).And.Be(21);
        result.Matched.Should().Be(all.Count(r => Passes(r, filter)));
        result.Rows.Select(r => r.Key).Should().BeSubsetOf(all.Where(r => Passes(r, filter)).Select(r => r.Key));
        result.Rows.Should().HaveCount(Math.Min(result.Matched, IndexModel.PageSize));
        result.Bodies.Should().BeEquivalentTo(all.Where(r => Passes(r, filter with { Body = null })).GroupBy(r => r.Body).ToDictionary(g => g.Key, g => g.Count()));
        result.Modes.Should().BeEquivalentTo(all.Where(r => Passes(r, filter with { Mode = null })).GroupBy(r => r.VoteMode).ToDictionary(g => g.Key, g => g.Count()));
        result.Statuses.Should().BeEquivalentTo(all.Where(r => Passes(r, filter with { Status = null })).GroupBy(r => r.Status).ToDictionary(g => g.Key, g => g.Count()));
        result.Sessions.Where(s => s.Count > 0).Should().Equal(all.Where(r => Passes(r, filter with { Session = null }) && r.Session is not null)
            .GroupBy(r => r.Session!.Value).OrderBy(g => g.Key).Select(g => (g.Key, g.Count())));
        result.Years.Where(y => y.Count > 0).Should().Equal(all.Where(r => Passes(r, filter with { Year = null }) && r.AdoptionDate is not null)
            .GroupBy(r => r.AdoptionDate!.Value.Year).OrderByDescending(g => g.Key).Select(g => (g.Key, g.Count())));
        if (filter.Session is { } session)
        {
            result.Sessions.Should().Contain(s => s.Session == session, "the selected session is offered even with no record");
        }
    }

    public static TheoryData<string, string?> FiltersSortsAndPages()
    {
        var data = new TheoryData<string, string?>();
        foreach (var filter in Filters().Select(row => row.Data))
        {
            foreach (var sort in new[] { "", "sort=date-asc", "sort=number-asc", "sort=number-desc" })
            {
                data.Add(string.Join('&', new[] { filter, sort }.Where(p => p.Length > 0)), null);
            }
        }

        data.Add("sort=number-asc", "2");
        data.Add("", "999");
        return data;
    }

    [Theory]
    [MemberData(nameof(FiltersSortsAndPages))]
    public async Task TheKeptOrdersGiveTheSamePageAsSqlInTwoStatements(string query, string? page)
    {
        var filter = Read(query);
        var index = new BrowseIndex();
        await using (var warm = archive.App.CreateDbContext())
        {
            await new BrowseQuery(warm, index).RunAsync(filter, page, 5, CancellationToken.None);
        }

        var counter = new CommandCounter();
        var options = new DbContextOptionsBuilder<ArchiveDbContext>(ArchiveDatabase.Options(archive.App.DatabasePath)).AddInterceptors(counter).Options;
        await using var db = new ArchiveDbContext(options);
        var kept = await new BrowseQuery(db, index).RunAsync(filter, page, 5, CancellationToken.None);
        counter.Count.Should().Be(3, "the revision for the index, the revision in the snapshot, and the page's rows");
        await using var check = archive.App.CreateDbContext();
        var sql = await new BrowseQuery(check).RunAsync(filter, page, 5, CancellationToken.None);

        kept.Rows.Should().Equal(sql.Rows, "the same rows in the same order");
        (kept.Total, kept.Matched, kept.Paging).Should().Be((sql.Total, sql.Matched, sql.Paging));
        kept.Bodies.Should().BeEquivalentTo(sql.Bodies);
        kept.Modes.Should().BeEquivalentTo(sql.Modes);
        kept.Statuses.Should().BeEquivalentTo(sql.Statuses);
        kept.Sessions.Should().Equal(sql.Sessions);
        kept.Years.Should().Equal(sql.Years);
    }

    [Fact]
    public async Task AnImportAfterTheOrdersWereKeptIsSeenAtOnce()
    {
        using var app = new ArchiveApplication();
        _ = app.Server; // the five seeds
        var index = new BrowseIndex();
        await using (var db = app.CreateDbContext())
        {
            (await new BrowseQuery(db, index).RunAsync(BrowseFilter.None, null, 50, CancellationToken.None)).Total.Should().Be(5);
        }

        var file = Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Akn", "Sample"), "*.xml").Order(StringComparer.Ordinal).First();
        await using (var db = app.CreateDbContext())
        {
            (await new ResolutionImporter(db).ImportAsync(ImportSource.FromFile(file))).Status.Should().Be(ImportStatus.Imported);
        }

        await using (var db = app.CreateDbContext())
        {
            var after = await new BrowseQuery(db, index).RunAsync(BrowseFilter.None, null, 50, CancellationToken.None);
            after.Total.Should().Be(6, "the kept orders are of the revision before the import");
            after.Rows.Should().HaveCount(6);
        }
    }

    private static BrowseFilter Read(string query)
    {
        var values = query.Split('&', StringSplitOptions.RemoveEmptyEntries).Select(p => p.Split('=')).ToDictionary(p => p[0], p => p[1]);
        var ignored = new List<string>();
        var filter = BrowseFilter.Read(values.GetValueOrDefault("body"), values.GetValueOrDefault("session"), values.GetValueOrDefault("year"),
            values.GetValueOrDefault("mode"), values.GetValueOrDefault("status"), values.GetValueOrDefault("sort"), ignored);
        ignored.Should().BeEmpty();
        return filter;
    }

    private sealed class CommandCounter : DbCommandInterceptor
    {
        public int Count { get; private set; }

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Count++;
            return base.ReaderExecutingAsync(command, eventData, result, cancellationToken);
        }
    }
}
