namespace ResolutionArchive.Benchmarks;

/// <summary>What <c>search</c> was asked to do.</summary>
internal sealed record SearchBenchmarkOptions(
    IReadOnlyList<string> Corpus,
    IReadOnlyList<string> Seeds,
    int MinParagraphs,
    string Database,
    bool Reuse,
    int Warmups,
    int Runs,
    string Rare);

/// <summary>One query of the table and its three series (milliseconds).</summary>
internal sealed record QueryMeasurement(
    string Query,
    string Note,
    int Matches,
    int LikeMatches,
    Series Cold,
    Series Cached,
    Series Like,
    Series Grouped);

/// <summary>The timings of one series, in milliseconds, sorted.</summary>
internal sealed class Series(IEnumerable<double> milliseconds)
{
    private readonly double[] _sorted = [.. milliseconds.Order()];

    public int Count => _sorted.Length;

    public double P50 => Percentile(0.50);

    public double P95 => Percentile(0.95);

    public double Min => _sorted[0];

    public double Max => _sorted[^1];

    /// <summary>Nearest-rank percentile: the smallest timing with at least <paramref name="p"/> of the runs at or below it.</summary>
    public double Percentile(double p) => _sorted[Math.Clamp((int)Math.Ceiling(p * _sorted.Length) - 1, 0, _sorted.Length - 1)];
}
