using System.Text;
using ResolutionArchive.Data.Import;

namespace ResolutionArchive.Data.Tests;

/// <summary>The five seed texts, copied byte for byte to <c>seeds/</c> in the output folder by tests/Directory.Build.props.</summary>
internal static class Seeds
{
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "seeds");

    public static IReadOnlyList<string> Prefixes { get; } = ["000", "001", "002", "003", "004"];

    public static string PathOf(string prefix) =>
        Directory.GetFiles(Folder, $"{prefix}_*.txt").Should().ContainSingle($"seed {prefix} is copied to the output folder").Subject;

    public static ImportSource Source(string prefix) => ImportSource.FromFile(PathOf(prefix));

    /// <summary>Seed <paramref name="prefix"/> as text with <paramref name="oldValue"/> replaced (which must occur).</summary>
    public static ImportSource Edited(string prefix, string oldValue, string newValue)
    {
        var text = File.ReadAllText(PathOf(prefix), Encoding.UTF8);
        text.Should().Contain(oldValue, "the edit must change the seed");
        return new ImportSource($"edited-{prefix}.txt", Encoding.UTF8.GetBytes(text.Replace(oldValue, newValue, StringComparison.Ordinal)));
    }

    public static TheoryData<string> All() => new(Prefixes);
}
