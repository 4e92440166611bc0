using System.Globalization;
using System.Text.RegularExpressions;
using CsvHelper;
using CsvHelper.Configuration;

namespace ResolutionArchive.Benchmarks;

/// <summary>
/// Writes a voting data file of the whole General Assembly history's size from the sample of sessions 75–77
/// (docs/performance.md "Voting at scale"): the sample's votes copied until there are <c>votes</c> of them, copy
/// <i>k</i> of session <i>s</i> moved to session <c>s − 74 + 3k</c> (so the copies number sessions 1, 2, 3, … with no
/// symbol twice) and its date by as many years; every other column as in the sample. Columns are kept by name, in the
/// sample's order.
/// </summary>
internal static partial class VotingDataGenerator
{
    /// <summary>Writes the file; returns the votes and rows written.</summary>
    public static (int Votes, int Rows) Write(string sample, string output, int votes)
    {
        var rows = ReadSample(sample, out var header);
        var bySymbol = rows.GroupBy(r => r[header["resolution"]]).ToList();
        using var writer = new StreamWriter(output);
        using var csv = new CsvWriter(writer, new CsvConfiguration(CultureInfo.InvariantCulture) { NewLine = "\n" });
        foreach (var name in header.OrderBy(h => h.Value).Select(h => h.Key))
        {
            csv.WriteField(name);
        }

        csv.NextRecord();
        int written = 0, rowCount = 0;
        for (var copy = 0; written < votes; copy++)
        {
            foreach (var vote in bySymbol)
            {
                if (written == votes)
                {
                    break;
                }

                foreach (var row in vote)
                {
                    var session = int.Parse(row[header["session"]], CultureInfo.InvariantCulture);
                    var target = session - 74 + (3 * copy);
                    var shifted = (string[])row.Clone();
                    shifted[header["session"]] = target.ToString(CultureInfo.InvariantCulture);
                    foreach (var column in new[] { "resolution", "draft", "meeting", "committee_report" })
                    {
                        if (header.TryGetValue(column, out var i))
                        {
                            shifted[i] = SessionInSymbol().Replace(shifted[i], m => m.Groups[1].Value + target.ToString(CultureInfo.InvariantCulture) + "/");
                        }
                    }

                    var date = DateOnly.ParseExact(row[header["date"]], "yyyy-MM-dd", CultureInfo.InvariantCulture).AddYears(target - session);
                    shifted[header["date"]] = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
                    foreach (var field in shifted)
                    {
                        csv.WriteField(field);
                    }

                    csv.NextRecord();
                    rowCount++;
                }

                written++;
            }
        }

        return (written, rowCount);
    }

    private static List<string[]> ReadSample(string sample, out Dictionary<string, int> header)
    {
        using var reader = new StreamReader(sample);
        using var parser = new CsvParser(reader, CultureInfo.InvariantCulture);
        parser.Read();
        header = parser.Record!.Select((name, i) => (name, i)).ToDictionary(x => x.name.Trim(), x => x.i, StringComparer.Ordinal);
        var rows = new List<string[]>();
        while (parser.Read())
        {
            rows.Add(parser.Record!);
        }

        return rows;
    }

    /// <summary>The session in a symbol: <c>A/75/</c>, <c>A/RES/75/</c>.</summary>
    [GeneratedRegex(@"^(A/(?:RES/)?)[0-9]{1,3}/")]
    private static partial Regex SessionInSymbol();
}
