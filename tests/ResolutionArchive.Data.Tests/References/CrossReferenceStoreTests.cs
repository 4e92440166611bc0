using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using ResolutionArchive.Data.Import;
using ResolutionArchive.Data.Queries;
using ResolutionArchive.Parsing.References;

namespace ResolutionArchive.Data.Tests.References;

/// <summary>The <c>References</c> table (docs/references.md): stored at import, rebuilt with the record, queried.</summary>
public sealed class CrossReferenceStoreTests
{
    private static async Task<TestDatabase> AllSeedsAsync()
    {
        var db = await TestDatabase.CreateAsync();
        foreach (var prefix in Seeds.Prefixes)
        {
            (await db.ImportSeedAsync(prefix)).Status.Should().Be(ImportStatus.Imported);
        }

        return db;
    }

    private static async Task<Dictionary<string, int>> CountsAsync(TestDatabase db)
    {
        await using var context = db.OpenContext();
        return (await context.Resolutions.AsNoTracking().Select(r => new { r.Number, Count = r.References.Count }).ToListAsync()).ToDictionary(r => r.Number, r => r.Count);
    }

    [Fact]
    public async Task Every_seed_s_references_are_stored()
    {
        await using var db = await AllSeedsAsync();

        (await CountsAsync(db)).Should().BeEquivalentTo(new Dictionary<string, int>
        {
            ["46/13"] = 0, ["43/..."] = 1, ["53/11"] = 21, ["76/159"] = 12, ["37/23"] = 0,
        });
    }

    [Fact]
    public async Task The_reference_of_53_11_op36_to_76_159_is_stored_with_its_span()
    {
        await using var db = await AllSeedsAsync();
        await using var context = db.OpenContext();

        var row = await context.References.AsNoTracking()
            .Where(r => r.Anchor == "op36" && context.Resolutions.Any(x => x.Id == r.ResolutionId && x.Key == "A/HRC/RES/53/11"))
            .SingleAsync();
        var text = await context.Paragraphs.AsNoTracking().Where(p => p.ResolutionId == row.ResolutionId && p.Anchor == "op36").Select(p => p.Text).SingleAsync();

        (row.Kind, row.Text, row.TargetSymbol, row.Body).Should().Be((ReferenceKind.Resolution, "76/159", "A/RES/76/159", (CitedBody?)CitedBody.GeneralAssembly));
        text.Substring(row.Start, row.Length).Should().Be("76/159");
    }

    [Fact]
    public async Task Resolution_76_159_is_cited_by_53_11_paragraph_36()
    {
        await using var db = await AllSeedsAsync();
        await using var context = db.OpenContext();

        var citing = await CrossReferences.CitedByAsync(context, "A/RES/76/159");

        citing.Should().ContainSingle();
        (citing[0].Key, citing[0].Symbol, citing[0].Number, citing[0].Title).Should().Be(("A/HRC/RES/53/11", "A/HRC/RES/53/11", "53/11", "加强人权领域的国际合作"));
        citing[0].Paragraphs.Select(p => p.Anchor).Should().Equal("op36");
        citing[0].Paragraphs[0].Text.Should().StartWith("又回顾大会第 76/159 号决议请秘书长");
    }

    [Fact]
    public async Task A_symbol_cited_by_two_archived_resolutions_lists_both_by_adoption_date()
    {
        await using var db = await AllSeedsAsync();
        await using var context = db.OpenContext();

        var citing = await CrossReferences.CitedByAsync(context, "A/RES/70/1");

        citing.Select(c => (c.Key, string.Join(' ', c.Paragraphs.Select(p => p.Anchor)))).Should().Equal(
            ("A/RES/76/159", "pp2"), ("A/HRC/RES/53/11", "pp2"));
    }

    [Fact]
    public async Task Footnotes_cite_too()
    {
        await using var db = await AllSeedsAsync();
        await using var context = db.OpenContext();

        var citing = await CrossReferences.CitedByAsync(context, "A/RES/76/1");

        citing.Select(c => (c.Key, string.Join(' ', c.Paragraphs.Select(p => p.Anchor + "=" + p.Text)))).Should().Equal(
            ("A/RES/76/159", "fn5=第 76/1 号决议。"), ("A/HRC/RES/53/11", "fn2=见大会第 66/3 和 76/1 号决议。"));
    }

    [Theory]
    [InlineData("A/HRC/RES/46/13")]
    [InlineData("A/HRC/RES/53/11")]
    [InlineData("A/HRC/RES/37/23")]
    [InlineData("A/RES/99/1")]
    public async Task Uncited_symbols_have_no_citing_resolution(string symbol)
    {
        await using var db = await AllSeedsAsync();
        await using var context = db.OpenContext();

        (await CrossReferences.CitedByAsync(context, symbol)).Should().BeEmpty();
    }

    [Fact]
    public async Task Links_name_the_archived_record_when_the_archive_holds_the_target_and_none_otherwise()
    {
        await using var db = await AllSeedsAsync();
        await using var context = db.OpenContext();

        var links = await CrossReferences.LinksOfAsync(context, "A/HRC/RES/53/11");

        links.Should().HaveCount(21);
        links.Single(l => l.Anchor == "op36").Should().Be(new ReferenceLink("op36", 7, 6, ReferenceKind.Resolution, "A/RES/76/159", "A/RES/76/159"));
        links.First(l => l.Anchor == "pp2").Should().Match<ReferenceLink>(l => l.Target == "A/RES/70/1" && l.ArchivedKey == null);
        links.First(l => l.Anchor == "pp8").Should().Match<ReferenceLink>(l => l.Target == "E/CN.4/SUB.2/RES/2000/22" && l.ArchivedKey == null);
        links.Where(l => l.Anchor == "fn1").Select(l => (l.Target, l.ArchivedKey)).Should().Equal(
            ("E/CN.4/2001/2", (string?)null), ("E/CN.4/Sub.2/2000/46", (string?)null));
        links.Where(l => l.InArchive).Select(l => l.Anchor).Should().Equal("op36");
    }

    [Fact]
    public async Task Re_importing_a_changed_text_replaces_its_references_and_keeps_the_others()
    {
        await using var db = await AllSeedsAsync();

        var outcome = await db.Importer.ImportAsync(Seeds.Edited("002", "又回顾大会第 76/159 号决议", "又回顾大会第 76/158 号决议"));

        outcome.Status.Should().Be(ImportStatus.Replaced);
        await using (var context = db.OpenContext())
        {
            (await CrossReferences.CitedByAsync(context, "A/RES/76/159")).Should().BeEmpty();
            (await CrossReferences.CitedByAsync(context, "A/RES/76/158")).Select(c => c.Key).Should().Equal("A/HRC/RES/53/11");
            (await context.References.CountAsync()).Should().Be(34, "1 + 21 + 12, nothing left over from the earlier version");
        }

        (await db.ImportSeedAsync("002")).Status.Should().Be(ImportStatus.Replaced);
        await using (var context = db.OpenContext())
        {
            (await CrossReferences.CitedByAsync(context, "A/RES/76/158")).Should().BeEmpty();
            (await CrossReferences.CitedByAsync(context, "A/RES/76/159")).Select(c => c.Key).Should().Equal("A/HRC/RES/53/11");
            (await context.References.CountAsync()).Should().Be(34);
        }
    }

    [Fact]
    public async Task Importing_the_same_bytes_again_changes_no_reference()
    {
        await using var db = await AllSeedsAsync();
        var before = await DatabaseSnapshot.TakeAsync(db.Path);

        foreach (var prefix in Seeds.Prefixes)
        {
            (await db.ImportSeedAsync(prefix)).Status.Should().Be(ImportStatus.Unchanged);
        }

        (await DatabaseSnapshot.TakeAsync(db.Path)).Dump.Should().Be(before.Dump);
    }

    [Fact]
    public async Task Rebuilding_all_references_from_the_stored_text_gives_the_imported_rows()
    {
        await using var db = await AllSeedsAsync();
        static async Task<List<string>> RowsAsync(ArchiveDbContext c) =>
            (await c.References.AsNoTracking().OrderBy(r => r.ResolutionId).ThenBy(r => r.Ordinal).ToListAsync())
                .Select(r => $"{r.ResolutionId} {r.Ordinal} {r.Anchor} {r.Start} {r.Length} {r.Kind} {r.Text} {r.TargetSymbol} {r.Body}").ToList();
        await using var context = db.OpenContext();
        var imported = await RowsAsync(context);

        var ids = await context.Resolutions.Select(r => r.Id).ToListAsync();
        (await CrossReferences.RebuildAsync(context, ids)).Should().Be(34);

        (await RowsAsync(context)).Should().Equal(imported);
    }

    [Fact]
    public async Task Deleting_a_record_deletes_its_references()
    {
        await using var db = await AllSeedsAsync();
        await using var context = db.OpenContext();

        await context.Resolutions.Where(r => r.Key == "A/HRC/RES/53/11").ExecuteDeleteAsync();

        (await context.References.CountAsync()).Should().Be(13);
    }

    [Fact]
    public void The_model_has_no_pending_changes()
    {
        using var context = new ArchiveDbContext(ArchiveDatabase.Options(Path.Combine(Path.GetTempPath(), "unused.sqlite")));
        context.Database.HasPendingModelChanges().Should().BeFalse();
    }

    [Fact]
    public async Task Upgrading_an_archive_from_before_the_references_migration_fills_its_references()
    {
        await using var db = await AllSeedsAsync();
        await using (var context = db.OpenContext())
        {
            // rows the older schemas cannot hold: non-voting members and unknown names (issue 13)
            await context.Database.ExecuteSqlRawAsync("DELETE FROM Votes WHERE Position = 'NonVoting' OR CountryIso3 IS NULL;");
            // take the archive back to the schema before CrossReferences: its table and every later migration undone
            var migrations = context.Database.GetMigrations().ToList();
            var before = migrations[migrations.FindIndex(m => m.EndsWith("_" + ArchiveDatabase.CrossReferencesMigration, StringComparison.Ordinal)) - 1];
            await context.GetService<Microsoft.EntityFrameworkCore.Migrations.IMigrator>().MigrateAsync(before);
            (await context.Database.GetPendingMigrationsAsync()).Should().Contain(m => m.EndsWith("_" + ArchiveDatabase.CrossReferencesMigration, StringComparison.Ordinal));
        }

        await using (var upgraded = await ArchiveDatabase.OpenAsync(db.Path))
        {
            (await upgraded.Database.GetPendingMigrationsAsync()).Should().BeEmpty();
            (await upgraded.References.CountAsync()).Should().Be(34, "the five seeds' references are rebuilt from their stored text");
            (await CrossReferences.CitedByAsync(upgraded, "A/RES/76/159")).Should().ContainSingle();
        }
    }
}
