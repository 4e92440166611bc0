using System.Text;
using ResolutionArchive.Parsing.Diagnostics;

namespace ResolutionArchive.Parsing.Tests;

/// <summary>
/// The seeds (copied to <c>seeds/</c> by tests/Directory.Build.props) and the spec files (copied to <c>Specs/</c>),
/// read from the test output folder, plus a shorthand for parsing text.
/// </summary>
internal static class TestInput
{
    /// <summary>The five seed ids: the first three characters of each seed's file name.</summary>
    public static readonly string[] SeedIds = ["000", "001", "002", "003", "004"];

    public static string SeedDirectory => Path.Combine(AppContext.BaseDirectory, "seeds");

    public static string SpecDirectory => Path.Combine(AppContext.BaseDirectory, "Specs");

    /// <summary>The seed whose file name starts with <paramref name="id"/> (seeds/000_fdbdfb9c0cd91f61.txt).</summary>
    public static string SeedPath(string id) => Directory.GetFiles(SeedDirectory, $"{id}_*.txt").Single();

    public static string SeedFileName(string id) => Path.GetFileName(SeedPath(id));

    public static byte[] SeedBytes(string id) => File.ReadAllBytes(SeedPath(id));

    /// <summary>The seed as text, exactly as stored (the seeds have LF line ends and no BOM).</summary>
    public static string SeedText(string id) => Encoding.UTF8.GetString(SeedBytes(id));

    public static ParseResult ParseSeed(string id) => ResolutionTextParser.Parse(SeedBytes(id), SeedFileName(id));

    /// <summary>Parses <paramref name="text"/> as the UTF-8 bytes of a file named <paramref name="file"/>.</summary>
    public static ParseResult Parse(string text, string file = "test.txt") =>
        ResolutionTextParser.Parse(Encoding.UTF8.GetBytes(text), file);

    /// <summary>
    /// <paramref name="text"/> with <paramref name="oldValue"/> replaced; fails when it does not occur exactly once, so a
    /// transformation can never silently do nothing.
    /// </summary>
    public static string ReplaceOnce(this string text, string oldValue, string newValue)
    {
        var first = text.IndexOf(oldValue, StringComparison.Ordinal);
        first.Should().BeGreaterThanOrEqualTo(0, "the text to replace ({0}) must occur in the input", oldValue);
        text.IndexOf(oldValue, first + 1, StringComparison.Ordinal).Should().Be(-1, "the text to replace ({0}) must occur only once", oldValue);
        return string.Concat(text.AsSpan(0, first), newValue, text.AsSpan(first + oldValue.Length));
    }

    /// <summary>The 1-based number of the line of <paramref name="text"/> (LF line ends) that contains <paramref name="value"/>.</summary>
    public static int LineOf(this string text, string value)
    {
        var index = text.IndexOf(value, StringComparison.Ordinal);
        index.Should().BeGreaterThanOrEqualTo(0, "{0} must occur in the input", value);
        return text.AsSpan(0, index).Count('\n') + 1;
    }
}
