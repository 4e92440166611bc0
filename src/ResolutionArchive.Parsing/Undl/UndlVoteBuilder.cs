using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ResolutionArchive.Parsing.Countries;
using ResolutionArchive.Parsing.Diagnostics;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Parsing.Undl;

/// <summary>The header of a voting data file: each column's index by name, case and spaces ignored (§11.1).</summary>
internal sealed class UndlColumns
{
    private readonly Dictionary<string, int> _index;

    private UndlColumns(Dictionary<string, int> index) => _index = index;

    public static UndlColumns Of(string[] header)
    {
        var index = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < header.Length; i++)
        {
            index.TryAdd(header[i].Trim().TrimStart('\uFEFF').ToLowerInvariant(), i);
        }

        return new UndlColumns(index);
    }

    public List<string> Missing(IEnumerable<string> required) => required.Where(c => !_index.ContainsKey(c)).ToList();

    /// <summary>The trimmed value of <paramref name="column"/> in <paramref name="record"/>; empty when the column or the cell is missing.</summary>
    public string Get(string[] record, string column) =>
        _index.TryGetValue(column, out var i) && i < record.Length ? record[i].Trim() : "";
}

/// <summary>
/// Collects the rows of one vote and reads them into a record (docs/input-formats.md §11.3–§11.4): the metadata from
/// the first row, every row's state and position, the totals checked against the rows.
/// </summary>
internal sealed partial class UndlVoteBuilder(string symbol, int line, string file, UndlColumns columns)
{
    private readonly StringBuilder _rows = new();
    private readonly List<ParseDiagnostic> _diagnostics = [];
    private readonly List<(int Line, string Code, string Name, string Vote)> _states = [];
    private string[]? _first;
    private string? _date;

    public string Symbol { get; } = symbol;

    public void Error(int at, string message) => _diagnostics.Add(new ParseDiagnostic(file, at, message));

    private void Warning(int at, string message) => _diagnostics.Add(new ParseDiagnostic(file, at, message, DiagnosticSeverity.Warning));

    public void Add(string[] record, string raw, int at)
    {
        _rows.Append(raw.TrimEnd('\r', '\n')).Append('\n');
        if (_first is null)
        {
            _first = record;
            _date = columns.Get(record, "date");
        }
        else if (columns.Get(record, "date") is var date && date != _date)
        {
            Error(at, $"expected every row of {Symbol} to have the date {_date}, found {date}");
        }

        _states.Add((at, columns.Get(record, "ms_code").ToUpperInvariant(), columns.Get(record, "ms_name"), columns.Get(record, "ms_vote").ToUpperInvariant()));
    }

    public UndlVote Build(string header, CountryRegistry registry)
    {
        var excerpt = UndlVotingData.Compress(header + "\n" + _rows);
        var resolution = Read(registry);
        var sorted = _diagnostics.OrderBy(d => d.Line).ToList();
        var failed = sorted.Any(d => d.Severity == DiagnosticSeverity.Error);
        return new UndlVote(Symbol, line, new ParseResult(failed ? null : resolution, sorted), excerpt);
    }

    private ParsedResolution? Read(CountryRegistry registry)
    {
        var first = _first!;
        if (Symbol.Length == 0)
        {
            Error(line, "expected the resolution's symbol in the column resolution (such as A/RES/75/4), found none");
            return null;
        }

        if (!SymbolPattern().IsMatch(Symbol))
        {
            Error(line, $"expected a General Assembly resolution symbol in the column resolution (A/RES/ and a number such as 75/4, ES-10/19 or 2758 (XXVI)), found '{Shorten(Symbol)}'");
            return null;
        }

        if (!DateOnly.TryParseExact(_date, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            Error(line, $"expected the date of the vote as YYYY-MM-DD in the column date, found '{Shorten(_date ?? "")}'");
            return null;
        }

        var vote = ReadStates(registry, date);
        var number = Symbol["A/RES/".Length..];
        var session = columns.Get(first, "session");
        int? sessionNumber = int.TryParse(session, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : null;
        if (sessionNumber is null && session.Length > 0 && !SpecialSession().IsMatch(session))
        {
            Warning(line, $"expected the session as a number or ES-N/S-N (an emergency special or special session), found '{Shorten(session)}'; no session is recorded");
        }

        var meeting = MeetingPattern().Match(columns.Get(first, "meeting"));
        var report = columns.Get(first, "committee_report");
        // §11.3 `draft`: the Library's "Draft" note — the draft resolution (A/75/L.32 and A/75/L.32/Add.1), or for a
        // resolution adopted on a Main Committee's report, that report and its paragraph (A/76/461, para. 20)
        var draft = columns.Get(first, "draft");
        var draftSymbol = Parsers.Patterns.FirstDraftSymbol(draft);
        var reportInDraft = draftSymbol is null ? ReportInDraft().Match(draft.Trim()) : Match.Empty;
        var title = columns.Get(first, "title");
        var agendaTitle = columns.Get(first, "agenda_title");
        return new ParsedResolution
        {
            Body = Body.GA,
            Session = sessionNumber,
            AgendaTitle = agendaTitle.Length == 0 ? null : agendaTitle,
            Number = number,
            Symbol = Symbol,
            Status = ResolutionStatus.Adopted,
            Title = title.Length == 0 ? Symbol : title,
            AdoptionDate = date,
            Meeting = meeting.Success ? new Meeting(int.Parse(meeting.Groups[1].Value, CultureInfo.InvariantCulture), Plenary: true, Resumed: false) : null,
            CommitteeReport = report.Length > 0 ? new CommitteeReport(null, report, null)
                : reportInDraft.Success ? new CommitteeReport(null, reportInDraft.Groups["s"].Value, reportInDraft.Groups["p"].Success ? int.Parse(reportInDraft.Groups["p"].Value, CultureInfo.InvariantCulture) : null)
                : null,
            DraftSymbol = draftSymbol,
            Preamble = [],
            Operative = [],
            Footnotes = [],
            Vote = vote,
            Sponsors = [],
        };
    }

    /// <summary>
    /// §11.3–§11.4: each row's state through the registry — its code (an earlier code too), else its name as printed on
    /// that date — and its position; the totals stated beside the rows, checked against them.
    /// </summary>
    private Vote ReadStates(CountryRegistry registry, DateOnly date)
    {
        List<string> yes = [], no = [], abstain = [], nonVoting = [];
        var unresolved = new List<UnresolvedVoter>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (at, code, name, position) in _states)
        {
            var list = position switch { "Y" => yes, "N" => no, "A" => abstain, "X" => nonVoting, _ => null };
            if (list is null)
            {
                if (position.Length > 0)
                {
                    Error(at, $"expected ms_vote Y (yes), N (no), A (abstention), X (non-voting) or empty (not in the vote), found '{Shorten(position)}'");
                }

                continue;
            }

            var country = (code.Length > 0 ? registry.FindByIso3(code) : null) ?? (name.Length > 0 ? registry.FindByEnglishName(name, date) : null);
            if (country is null)
            {
                Warning(at, $"expected a state the country registry knows, found {Shorten(code)} '{Shorten(name)}'; its vote is kept under the name as printed");
                if (position != "X")
                {
                    unresolved.Add(new UnresolvedVoter(position switch { "Y" => VoteList.InFavour, "N" => VoteList.Against, _ => VoteList.Abstaining }, name.Length > 0 ? name : code));
                }

                continue;
            }

            if (!seen.Add(country.Iso3))
            {
                Warning(at, $"expected one row per state in the vote, found {country.Iso3} again; the first row is kept");
                continue;
            }

            list.Add(country.Iso3);
        }

        if (yes.Count + no.Count + abstain.Count + unresolved.Count == 0)
        {
            if (_diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
            {
                return Vote.NotStated; // refused anyway: the error says why
            }

            // the Library's record of a resolution in parts voted on separately, or a conversion's gap: no vote to keep
            Warning(line, $"expected states in favour, against or abstaining in the vote of {Symbol}, found none (every row X or empty); the record keeps no recorded vote");
            return Vote.NotStated;
        }

        var first = _first!;
        int Total(string column, int counted, string words)
        {
            var text = columns.Get(first, column);
            if (text.Length == 0)
            {
                return counted;
            }

            if (!double.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) || value != Math.Floor(value) || value > 1000)
            {
                Warning(line, $"expected {column} as a whole number (such as 120 or 120.0), found '{Shorten(text)}'; the rows are counted instead");
                return counted;
            }

            if ((int)value != counted)
            {
                Warning(line, $"expected {column} {value:0} to equal the {words} rows, found {counted}; the stated total is kept");
            }

            return (int)value;
        }

        var unresolvedIn = (VoteList l) => unresolved.Count(u => u.List == l);
        var yesCount = Total("total_yes", yes.Count + unresolvedIn(VoteList.InFavour), "Y");
        var noCount = Total("total_no", no.Count + unresolvedIn(VoteList.Against), "N");
        var abstainCount = Total("total_abstentions", abstain.Count + unresolvedIn(VoteList.Abstaining), "A");
        return new Vote(VoteMode.Recorded, yesCount, noCount, abstainCount, yes, no, abstain) { NonVoting = nonVoting, Unresolved = unresolved };
    }

    private static string Shorten(string value) => value.Length <= 60 ? value : value[..60] + "…";

    /// <summary>
    /// §11.3: A/RES/ and a resolution number of any period: 75/4, ES-10/19, S-32/1, 2758 (XXVI), with a part suffix
    /// (75/242 B); ASCII letters, digits, space, slash, hyphen, full stop and brackets only, 40 characters at most (the
    /// symbol is the record's key and URL).
    /// </summary>
    [GeneratedRegex(@"^A/RES/[0-9A-Z][0-9A-Za-z/()\-. ]{0,33}$")]
    private static partial Regex SymbolPattern();

    /// <summary>§11.3: a Main Committee's report in the <c>draft</c> column, <c>A/76/461, para. 20</c>, <c>A/77/443/Add.1</c>.</summary>
    [GeneratedRegex(@"^(?<s>A/[0-9]{1,3}/[0-9]{1,4}(?:/Add\.[0-9]{1,2})?(?:/Rev\.[0-9]{1,2})?)(?:,? ?para(?:graph|s)?\.? ?(?<p>[0-9]{1,4}))?$")]
    private static partial Regex ReportInDraft();

    [GeneratedRegex(@"^(?:ES|S)-[0-9]{1,2}$")]
    private static partial Regex SpecialSession();

    /// <summary>§11.3: the plenary meeting's record, A/75/PV.21 (A/ES-10/PV.38): its number.</summary>
    [GeneratedRegex(@"^A/(?:(?:ES|S)-[0-9]{1,2}/|[0-9]{1,3}/)?PV\.([0-9]{1,4})")]
    private static partial Regex MeetingPattern();
}
