using System.Globalization;
using ResolutionArchive.Parsing.Diagnostics;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Parsing.Parsers;

/// <summary>What the heading (every line before the enacting formula) says; see input-formats §2.</summary>
internal sealed class Header
{
    public Body? Body { get; set; }

    public int? Session { get; set; }

    public string? AgendaItem { get; set; }

    public string? AgendaTitle { get; set; }

    public string? Number { get; set; }

    public string? Title { get; set; }

    public int TitleLine { get; set; }

    public DateOnly? AdoptionDate { get; set; }

    public int AdoptionDateLine { get; set; }

    public CommitteeReport? CommitteeReport { get; set; }

    public bool DraftMarker { get; set; }

    /// <summary>The first draft symbol of the masthead (§2.5: <c>A/HRC/43/L.8</c>), or null.</summary>
    public string? DraftSymbol { get; set; }

    public string? SponsorList { get; set; }

    public int SponsorLine { get; set; }
}

/// <summary>
/// Reads the heading lines of a seed-style text (input-formats §2): body, session, session dates, agenda item and
/// its title, adoption heading, committee report, sponsors and 决议草案, number and title. Latin-script masthead lines
/// (§1.2) are passed over; any other line it cannot place is reported as a warning, never silently dropped.
/// </summary>
internal static class HeaderParser
{
    public static Header Parse(IReadOnlyList<SourceLine> lines, string file, List<ParseDiagnostic> diagnostics)
    {
        var header = new Header();
        var agendaTitleOpen = false;   // §2.3: the block right after the agenda item is its title
        var titleOpen = false;         // §2.6: lines after the title in the same block continue it
        var pending = new List<SourceLine>(); // unplaced lines that may turn out to be a sponsor list (§2.7)
        var agendaTitle = new List<string>();

        foreach (var line in lines)
        {
            if (line.IsBlank)
            {
                if (agendaTitle.Count > 0)
                {
                    agendaTitleOpen = false;
                }

                // §2.6: the number and title end the heading, so a title runs on over blank lines (the PDF-wrapped
                // layout puts one between every two lines) until the enacting formula
                continue;
            }

            var text = Patterns.StripHeading(line.Text);
            var compact = Patterns.Compact(text);

            if (compact is "人权理事会" or "大会")
            {
                header.Body = compact == "大会" ? Body.GA : Body.HRC;
                continue;
            }

            if (Patterns.NumberAndTitle().Match(text) is { Success: true } title && header.Number is null)
            {
                header.Number = title.Groups["num"].Value.Replace("…", "...", StringComparison.Ordinal);
                header.Title = title.Groups["title"].Value.Trim();
                header.TitleLine = line.Number;
                titleOpen = true;
                agendaTitleOpen = false;
                continue;
            }

            if (Patterns.DraftSymbol().IsMatch(compact))
            {
                header.DraftSymbol ??= compact; // §2.5: the symbol of a draft, read when the text is a draft
                continue;
            }

            if (Patterns.Masthead().IsMatch(text))
            {
                continue; // §1.2: Distr.: General, the English date, the languages
            }

            if (Patterns.Session().Match(compact) is { Success: true } session)
            {
                header.Session = ChineseNumerals.Parse(session.Groups["n"].Value);
                continue;
            }

            if (Patterns.SessionDates().IsMatch(compact))
            {
                continue;
            }

            if (Patterns.AgendaItem().Match(text) is { Success: true } agenda)
            {
                header.AgendaItem = agenda.Groups["item"].Value.Trim();
                agendaTitleOpen = true;
                continue;
            }

            if (Patterns.AdoptionHeading().Match(compact) is { Success: true } heading)
            {
                header.AdoptionDate = ToDate(heading, line, file, diagnostics);
                header.AdoptionDateLine = line.Number;
                agendaTitleOpen = false;
                continue;
            }

            if (Patterns.DraftMarker().IsMatch(compact))
            {
                header.DraftMarker = true;
                TakeSponsors(header, pending);
                agendaTitleOpen = false;
                continue;
            }

            var plain = InlineText.ToPlainText(text).Text;
            if (plain.StartsWith('[') && plain.EndsWith(']'))
            {
                header.CommitteeReport = ParseCommitteeReport(plain, line, file, diagnostics);
                agendaTitleOpen = false;
                continue;
            }

            if (titleOpen)
            {
                header.Title = TextJoiner.Join([header.Title!, text]); // §2.6: a title wrapped onto the next line (§3.1 joining)
                continue;
            }

            if (agendaTitleOpen)
            {
                agendaTitle.Add(text);
                continue;
            }

            pending.Add(line);
        }

        if (agendaTitle.Count > 0)
        {
            header.AgendaTitle = TextJoiner.Join(agendaTitle);
        }

        // whatever no rule placed (the sponsor lines were taken out of pending) is an error: no line is passed over
        foreach (var line in pending)
        {
            diagnostics.Add(new ParseDiagnostic(file, line.Number, $"expected a heading line (body, session, agenda item and its title, adoption date, committee report, sponsors, 决议草案, number and title), found a line no rule places: {line.Text}"));
        }

        return header;
    }

    /// <summary>§2.7: the lines before 决议草案 that end with ： are the sponsors.</summary>
    private static void TakeSponsors(Header header, List<SourceLine> pending)
    {
        var end = pending.FindLastIndex(l => l.Text.EndsWith('：') || l.Text.EndsWith(':'));
        if (end < 0)
        {
            return;
        }

        // the list runs back from that line over the lines of the same block
        var start = end;
        while (start > 0 && pending[start - 1].Number == pending[start].Number - 1)
        {
            start--;
        }

        header.SponsorList = string.Concat(pending.Skip(start).Take(end - start + 1).Select(l => l.Text)).TrimEnd('：', ':');
        header.SponsorLine = pending[start].Number;
        pending.RemoveRange(start, end - start + 1);
    }

    private static CommitteeReport? ParseCommitteeReport(string plain, SourceLine line, string file, List<ParseDiagnostic> diagnostics)
    {
        var match = Patterns.CommitteeReport().Match(Patterns.Compact(plain));
        if (!match.Success)
        {
            diagnostics.Add(new ParseDiagnostic(file, line.Number, $"expected a committee report note such as [根据第三委员会的报告(A/76/462/Add.2，第 114 段)通过], found {plain}", DiagnosticSeverity.Warning));
            return null;
        }

        int? paragraph = match.Groups["para"].Success ? int.Parse(match.Groups["para"].Value, CultureInfo.InvariantCulture) : null;
        return new CommitteeReport(match.Groups["committee"].Value, match.Groups["symbol"].Value, paragraph);
    }

    /// <summary>A date from a regex match with groups y, m, d; an impossible date (2月30日) is an error.</summary>
    internal static DateOnly? ToDate(System.Text.RegularExpressions.Match match, SourceLine line, string file, List<ParseDiagnostic> diagnostics)
    {
        var y = int.Parse(match.Groups["y"].Value, CultureInfo.InvariantCulture);
        var m = int.Parse(match.Groups["m"].Value, CultureInfo.InvariantCulture);
        var d = int.Parse(match.Groups["d"].Value, CultureInfo.InvariantCulture);
        if (y is >= 1945 and <= 2200 && m is >= 1 and <= 12 && d >= 1 && d <= DateTime.DaysInMonth(y, m))
        {
            return new DateOnly(y, m, d);
        }

        diagnostics.Add(new ParseDiagnostic(file, line.Number, $"expected a real date, found {line.Text}"));
        return null;
    }
}
