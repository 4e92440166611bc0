using System.Globalization;
using CsvHelper;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using ResolutionArchive.Data.Entities;
using ResolutionArchive.Data.Import;
using ResolutionArchive.Data.Queries;
using ResolutionArchive.Parsing.Countries;
using ResolutionArchive.Parsing.Serialization;
using ResolutionArchive.Parsing.Syntax;
using ResolutionArchive.Parsing.Undl;
using ResolutionArchive.Testing;

namespace ResolutionArchive.Data.Tests.Import;

/// <summary>
/// The UN Digital Library's voting data (input-formats §11) through the import run: the sample of sessions 75–77 into
/// an empty archive and into the archive of the UN's AKN4UN texts, each stored vote compared with the file read
/// independently, row by row (issue 16 item 2).
/// </summary>
public sealed class VotingDataImportTests(CorpusArchive corpus)
{
    private const string SampleName = "undl-ga-voting-75-77.csv";

    /// <summary>The file's votes as rows say them: symbol → ISO3 → Y/N/A/X, and symbol → stated totals.</summary>
    private static (Dictionary<string, Dictionary<string, string>> Rows, Dictionary<string, (int Yes, int No, int Abstain)> Totals) ReadByHand(string path)
    {
        var rows = new Dictionary<string, Dictionary<string, string>>(StringComparer.Ordinal);
        var totals = new Dictionary<string, (int, int, int)>(StringComparer.Ordinal);
        using var reader = new StreamReader(path);
        using var csv = new CsvReader(reader, CultureInfo.InvariantCulture);
        foreach (var row in csv.GetRecords<dynamic>().Cast<IDictionary<string, object>>())
        {
            var symbol = (string)row["resolution"];
            var iso3 = CountryRegistry.Default.FindByIso3((string)row["ms_code"])!.Iso3;
            (rows.TryGetValue(symbol, out var states) ? states : rows[symbol] = new(StringComparer.Ordinal))[iso3] = (string)row["ms_vote"];
            totals[symbol] = ((int)double.Parse((string)row["total_yes"], CultureInfo.InvariantCulture), (int)double.Parse((string)row["total_no"], CultureInfo.InvariantCulture), (int)double.Parse((string)row["total_abstentions"], CultureInfo.InvariantCulture));
        }

        return (rows, totals);
    }

    private static string SampleOrSkip()
    {
        var path = RepositoryPaths.Shared("data") is { } data ? Path.Combine(data, SampleName) : null;
        CiEnvironment.SkipIfMissing(path is null || !File.Exists(path) ? $"../shared/data/{SampleName} is missing (the sample of the Library's voting data)" : null);
        return path!;
    }

    private static async Task<List<ImportOutcome>> ImportAsync(ArchiveDbContext db, string path)
    {
        await using var run = await ImportRun.BeginAsync(db);
        var outcomes = new List<ImportOutcome>();
        using var reader = new StreamReader(path);
        foreach (var vote in UndlVotingData.Read(reader, path))
        {
            outcomes.Add(await run.AddAsync(new ImportSource(path, vote.Excerpt), vote.Result));
        }

        await run.CompleteAsync();
        return outcomes;
    }

    private static async Task<Dictionary<string, Dictionary<string, string>>> StoredVotesAsync(ArchiveDbContext db)
    {
        var letters = new Dictionary<VotePosition, string> { [VotePosition.InFavour] = "Y", [VotePosition.Against] = "N", [VotePosition.Abstaining] = "A", [VotePosition.NonVoting] = "X" };
        var stored = await db.Votes.AsNoTracking().Join(db.Resolutions, v => v.ResolutionId, r => r.Id, (v, r) => new { r.Key, v.CountryIso3, v.Position }).ToListAsync();
        return stored.GroupBy(v => v.Key).ToDictionary(g => g.Key, g => g.ToDictionary(v => v.CountryIso3!, v => letters[v.Position], StringComparer.Ordinal), StringComparer.Ordinal);
    }

    [Fact]
    public async Task TheSampleImportsIntoAnEmptyArchiveAndEveryStoredVoteEqualsTheFile()
    {
        var path = SampleOrSkip();
        await using var database = await TestDatabase.CreateAsync();
        var outcomes = await ImportAsync(database.Context, path);
        var (rows, totals) = ReadByHand(path);

        outcomes.Should().HaveCount(268).And.OnlyContain(o => o.Status == ImportStatus.Imported);
        await using var db = database.OpenContext();
        var stored = await StoredVotesAsync(db);
        var records = await db.Resolutions.AsNoTracking().ToDictionaryAsync(r => r.Key, StringComparer.Ordinal);
        records.Keys.Should().BeEquivalentTo(rows.Keys);
        // one vote of the sample has every row X (a resolution in parts, voted on part by part): no recorded vote
        var withoutVote = rows.Where(r => r.Value.Values.All(v => v == "X")).Select(r => r.Key).ToList();
        withoutVote.Should().Equal("A/RES/75/254 A-C");
        records["A/RES/75/254 A-C"].VoteMode.Should().Be(VoteMode.NotStated);
        foreach (var (symbol, states) in rows.Where(r => !withoutVote.Contains(r.Key)))
        {
            stored[symbol].Should().BeEquivalentTo(states, symbol);
            var record = records[symbol];
            (record.YesCount, record.NoCount, record.AbstainCount).Should().Be(((int?)totals[symbol].Yes, (int?)totals[symbol].No, (int?)totals[symbol].Abstain), symbol);
            record.VoteMode.Should().Be(VoteMode.Recorded);
            record.Title.Should().NotBeNullOrEmpty();
        }

        (await db.Paragraphs.CountAsync()).Should().Be(0, "a record of a vote alone has no text");
        stored.Values.Sum(s => s.Count).Should().Be(rows.Where(r => !withoutVote.Contains(r.Key)).Sum(r => r.Value.Count));
    }

    [Fact]
    public async Task TheSampleEnrichesTheTextsAndEveryVoteEqualsTheFileOrTheTextWhereAFlagSaysTheyDiffer()
    {
        var path = SampleOrSkip();
        var imported = await corpus.ImportedAsync();
        await using var copy = await TestDatabase.CreateAsync();
        await using (var from = new SqliteConnection($"Data Source={imported.Database.Path};Mode=ReadOnly"))
        await using (var to = new SqliteConnection($"Data Source={copy.Path};Pooling=False"))
        {
            await from.OpenAsync();
            await to.OpenAsync();
            from.BackupDatabase(to);
        }

        await using var db = copy.OpenContext();
        var before = await db.Resolutions.AsNoTracking().Where(r => r.Key.StartsWith("A/RES/7")).ToDictionaryAsync(r => r.Key, r => new { r.Title, r.VoteMode, Paragraphs = r.Paragraphs.Count });
        var outcomes = await ImportAsync(db, path);
        var (rows, _) = ReadByHand(path);

        outcomes.Should().HaveCount(268).And.OnlyContain(o => o.Status == ImportStatus.Enriched, "every vote of the sample is of a resolution whose text the UN published");
        var flags = await db.DataQualityFlags.AsNoTracking().Where(f => f.Message.StartsWith(MergedResolution.ConflictPrefix)).ToListAsync();
        flags.Should().OnlyContain(f => f.FileName == path);
        var stored = await StoredVotesAsync(db);
        var after = await db.Resolutions.AsNoTracking().ToDictionaryAsync(r => r.Key, r => new { r.Title, r.VoteMode, Paragraphs = r.Paragraphs.Count });
        foreach (var (symbol, states) in rows.Where(r => r.Key != "A/RES/75/254 A-C"))
        {
            after[symbol].Title.Should().Be(before[symbol].Title, "the text's Chinese title is kept");
            after[symbol].Paragraphs.Should().Be(before[symbol].Paragraphs);
            after[symbol].VoteMode.Should().Be(VoteMode.Recorded, symbol);
            if (flags.All(f => f.ResolutionKey != symbol))
            {
                // the three lists as the file has them (the non-voting members are the text's own when it has a vote)
                stored[symbol].Where(s => s.Value != "X").Should().BeEquivalentTo(states.Where(s => s.Value != "X"), symbol);
            }
            else
            {
                var text = ResolutionJson.Deserialize(imported.ReadAlone[symbol]).Vote;
                stored[symbol].Count(s => s.Value == "Y").Should().Be(text.Yes.Count, $"{symbol}: the text's vote is kept");
            }
        }

        flags.Should().HaveCountLessThan(5, "the Library's votes and the UN's texts agree but for a few");
    }

    [Fact]
    public async Task TheOrderOfTheImportsDoesNotChangeTheRecord()
    {
        var rows = string.Join('\n',
            "resolution,ms_code,ms_name,ms_vote,date,title",
            "A/RES/76/159,CHN,CHINA,Y,2021-12-16,English title",
            "A/RES/76/159,USA,UNITED STATES,N,2021-12-16,English title",
            "A/RES/76/159,FRA,FRANCE,A,2021-12-16,English title") + "\n";
        var vote = UndlVotingData.Read(new StringReader(rows), "votes.csv").Single();

        async Task<string> RecordAsync(bool votesFirst)
        {
            await using var database = await TestDatabase.CreateAsync();
            if (votesFirst)
            {
                (await database.Importer.ImportAsync(new ImportSource("votes.csv", vote.Excerpt), vote.Result)).Status.Should().Be(ImportStatus.Imported);
            }

            await database.ImportSeedAsync("003");
            if (!votesFirst)
            {
                (await database.Importer.ImportAsync(new ImportSource("votes.csv", vote.Excerpt), vote.Result)).Status.Should().Be(ImportStatus.Enriched);
            }

            await using var db = database.OpenContext();
            var model = (await ResolutionLookup.FindAsync(db, "A/RES/76/159"))!;
            model.Title.Should().NotBe("English title");
            model.Vote.Mode.Should().Be(VoteMode.Recorded, "the text states no vote: the Library's fills it");
            model.Vote.Yes.Should().Equal("CHN");
            return ResolutionJson.Serialize(model with { Vote = model.Vote with { NonVoting = [] } });
        }

        (await RecordAsync(votesFirst: true)).Should().Be(await RecordAsync(votesFirst: false));
    }
}
