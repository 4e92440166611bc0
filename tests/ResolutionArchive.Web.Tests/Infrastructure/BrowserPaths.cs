namespace ResolutionArchive.Web.Tests.Infrastructure;

/// <summary>Paths of the repository that the checkers and browser tests use.</summary>
public static class BrowserPaths
{
    /// <summary>The folder holding <c>ResolutionArchive.sln</c>, found from the test binaries upwards.</summary>
    public static string RepositoryRoot
    {
        get
        {
            var folder = new DirectoryInfo(AppContext.BaseDirectory);
            while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "ResolutionArchive.sln")))
            {
                folder = folder.Parent;
            }

            return folder?.FullName ?? throw new InvalidOperationException($"no ResolutionArchive.sln above {AppContext.BaseDirectory}");
        }
    }
}
