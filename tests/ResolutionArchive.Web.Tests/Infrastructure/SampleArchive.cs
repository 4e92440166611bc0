using ResolutionArchive.Data.Import;

namespace ResolutionArchive.Web.Tests.Infrastructure;

/// <summary>
/// The site over the five seeds and the vendored AKN sample (17 General Assembly resolutions of sessions 75 and 76, one
/// of them the record of seed 003): 21 records — GA 75 (13), GA 76 (4), HRC 37, 43 (the draft), 46 and 53; 9 recorded
/// votes, 11 adopted without a vote, 1 not stated; adopted in 2018 (1), 2020 (7), 2021 (10), 2022 (1), 2023 (1).
/// </summary>
public sealed class SampleArchive : IAsyncLifetime
{
    /// <summary>The site.</summary>
    public ArchiveApplication App { get; } = new();

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        await ImportSampleAsync(App);
    }

    /// <summary>
    /// Imports the 17 vendored AKN files (<c>Akn/Sample</c>, from the parser tests) into <paramref name="app"/>'s
    /// archive, after the site has started and imported its seeds.
    /// </summary>
    public static async Task ImportSampleAsync(ArchiveApplication app)
    {
        _ = app.Server; // the site starts and imports its seeds first
        await using var db = app.CreateDbContext();
        var importer = new ResolutionImporter(db);
        foreach (var file in Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "Akn", "Sample"), "*.xml"))
        {
            (await importer.ImportAsync(ImportSource.FromFile(file))).Status.Should().BeOneOf(ImportStatus.Imported, ImportStatus.Enriched);
        }
    }

    /// <inheritdoc />
    public ValueTask DisposeAsync()
    {
        App.Dispose();
        return ValueTask.CompletedTask;
    }
}
