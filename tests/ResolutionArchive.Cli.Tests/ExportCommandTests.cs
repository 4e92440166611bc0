namespace ResolutionArchive.Cli.Tests;

public sealed class ExportCommandTests
{
    [Theory]
    [InlineData("A/RES/76/159", "003")]
    [InlineData("76/159", "003")]
    [InlineData("A/HRC/RES/46/13", "000")]
    public async Task ExportsAStoredResolutionAsTheJsonThatParsePrints(string key, string seed)
    {
        using var folder = new TempFolder();
        var db = folder.File("archive.sqlite");
        (await CliRun.RunAsync("import", folder.CopySeeds(), "--db", db)).ExitCode.Should().Be(0);

        var export = await CliRun.RunAsync("export", key, "--format", "json", "--db", db);
        var parse = await CliRun.RunAsync("parse", TempFolder.Seed(seed));

        export.ExitCode.Should().Be(0, export.ToString());
        export.Output.Should().Be(parse.Output);
    }

    [Fact]
    public async Task WritesTheExportToAFileWithOutput()
    {
        using var folder = new TempFolder();
        var db = folder.File("archive.sqlite");
        await CliRun.RunAsync("import", folder.CopySeeds(), "--db", db);
        var target = folder.File("46-13.json");

        var run = await CliRun.RunAsync("export", "A/HRC/RES/46/13", "--output", target, "--db", db);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Output.Should().BeEmpty();
        (await File.ReadAllTextAsync(target)).Should().Be((await CliRun.RunAsync("parse", TempFolder.Seed("000"))).Output.TrimEnd('\n'));
    }

    [Fact]
    public async Task ReportsAnUnknownSymbolAndAMissingDatabaseWithExitCodeOne()
    {
        using var folder = new TempFolder();
        var db = folder.File("archive.sqlite");

        var missing = await CliRun.RunAsync("export", "A/RES/76/159", "--db", db);
        File.Exists(db).Should().BeFalse("a failed export creates no database");
        await CliRun.RunAsync("import", folder.CopySeeds(), "--db", db);
        var unknown = await CliRun.RunAsync("export", "A/RES/99/999", "--db", db);

        missing.ExitCode.Should().Be(1);
        missing.Error.Should().Contain("expected an archive database");
        unknown.ExitCode.Should().Be(1);
        unknown.Error.Should().StartWith("A/RES/99/999: expected the symbol, key or number of a stored resolution");
    }

    [Fact]
    public async Task ExportsAStoredResolutionAsAknThatValidatesAgainstTheSchema()
    {
        using var folder = new TempFolder();
        var db = folder.File("archive.sqlite");
        await CliRun.RunAsync("import", folder.CopySeeds(), "--db", db);

        var run = await CliRun.RunAsync("export", "A/RES/76/159", "--format", "akn", "--db", db);

        run.ExitCode.Should().Be(0, run.ToString());
        run.Output.Should().StartWith("<?xml").And.Contain("<statement name=\"resolution\"");
        ResolutionArchive.Parsing.Akn.AknSchema.Validate(run.Output.TrimEnd('\n')).Should().BeEmpty();
    }
}
