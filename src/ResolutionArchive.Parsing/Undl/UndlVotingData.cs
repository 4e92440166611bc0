using System.Globalization;
using System.IO.Compression;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;
using ResolutionArchive.Parsing.Countries;
using ResolutionArchive.Parsing.Diagnostics;

namespace ResolutionArchive.Parsing.Undl;

/// <summary>
/// One recorded vote read from the UN Digital Library's bulk voting data (docs/input-formats.md §11): the rows of one
/// resolution, read into a record of its metadata and vote, and those rows as the source the archive keeps.
/// </summary>
/// <param name="Symbol">The resolution's symbol as the file gives it (<c>A/RES/75/4</c>), trimmed; empty when missing.</param>
/// <param name="Line">The 1-based line of the vote's first row in the file.</param>
/// <param name="Result">The record (metadata and vote, no text), or the errors that refused it, plus warnings; every
/// diagnostic names the file and the line of the row it is about.</param>
/// <param name="Excerpt">The file's header line and this vote's rows, exactly as read, gzip-compressed (RFC 1952): the
/// source the archive stores for the record (<see cref="UndlVotingData.ReadExcerpt"/> reads it back; §11.2).</param>
public sealed record UndlVote(string Symbol, int Line, ParseResult Result, byte[] Excerpt);

/// <summary>
/// Reads the UN Digital Library's bulk CSV "United Nations General Assembly Voting Data" (Dag Hammarskjöld Library,
/// digitallibrary.un.org record 4060887; docs/input-formats.md §11): one row per member state and recorded vote, read
/// by column name (§11.1), streamed vote by vote (§11.2). Never throws on bad input: a missing column refuses the file
/// at line 1, a bad row refuses its vote with <c>FILE:LINE: what was expected</c>, and the other votes are read.
/// </summary>
public static class UndlVotingData
{
    /// <summary>The columns a file must have (§11.1); the others are read when present.</summary>
    public static IReadOnlyList<string> RequiredColumns { get; } = ["resolution", "ms_code", "ms_name", "ms_vote", "date"];

    /// <summary>The largest vote excerpt read back (<see cref="ReadExcerpt"/>), uncompressed: 16 MiB, far above the 193 rows of a vote.</summary>
    public const int MaxExcerptBytes = 16 * 1024 * 1024;

    /// <summary>
    /// True for the Library's bulk data (§11.1): a gzip stream (a stored vote excerpt), or text whose first line, after a
    /// byte order mark, is a CSV header naming the columns <c>ms_vote</c> and <c>resolution</c>.
    /// </summary>
    public static bool LooksLikeVotingData(ReadOnlySpan<byte> bytes)
    {
        if (IsGzip(bytes))
        {
            return true;
        }

        var head = Encoding.UTF8.GetString(bytes[..Math.Min(bytes.Length, 4096)]).TrimStart('\uFEFF');
        var end = head.IndexOfAny(['\r', '\n']);
        var header = (end < 0 ? head : head[..end]).Split(',').Select(c => c.Trim().Trim('"').ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        return header.Contains("ms_vote") && header.Contains("resolution");
    }

    /// <summary>
    /// Reads the file vote by vote, yielding each vote when its rows end (§11.2: a vote's rows stand together; rows of a
    /// vote that come back after another vote's are refused, since the vote has already been read).
    /// </summary>
    /// <param name="reader">The file's text (UTF-8; a byte order mark is skipped).</param>
    /// <param name="file">The name diagnostics give.</param>
    /// <param name="registry">The country registry; the embedded one by default.</param>
    /// <returns>The votes in file order. A file without the required columns yields one refused vote at line 1.</returns>
    public static IEnumerable<UndlVote> Read(TextReader reader, string file, CountryRegistry? registry = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        registry ??= CountryRegistry.Default;
        var configuration = new CsvConfiguration(CultureInfo.InvariantCulture) { BadDataFound = null, DetectColumnCountChanges = false };
        using var parser = new CsvParser(reader, configuration);
        if (!parser.Read())
        {
            yield return Refused("", 1, file, "expected the header row of the Library's voting data, found an empty file");
            yield break;
        }

        var headerRaw = parser.RawRecord.TrimEnd('\r', '\n');
        var columns = UndlColumns.Of(parser.Record!);
        if (columns.Missing(RequiredColumns) is { Count: > 0 } missing)
        {
            yield return Refused("", 1, file, $"expected the columns {string.Join(", ", RequiredColumns)} of the Library's voting data (read by name), found no {string.Join(", ", missing)}");
            yield break;
        }

        var finished = new HashSet<string>(StringComparer.Ordinal);
        UndlVoteBuilder? current = null;
        while (parser.Read())
        {
            var record = parser.Record!;
            var line = parser.RawRow;
            var symbol = columns.Get(record, "resolution");
            if (current is not null && current.Symbol != symbol)
            {
                finished.Add(current.Symbol);
                yield return current.Build(headerRaw, registry);
                current = null;
            }

            if (current is null)
            {
                current = new UndlVoteBuilder(symbol, line, file, columns);
                if (finished.Contains(symbol))
                {
                    current.Error(line, $"expected the rows of {symbol} together (the Library's file lists each vote's rows in one block), found more of them after another vote's; these rows are not read");
                }
            }

            current.Add(record, parser.RawRecord, line);
        }

        if (current is not null)
        {
            yield return current.Build(headerRaw, registry);
        }
    }

    /// <summary>
    /// Reads a stored vote excerpt (<see cref="UndlVote.Excerpt"/>, or the same rows as plain CSV): exactly one vote is
    /// expected (§11.2). The line numbers are the excerpt's (the header is line 1).
    /// </summary>
    public static ParseResult ReadExcerpt(byte[] bytes, string file, CountryRegistry? registry = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (TextOf(bytes) is not { } text)
        {
            return new ParseResult(null, [new ParseDiagnostic(file, 1, $"expected a gzip stream of at most {MaxExcerptBytes:N0} bytes of the Library's voting data, found a damaged or larger one")]);
        }

        using var reader = new StringReader(text);
        var votes = Read(reader, file, registry).Take(2).ToList();
        return votes.Count switch
        {
            1 => votes[0].Result,
            0 => new ParseResult(null, [new ParseDiagnostic(file, 2, "expected the rows of one recorded vote, found none")]),
            _ => new ParseResult(null, [new ParseDiagnostic(file, votes[1].Line, $"expected the rows of one recorded vote, found another ({votes[1].Symbol}); a file of many votes is imported with `import`, which reads it vote by vote")]),
        };
    }

    /// <summary>
    /// The text of a source: a gzip stream decompressed (at most <see cref="MaxExcerptBytes"/>; null when damaged or
    /// larger), anything else decoded as UTF-8 with a byte order mark removed.
    /// </summary>
    public static string? TextOf(byte[] bytes)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        if (!IsGzip(bytes))
        {
            return new UTF8Encoding(false, false).GetString(bytes).TrimStart('\uFEFF');
        }

        try
        {
            using var gzip = new GZipStream(new MemoryStream(bytes), CompressionMode.Decompress);
            using var buffer = new MemoryStream();
            var chunk = new byte[81920];
            int read;
            while ((read = gzip.Read(chunk, 0, chunk.Length)) > 0)
            {
                buffer.Write(chunk, 0, read);
                if (buffer.Length > MaxExcerptBytes)
                {
                    return null; // a decompression bomb is not read
                }
            }

            return new UTF8Encoding(false, false).GetString(buffer.GetBuffer(), 0, (int)buffer.Length).TrimStart('\uFEFF');
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>Compresses <paramref name="text"/> (UTF-8) as the archive stores a vote excerpt: gzip, deterministic.</summary>
    public static byte[] Compress(string text)
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(text));
        }

        return buffer.ToArray();
    }

    private static bool IsGzip(ReadOnlySpan<byte> bytes) => bytes.Length >= 2 && bytes[0] == 0x1f && bytes[1] == 0x8b;

    private static UndlVote Refused(string symbol, int line, string file, string message) =>
        new(symbol, line, new ParseResult(null, [new ParseDiagnostic(file, line, message)]), []);
}
