namespace ResolutionArchive.Cli;

/// <summary>
/// Expands the PATH arguments: files as given, folders searched recursively for .txt, .md and .xml files (the file's
/// content, not its name, then decides how it is read).
/// </summary>
internal static class InputFiles
{
    private static readonly string[] Extensions = [".txt", ".md", ".xml"];

    public static List<string> Expand(IEnumerable<string> paths, TextWriter error, out bool missing)
    {
        missing = false;
        var files = new List<string>();
        foreach (var path in paths)
        {
            if (File.Exists(path))
            {
                files.Add(path);
            }
            else if (Directory.Exists(path))
            {
                files.AddRange(Directory.EnumerateFiles(path, "*", SearchOption.AllDirectories)
                    .Where(f => Extensions.Contains(Path.GetExtension(f), StringComparer.OrdinalIgnoreCase) && !Path.GetFileName(f).Equals("README.md", StringComparison.OrdinalIgnoreCase))
                    .Order(StringComparer.Ordinal));
            }
            else
            {
                error.WriteLine(ConsoleText.Escape($"{path}:1: expected a file or a folder, found nothing at that path"));
                missing = true;
            }
        }

        return files;
    }
}
