namespace ResolutionArchive.Web.Tests.Infrastructure;

/// <summary>
/// A test class whose every test gets a site of its own over a new database (davidfowl/TodoApi's pattern: xunit makes
/// one instance per test), for tests that write or that change settings. Disposing the instance deletes the database.
/// Tests that only read share a site instead (<see cref="SampleArchive"/>, <see cref="SearchArchive"/>).
/// </summary>
public abstract class OwnSiteTests : IDisposable
{
    /// <summary>This test's site, seeded on first use with the five seed texts.</summary>
    protected ArchiveApplication App { get; } = new();

    /// <inheritdoc />
    public void Dispose()
    {
        App.Dispose();
        GC.SuppressFinalize(this);
    }
}
