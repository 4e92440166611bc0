using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using CsvHelper;
using CsvHelper.Configuration;
using ResolutionArchive.Parsing.Countries;
using ResolutionArchive.Web.Tests.Infrastructure;

namespace ResolutionArchive.Web.Tests.Api;

public sealed class VotesCsvTests : IDisposable
{
    private static readonly string[] RecordedSeeds = ["A/HRC/RES/46/13", "A/HRC/RES/53/11", "A/HRC/RES/37/23"];
    private static readonly string[] Columns = ["symbol", "number", "body", "session", "date", "country_iso3", "country_name_zh", "country_name_en", "vote"];
    private readonly ArchiveApplication _app = new();

    public void Dispose() => _app.Dispose();

    [Fact]
    public async Task IsADownloadableUtf8CsvWithoutAByteOrderMark()
    {
        using var client = _app.CreateClient();

        var response = await client.GetAsync("/data/votes.csv");

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        response.Content.Headers.ContentType!.ToString().Should().Be("text/csv; charset=utf-8");
        response.Content.Headers.ContentDisposition!.ToString().Should().Be("attachment; filename=\"votes.csv\"");
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Encoding.ASCII.GetString(bytes, 0, 7).Should().Be("symbol,");
        var text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
        text.Should().StartWith(string.Join(',', Columns) + "\r\n");
        text.Should().EndWith("\r\n").And.Contain("中国");
    }

    [Fact]
    public async Task StartsWithAByteOrderMarkOnlyWhenAskedTo()
    {
        using var client = _app.CreateClient();

        var plain = await client.GetByteArrayAsync("/data/votes.csv");
        var zero = await client.GetByteArrayAsync("/data/votes.csv?bom=0");
        var withBom = await client.GetByteArrayAsync("/data/votes.csv?bom=1");

        zero.Should().Equal(plain);
        withBom.Take(3).Should().Equal(0xEF, 0xBB, 0xBF);
        withBom.Skip(3).Should().Equal(plain);
    }

    [Theory]
    [InlineData("bom=2")]
    [InlineData("bom=true")]
    [InlineData("bom=0&bom=1")]
    public async Task AnswersAProblemDocumentForAnUnreadableBom(string query)
    {
        using var client = _app.CreateClient();

        var response = await client.GetAsync($"/data/votes.csv?{query}");

        response.StatusCode.Should().Be(HttpStatusCode.BadRequest, query);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        problem.RootElement.GetProperty("detail").GetString().Should().StartWith("bom");
    }

    [Fact]
    public async Task HasOneRowPerStateInTheListsOfEachRecordedVote()
    {
        var rows = await ReadCsvAsync();

        // The expected rows, independently: the yes, no, abstain and non-voting lists of each recorded seed in its JSON.
        var expected = new List<(string Symbol, string Iso3, string Vote)>();
        foreach (var key in RecordedSeeds)
        {
            var vote = (await GetJsonAsync($"/api/resolutions/{key}")).GetProperty("vote");
            vote.GetProperty("mode").GetString().Should().Be("recorded");
            foreach (var (list, value) in new[] { ("yes", "yes"), ("no", "no"), ("abstain", "abstain"), ("nonVoting", "non-voting") })
            {
                expected.AddRange(vote.GetProperty(list).EnumerateArray().Select(c => (key, c.GetString()!, value)));
            }
        }

        expected.Should().NotBeEmpty();
        rows.Should().HaveCount(expected.Count);
        rows.Select(r => (r["symbol"], r["country_iso3"], r["vote"])).Should().BeEquivalentTo(expected);
        rows.Select(r => (r["symbol"], r["country_iso3"])).Should().OnlyHaveUniqueItems();
        rows.Select(r => r["vote"]).Distinct().Should().BeSubsetOf(["yes", "no", "abstain", "non-voting"]);
        rows.GroupBy(r => r["symbol"]).Should().OnlyContain(g => g.Count() == 47, "each Council vote has a row for each of its 47 members");
    }

    [Fact]
    public async Task NamesEveryStateAsTheRegistryDoes()
    {
        var rows = await ReadCsvAsync();

        rows.Should().NotBeEmpty();
        foreach (var row in rows)
        {
            var country = CountryRegistry.Default.FindByIso3(row["country_iso3"]);
            country.Should().NotBeNull(row["country_iso3"]);
            country!.Iso3.Should().Be(row["country_iso3"]);
            // the name the state bore on the adoption date (Countries/state-names.csv)
            var date = DateOnly.ParseExact(row["date"], "yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
            row["country_name_zh"].Should().Be(country.NameOn(date, "zh"));
            row["country_name_en"].Should().Be(country.NameOn(date, "en"));
        }
    }

    [Fact]
    public async Task GivesEachVotesFieldsAndTheDocumentedOrder()
    {
        var rows = await ReadCsvAsync();

        rows.Select(r => r["symbol"]).Distinct().Should().Equal("A/HRC/RES/37/23", "A/HRC/RES/46/13", "A/HRC/RES/53/11");
        var first = rows.First(r => r["symbol"] == "A/HRC/RES/46/13");
        first["number"].Should().Be("46/13");
        first["body"].Should().Be("HRC");
        first["session"].Should().Be("46");
        first["date"].Should().Be("2021-03-23");
        rows.Select(r => (r["date"], r["number"])).Should().BeInAscendingOrder(Comparer<(string, string)>.Create((a, b) =>
            a.Item1 != b.Item1 ? string.CompareOrdinal(a.Item1, b.Item1) : string.CompareOrdinal(a.Item2, b.Item2)));
        foreach (var vote in rows.GroupBy(r => r["symbol"]))
        {
            vote.Select(r => r["country_iso3"]).Should().BeInAscendingOrder(StringComparer.Ordinal, vote.Key);
        }
    }

    [Fact]
    public async Task HasChinaInFavourOfAllThreeAndTheUnitedStatesOnlyWhereListed()
    {
        var rows = await ReadCsvAsync();

        rows.Where(r => r["country_iso3"] == "CHN").Select(r => (r["symbol"], r["vote"]))
            .Should().BeEquivalentTo([("A/HRC/RES/46/13", "yes"), ("A/HRC/RES/53/11", "yes"), ("A/HRC/RES/37/23", "yes")]);
        rows.Where(r => r["country_iso3"] == "USA").Select(r => (r["symbol"], r["vote"]))
            .Should().BeEquivalentTo([("A/HRC/RES/53/11", "no"), ("A/HRC/RES/37/23", "no")]);
        rows.Where(r => r["country_iso3"] == "CHN").Should().OnlyContain(r => r["country_name_zh"] == "中国");
    }

    [Fact]
    public async Task CountsAsManyRowsAsTheCountriesListRecordedVotes()
    {
        // recordedVotes counts the votes a state cast; non-voting rows are the rest of the body's members
        var rows = (await ReadCsvAsync()).Where(r => r["vote"] != "non-voting").ToList();
        var countries = (await GetJsonAsync("/api/countries")).GetProperty("items").EnumerateArray().ToList();

        countries.Sum(c => c.GetProperty("recordedVotes").GetInt32()).Should().Be(rows.Count);
        foreach (var country in countries.Where(c => c.GetProperty("recordedVotes").GetInt32() > 0))
        {
            var iso3 = country.GetProperty("iso3").GetString();
            rows.Count(r => r["country_iso3"] == iso3).Should().Be(country.GetProperty("recordedVotes").GetInt32(), iso3);
        }
    }

    /// <summary>Downloads the CSV and parses it back with CsvHelper, checking the header row.</summary>
    private async Task<List<Dictionary<string, string>>> ReadCsvAsync()
    {
        using var client = _app.CreateClient();
        await using var stream = await client.GetStreamAsync("/data/votes.csv");
        using var reader = new StreamReader(stream, new UTF8Encoding(false, throwOnInvalidBytes: true));
        using var csv = new CsvReader(reader, new CsvConfiguration(CultureInfo.InvariantCulture));
        (await csv.ReadAsync()).Should().BeTrue();
        csv.ReadHeader().Should().BeTrue();
        csv.HeaderRecord.Should().Equal(Columns);
        var rows = new List<Dictionary<string, string>>();
        while (await csv.ReadAsync())
        {
            csv.Parser.Count.Should().Be(Columns.Length);
            rows.Add(Columns.ToDictionary(c => c, c => csv.GetField(c)!));
        }

        return rows;
    }

    private async Task<JsonElement> GetJsonAsync(string url)
    {
        using var client = _app.CreateClient();
        var response = await client.GetAsync(url);
        response.StatusCode.Should().Be(HttpStatusCode.OK, url);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.Clone();
    }

    [Fact]
    public async Task AFieldThatCouldRunAsASpreadsheetFormulaIsWrittenAsText()
    {
        // OWASP's CSV-injection rule (issue 14 item 4), through the file's own configuration
        await using var text = new StringWriter();
        await using (var csv = new CsvWriter(text, ResolutionArchive.Web.Api.VotesCsv.Configuration))
        {
            await csv.WriteRecordsAsync(new[] { new ResolutionArchive.Web.Api.VotesCsvRow { Symbol = "=HYPERLINK(\"http://evil.example/\")", Number = "+1", Body = "-1", Date = "@x", Vote = "yes" } });
        }

        var line = text.ToString().Split("\r\n")[1];
        line.Should().StartWith("\"'=HYPERLINK(").And.Contain(",\"'+1\",\"'-1\",").And.Contain(",\"'@x\",").And.EndWith(",yes");
    }
}
