namespace ResolutionArchive.Testing;

/// <summary>Folders the tests find by walking up from their binaries: the repository and <c>../shared</c> beside it.</summary>
public static class RepositoryPaths
{
    /// <summary>The folder holding <c>ResolutionArchive.sln</c>.</summary>
    /// <exception cref="InvalidOperationException">There is none above the test binaries.</exception>
    public static string Root { get; } = Above(dir => File.Exists(Path.Combine(dir, "ResolutionArchive.sln")))
        ?? throw new InvalidOperationException($"no ResolutionArchive.sln above {AppContext.BaseDirectory}");

    /// <summary>
    /// <c>shared/<paramref name="path"/></c> in the nearest folder above the tests that has it (the repository is cloned
    /// beside <c>shared/</c>): a folder such as <c>corpus/unxml-ga</c> or <c>schemas</c>; null when there is none.
    /// </summary>
    public static string? Shared(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Above(dir => Directory.Exists(Path.Combine(dir, "shared", path))) is { } found ? Path.Combine(found, "shared", path) : null;
    }

    private static string? Above(Func<string, bool> holds)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (holds(dir.FullName))
            {
                return dir.FullName;
            }
        }

        return null;
    }
}
