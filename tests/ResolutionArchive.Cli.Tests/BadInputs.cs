using System.Text;

namespace ResolutionArchive.Cli.Tests;

/// <summary>Files that are not valid resolutions, each rejected with a <c>FILE:LINE:</c> diagnostic.</summary>
internal static class BadInputs
{
    public static TheoryData<string> Kinds() => new("not a resolution", "truncated", "binary", "unplaced heading line");

    public static byte[] Bytes(string kind)
    {
        var seed = File.ReadAllBytes(TempFolder.Seed("000"));
        var text = Encoding.UTF8.GetString(seed);
        return kind switch
        {
            "not a resolution" => Encoding.UTF8.GetBytes("Minutes of a meeting.\nNothing here is a resolution.\n"),
            "truncated" => Encoding.UTF8.GetBytes(string.Join('\n', text.Split('\n').Take(40))),
            "binary" => [.. seed.Take(200), 0, 0, 0, .. seed.Skip(200)],
            // input-formats §2.6: a heading line that no rule places is an error (an unknown name is only a warning)
            "unplaced heading line" => Encoding.UTF8.GetBytes(Replace(text, "第四十六届会议", "第四十六届会议\n\n这一行不属于任何标题字段")),
            "unknown country" => Encoding.UTF8.GetBytes(Replace(text, "阿根廷、", "阿特兰蒂斯、")),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "no such bad input"),
        };
    }

    private static string Replace(string text, string oldValue, string newValue)
    {
        text.Should().Contain(oldValue);
        return text.Replace(oldValue, newValue, StringComparison.Ordinal);
    }
}
