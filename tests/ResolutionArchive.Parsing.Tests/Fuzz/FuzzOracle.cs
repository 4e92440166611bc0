using System.Collections.Concurrent;
using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using ResolutionArchive.Parsing.Akn;
using ResolutionArchive.Parsing.Diagnostics;
using ResolutionArchive.Parsing.Serialization;

namespace ResolutionArchive.Parsing.Tests.Fuzz;

/// <summary>One generated input: where it came from (a seed, a sample, random), how it was made, and its bytes.</summary>
/// <param name="Origin">The seed or sample it was made from, or the kind of random input.</param>
/// <param name="Recipe">The mutations applied, in order (enough to rebuild it by hand).</param>
/// <param name="Bytes">The input as fed to the reader.</param>
internal sealed record FuzzCase(string Origin, string Recipe, byte[] Bytes)
{
    /// <summary>How CsCheck prints a case: origin, recipe, size and the start of the bytes (not the whole input).</summary>
    public override string ToString()
    {
        var head = Encoding.UTF8.GetString(Bytes, 0, Math.Min(Bytes.Length, 160)).ReplaceLineEndings("⏎");
        return $"{Origin} [{Recipe}] {Bytes.Length} bytes, starting “{head}”";
    }
}

/// <summary>A property violated by the reader on a generated input (the message names the input and where it was saved).</summary>
public sealed class FuzzFindingException : Exception
{
    public FuzzFindingException()
    {
    }

    public FuzzFindingException(string message)
        : base(message)
    {
    }

    public FuzzFindingException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// The property every input must satisfy, and the counts of a run. <see cref="ResolutionSourceReader.Read"/> must not
/// throw and must finish within <see cref="PerInputLimit"/>; it returns a record with no error or no record with at
/// least one error; every diagnostic prints as <c>FILE:LINE: …</c> with LINE ≥ 1; and a record serialises with
/// <see cref="ResolutionJson.Serialize"/>. A violating input is written to a file under the temporary folder (named in
/// the failure) so that it can be replayed byte for byte. Thread-safe: CsCheck samples on several threads.
/// </summary>
internal sealed class FuzzOracle
{
    /// <summary>
    /// The most one input may take. Generous: the largest inputs are ~1 MB, most take a few milliseconds, and on a CI
    /// machine running every test project at once a garbage collection or a starved thread can stall one for seconds.
    /// </summary>
    public static readonly TimeSpan PerInputLimit = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<int, (FuzzCase Case, long Started)> _running = new();
    private readonly ConcurrentDictionary<string, int[]> _byOrigin = new(StringComparer.Ordinal);
    private int _inputs;
    private int _parsed;
    private int _rejected;
    private int _akn;
    private long _slowestTicks;
    private string _slowest = "";

    public int Inputs => _inputs;

    public int Parsed => _parsed;

    public int Rejected => _rejected;

    /// <summary>How many inputs the content sniffing sent to the AKN reader (the rest went to the text parser).</summary>
    public int RoutedToAkn => _akn;

    public TimeSpan Slowest => TimeSpan.FromTicks(Interlocked.Read(ref _slowestTicks));

    /// <summary>The folder violating inputs are saved to.</summary>
    public static string FindingsFolder => Path.Combine(Path.GetTempPath(), "resolution-archive-parser-fuzz");

    /// <summary>Checks one input; throws <see cref="FuzzFindingException"/> when it violates the property.</summary>
    public void Check(FuzzCase input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var file = "fuzz-" + input.Origin;
        var thread = Environment.CurrentManagedThreadId;
        _running[thread] = (input, Stopwatch.GetTimestamp());
        ParseResult result;
        var started = Stopwatch.GetTimestamp();
        try
        {
            result = ResolutionSourceReader.Read(input.Bytes, file);
        }
#pragma warning disable CA1031 // the point of the test: any exception is a finding, reported with its input
        catch (Exception e)
#pragma warning restore CA1031
        {
            throw Finding(input, $"{e.GetType().Name} thrown by ResolutionSourceReader.Read", e);
        }
        finally
        {
            _running.TryRemove(thread, out _);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        Record(input, elapsed);
        if (elapsed > PerInputLimit)
        {
            throw Finding(input, $"took {elapsed.TotalSeconds:0.0} s (limit {PerInputLimit.TotalSeconds:0} s)");
        }

        if (Problem(result, file) is { } problem)
        {
            throw Finding(input, problem + ": " + string.Join(" | ", result.Diagnostics.Take(5)));
        }

        if (result.Resolution is { } resolution)
        {
            try
            {
                ResolutionJson.Serialize(resolution).Should().NotBeNullOrEmpty();
            }
#pragma warning disable CA1031 // as above
            catch (Exception e)
#pragma warning restore CA1031
            {
                throw Finding(input, $"{e.GetType().Name} thrown by ResolutionJson.Serialize on the record read", e);
            }
        }

        var routedToAkn = ResolutionSourceReader.FormatOf(input.Bytes) == "akn";
        Interlocked.Increment(ref _inputs);
        Interlocked.Increment(ref result.Succeeded ? ref _parsed : ref _rejected);
        if (routedToAkn)
        {
            Interlocked.Increment(ref _akn);
        }

        var counts = _byOrigin.GetOrAdd(Category(input.Origin), _ => new int[2]);
        Interlocked.Increment(ref counts[result.Succeeded ? 0 : 1]);
    }

    /// <summary>
    /// Checks the AKN reader on its own (for inputs the sniffing sends to the text parser, such as those with a DTD): the
    /// same property as <see cref="Check"/>.
    /// </summary>
    public static ParseResult CheckAknReader(FuzzCase input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var file = "fuzz-akn-" + input.Origin;
        ParseResult result;
        var started = Stopwatch.GetTimestamp();
        try
        {
            result = AknResolutionReader.Read(input.Bytes, file);
        }
#pragma warning disable CA1031 // as above
        catch (Exception e)
#pragma warning restore CA1031
        {
            throw Finding(input, $"{e.GetType().Name} thrown by AknResolutionReader.Read", e);
        }

        var elapsed = Stopwatch.GetElapsedTime(started);
        if (elapsed > PerInputLimit)
        {
            throw Finding(input, $"AknResolutionReader.Read took {elapsed.TotalSeconds:0.0} s (limit {PerInputLimit.TotalSeconds:0} s)");
        }

        if (Problem(result, file) is { } problem)
        {
            throw Finding(input, "AknResolutionReader.Read: " + problem);
        }

        return result;
    }

    /// <summary>The inputs being read now, with how long each has run: what to report when a run does not finish.</summary>
    public IReadOnlyList<string> Running() =>
        [.. _running.Values.Select(r => $"{Stopwatch.GetElapsedTime(r.Started).TotalSeconds:0.0} s: {r.Case} (saved to {Save(r.Case)})")];

    /// <summary>One line of counts, then one per origin category.</summary>
    public IEnumerable<string> Report(string name)
    {
        yield return $"{name}: {Inputs} inputs, {Parsed} parsed into a record, {Rejected} rejected with an error; {RoutedToAkn} read as AKN, {Inputs - RoutedToAkn} as text; slowest {Slowest.TotalMilliseconds:0} ms ({_slowest})";
        foreach (var (origin, counts) in _byOrigin.OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            yield return $"  {origin,-28} {counts[0],6} parsed {counts[1],6} rejected";
        }
    }

    /// <summary>Null when <paramref name="result"/> keeps the reader's contract; otherwise what is wrong with it.</summary>
    public static string? Problem(ParseResult result, string file)
    {
        ArgumentNullException.ThrowIfNull(result);
        if (result.Diagnostics is null)
        {
            return "no diagnostics list";
        }

        foreach (var d in result.Diagnostics)
        {
            if (d.File != file)
            {
                return $"a diagnostic for the file '{d.File}', not '{file}'";
            }

            if (d.Line < 1)
            {
                return $"a diagnostic at line {d.Line}: {d}";
            }

            if (string.IsNullOrWhiteSpace(d.Message))
            {
                return "a diagnostic without a message";
            }

            if (!d.ToString().StartsWith($"{file}:{d.Line}: ", StringComparison.Ordinal))
            {
                return $"a diagnostic not printed as FILE:LINE: message: {d}";
            }
        }

        if (result.Resolution is null)
        {
            return result.Errors.Any() ? null : "neither a record nor an error";
        }

        return result.Errors.Any() ? "a record despite an error" : null;
    }

    private void Record(FuzzCase input, TimeSpan elapsed)
    {
        var ticks = elapsed.Ticks;
        long current;
        while (ticks > (current = Interlocked.Read(ref _slowestTicks)))
        {
            if (Interlocked.CompareExchange(ref _slowestTicks, ticks, current) == current)
            {
                _slowest = $"{input.Origin} [{Shorten(input.Recipe)}] {input.Bytes.Length} bytes";
                break;
            }
        }
    }

    /// <summary>The origin without its file detail: <c>seed 002</c> → <c>seed</c>, <c>akn 75_17_C</c> → <c>akn</c>, <c>akn export-000</c> → <c>akn export</c>, <c>random bytes</c>.</summary>
    private static string Category(string origin)
    {
        if (origin.StartsWith("akn export-", StringComparison.Ordinal))
        {
            return "akn export";
        }

        var space = origin.IndexOf(' ', StringComparison.Ordinal);
        return origin.StartsWith("random", StringComparison.Ordinal) || space < 0 ? origin : origin[..space];
    }

    private static FuzzFindingException Finding(FuzzCase input, string what, Exception? inner = null)
    {
        var message = $"{what}\n  input: {input}\n  saved to: {Save(input)}";
        if (inner is not null)
        {
            message += $"\n  exception: {inner}";
        }

        return inner is null ? new FuzzFindingException(message) : new FuzzFindingException(message, inner);
    }

    /// <summary>Writes the input to <see cref="FindingsFolder"/> under its SHA-256; returns the path.</summary>
    private static string Save(FuzzCase input)
    {
        try
        {
            Directory.CreateDirectory(FindingsFolder);
            var path = Path.Combine(FindingsFolder, Convert.ToHexStringLower(SHA256.HashData(input.Bytes))[..16] + ".bin");
            File.WriteAllBytes(path, input.Bytes);
            File.WriteAllText(Path.ChangeExtension(path, ".txt"), $"{input.Origin}\n{input.Recipe}\n");
            return path;
        }
        catch (IOException e)
        {
            return $"(not saved: {e.Message})";
        }
    }

    private static string Shorten(string text) => text.Length <= 120 ? text : text[..120] + "…";
}
