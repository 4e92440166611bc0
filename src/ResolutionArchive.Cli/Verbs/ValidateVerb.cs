using ResolutionArchive.Data.Import;
using ResolutionArchive.Parsing;

namespace ResolutionArchive.Cli.Verbs;

/// <summary>The verb validate: reads files without writing anything (docs/cli.md "validate").</summary>
internal static class ValidateVerb
{
    public static int Run(string[] paths, TextWriter output, TextWriter error)
    {
        var failed = 0;
        var files = InputFiles.Expand(paths, error, out var missing);
        foreach (var file in files)
        {
            var (source, unreadable) = InputFile.Read(file);
            if (source is null)
            {
                error.WriteLine(ConsoleText.Escape(unreadable!.ToString()));
                failed++;
                continue;
            }

            var result = ResolutionSourceReader.Read(source.Bytes, source.Name);
            Diagnostics.Write(result.Diagnostics, error);
            if (result.Succeeded)
            {
                output.WriteLine(ConsoleText.Escape($"{file}: valid ({result.Resolution!.Symbol ?? result.Resolution.Number})"));
            }
            else
            {
                failed++;
            }
        }

        output.WriteLine($"{files.Count - failed} valid, {failed} invalid");
        return failed > 0 || missing ? 1 : 0;
    }
}
