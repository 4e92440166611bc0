using ResolutionArchive.Data.Import;
using ResolutionArchive.Parsing;
using ResolutionArchive.Parsing.Serialization;

namespace ResolutionArchive.Cli.Verbs;

/// <summary>The verb parse: reads one file and prints its record as JSON (docs/cli.md "parse").</summary>
internal static class ParseVerb
{
    public static int Run(FileInfo file, TextWriter output, TextWriter error)
    {
        if (!file.Exists)
        {
            error.WriteLine(ConsoleText.Escape($"{file}:1: expected a readable file, found none"));
            return 1;
        }

        var (source, unreadable) = InputFile.Read(file.ToString());
        if (source is null)
        {
            error.WriteLine(ConsoleText.Escape(unreadable!.ToString()));
            return 1;
        }

        var result = ResolutionSourceReader.Read(source.Bytes, source.Name);
        Diagnostics.Write(result.Diagnostics, error);
        if (result.Resolution is null)
        {
            return 1;
        }

        output.WriteLine(ResolutionJson.Serialize(result.Resolution));
        return 0;
    }
}
