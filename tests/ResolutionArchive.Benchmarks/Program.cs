using System.CommandLine;

namespace ResolutionArchive.Benchmarks;

/// <summary>
/// The benchmark command line (README.md beside this file; docs/performance.md, "Full-text search"):
/// <c>search [--corpus DIR…] [--seeds DIR…] [--min-paragraphs N] [--db FILE] [--reuse] [--warmups N] [--runs N]</c>.
/// </summary>
internal static class Program
{
    private static async Task<int> Main(string[] args)
    {
        var corpus = new Option<string[]>("--corpus")
        {
            Description = "folders of AKN4UN XML files, read recursively (*.xml)",
            Arity = ArgumentArity.ZeroOrMore,
            AllowMultipleArgumentsPerToken = true,
            DefaultValueFactory = _ => ["../shared/corpus/unxml-ga"],
        };
        var seeds = new Option<string[]>("--seeds")
        {
            Description = "folders of seed texts (*.txt, not recursive)",
            Arity = ArgumentArity.ZeroOrMore,
            AllowMultipleArgumentsPerToken = true,
            DefaultValueFactory = _ => ["seeds"],
        };
        var minParagraphs = new Option<int>("--min-paragraphs")
        {
            Description = "add synthetic copies of the imported resolutions until the Paragraphs table has at least this many rows",
            DefaultValueFactory = _ => 100_000,
        };
        var db = new Option<string>("--db")
        {
            Description = "the SQLite file to build (deleted first unless --reuse)",
            DefaultValueFactory = _ => Path.Combine(Path.GetTempPath(), "resolution-archive-bench.sqlite"),
        };
        var reuse = new Option<bool>("--reuse") { Description = "measure the --db built by an earlier run (no import; copies added only if still short)" };
        var warmups = new Option<int>("--warmups") { Description = "untimed runs before each series", DefaultValueFactory = _ => 3 };
        var rare = new Option<string>("--rare")
        {
            Description = "the rare two-character term of the table (霍乱, cholera: one paragraph of the real corpus)",
            DefaultValueFactory = _ => "霍乱",
        };
        var runs = new Option<int>("--runs") { Description = "timed runs per series (at least 20)", DefaultValueFactory = _ => 30 };

        var search = new Command("search", "Build a large archive from the real corpus and time the ranked top-20 search against a LIKE scan")
        {
            corpus, seeds, minParagraphs, db, reuse, warmups, runs, rare,
        };
        search.SetAction((result, token) =>
        {
            var options = new SearchBenchmarkOptions(
                result.GetValue(corpus) ?? [],
                result.GetValue(seeds) ?? [],
                result.GetValue(minParagraphs),
                result.GetValue(db)!,
                result.GetValue(reuse),
                Math.Max(0, result.GetValue(warmups)),
                Math.Max(20, result.GetValue(runs)),
                result.GetValue(rare)!);
            return new SearchBenchmark(options, Console.Out).RunAsync(token);
        });

        var lineageDb = new Option<string>("--db") { Description = "an archive built by `import` (it is not changed: the rebuild is rolled back)", Required = true };
        var lineageRuns = new Option<int>("--runs") { Description = "timed rebuilds", DefaultValueFactory = _ => 3 };
        var lineage = new Command("lineage", "Time the paragraph lineage of a whole archive (LineageStore.RebuildAsync), rolled back after each run") { lineageDb, lineageRuns };
        lineage.SetAction(async (result, token) =>
        {
            await using var context = await Data.ArchiveDatabase.OpenAsync(result.GetValue(lineageDb)!);
            for (var i = 0; i < Math.Max(1, result.GetValue(lineageRuns)); i++)
            {
                await using var transaction = await context.Database.BeginTransactionAsync(token);
                var stats = await Data.Lineage.LineageStore.RebuildAsync(context, token);
                Console.Out.WriteLine($"run {i + 1}: {stats.Paragraphs} paragraphs, {stats.Candidates} candidate pairs, {stats.Links} links, {stats.Elapsed.TotalSeconds:0.0} s");
                await transaction.RollbackAsync(token);
            }

            return 0;
        });

        var sample = new Option<string>("--sample") { Description = "the voting data sample to copy", DefaultValueFactory = _ => "../shared/data/undl-ga-voting-75-77.csv" };
        var output = new Option<string>("--out") { Description = "the CSV file to write", Required = true };
        var votes = new Option<int>("--votes") { Description = "recorded votes to write (the GA's history has about 6,700)", DefaultValueFactory = _ => 6_700 };
        var votingData = new Command("voting-data", "Write a voting data file of the GA history's size from the sample (docs/performance.md \"Voting at scale\")") { sample, output, votes };
        votingData.SetAction(result =>
        {
            var (written, rows) = VotingDataGenerator.Write(result.GetValue(sample)!, result.GetValue(output)!, Math.Max(1, result.GetValue(votes)));
            Console.Out.WriteLine($"{written} votes, {rows} rows: {result.GetValue(output)}");
            return 0;
        });

        var root = new RootCommand("ResolutionArchive benchmarks (docs/performance.md)") { search, lineage, votingData };
        return await root.Parse(args).InvokeAsync();
    }
}
