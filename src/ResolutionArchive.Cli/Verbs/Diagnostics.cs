using ResolutionArchive.Parsing.Diagnostics;

namespace ResolutionArchive.Cli.Verbs;

/// <summary>Diagnostics as the verbs print them: one escaped line each on standard error.</summary>
internal static class Diagnostics
{
    public static void Write(IEnumerable<ParseDiagnostic> diagnostics, TextWriter error)
    {
        foreach (var diagnostic in diagnostics)
        {
            error.WriteLine(ConsoleText.Escape(diagnostic.ToString()));
        }
    }
}
