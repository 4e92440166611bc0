using ResolutionArchive.Parsing.Countries;
using ResolutionArchive.Parsing.Diagnostics;
using ResolutionArchive.Parsing.Parsers;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Parsing;

/// <summary>
/// The entry point for seed-style resolution texts (the three layouts of <c>docs/input-formats.md</c>: markdown
/// headings, plain paragraphs, and the hard-wrapped PDF layout). <see cref="Parse(byte[], string, CountryRegistry?)"/> never throws on
/// bad input: everything wrong with a text comes back as <see cref="ParseDiagnostic"/>s (<c>FILE:LINE: …</c>), and a
/// record is returned only when there is no error.
/// </summary>
public static class ResolutionTextParser
{
    /// <summary>Parses the bytes of one file (UTF-8, BOM optional, any line ends).</summary>
    /// <param name="bytes">The file's content.</param>
    /// <param name="file">The name to print in diagnostics.</param>
    /// <param name="registry">Country registry; <see cref="CountryRegistry.Default"/> when null.</param>
    public static ParseResult Parse(byte[] bytes, string file, CountryRegistry? registry = null)
    {
        ArgumentNullException.ThrowIfNull(bytes);
        var diagnostics = new List<ParseDiagnostic>();
        var lines = SourceText.Decode(bytes, file, diagnostics);
        return lines is null ? new ParseResult(null, diagnostics) : Parse(lines, file, registry ?? CountryRegistry.Default, diagnostics);
    }

    /// <summary>Parses text that is already decoded.</summary>
    public static ParseResult ParseText(string text, string file, CountryRegistry? registry = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        var diagnostics = new List<ParseDiagnostic>();
        if (text.Contains('\0', StringComparison.Ordinal))
        {
            diagnostics.Add(new ParseDiagnostic(file, 1, "expected UTF-8 text, found binary data (a NUL byte)"));
            return new ParseResult(null, diagnostics);
        }

        return Parse(SourceText.Split(text), file, registry ?? CountryRegistry.Default, diagnostics);
    }

    private static ParseResult Parse(IReadOnlyList<SourceLine> lines, string file, CountryRegistry registry, List<ParseDiagnostic> diagnostics)
    {
        // §1.2: the enacting formula (人权理事会， / 大会，) divides the heading from the body
        var formulaIndex = -1;
        for (var i = 0; i < lines.Count; i++)
        {
            if (Patterns.EnactingFormula().IsMatch(Patterns.Compact(Patterns.StripHeading(lines[i].Text))))
            {
                formulaIndex = i;
                break;
            }
        }

        if (formulaIndex < 0)
        {
            diagnostics.Add(new ParseDiagnostic(file, lines.Count + 1, "expected the enacting formula (人权理事会， or 大会，) that opens the preamble, found the end of the text"));
            return Fail(diagnostics);
        }

        var formula = lines[formulaIndex];
        var formulaBody = Patterns.Compact(formula.Text).StartsWith("大会", StringComparison.Ordinal) ? Body.GA : Body.HRC;
        var header = HeaderParser.Parse(lines.Take(formulaIndex).ToList(), file, diagnostics);
        if (header.Body is { } printedBody && printedBody != formulaBody)
        {
            diagnostics.Add(new ParseDiagnostic(file, formula.Number, $"expected the enacting formula of the body named in the heading ({printedBody}), found {formula.Text}"));
        }

        if (header.Number is null || header.Title is null)
        {
            diagnostics.Add(new ParseDiagnostic(file, formula.Number, "expected the resolution number and title (such as '46/13. 标题' or '43/... 标题') before the enacting formula"));
        }

        // §1.3: the PDF layout marks each paragraph start by indentation, the enacting formula included
        var indentedLayout = formula.Indented;
        var body = BodyParser.Parse(lines.Skip(formulaIndex + 1).ToList(), indentedLayout, file, diagnostics);

        var clauses = ClauseBuilder.Build(body.Clauses, file, diagnostics);
        var preamble = clauses.Where(c => c.Kind == ClauseKind.Preamble).ToList();
        var operative = clauses.Where(c => c.Kind == ClauseKind.Operative).ToList();
        if (operative.Count == 0)
        {
            diagnostics.Add(new ParseDiagnostic(file, lines.Count + 1, "expected operative paragraphs (a line starting with '1.'), found the end of the text"));
        }

        var isDraft = header.DraftMarker || (header.Number?.EndsWith("...", StringComparison.Ordinal) ?? false);
        var sponsors = SponsorBuilder.Build(header, registry, file, diagnostics);
        // §5.2: a title whose plain text ends in * carries the * note (emphasis markup such as 示例*决议* does not count)
        var title = InlineText.ToPlainText(header.Title ?? "").Text;
        var titleStarred = title.EndsWith('*');
        if (titleStarred)
        {
            title = title.TrimEnd('*').TrimEnd();
        }

        var starLine = sponsors.Starred ? header.SponsorLine : header.TitleLine;
        var footnotes = FootnoteBuilder.Build(body.Footnotes, clauses, sponsors.Starred, titleStarred, starLine, file, diagnostics);
        var adoptionDate = header.AdoptionDate ?? body.FootDate;
        var vote = body.Vote is null ? Vote.NotStated : VoteBuilder.Build(body.Vote, registry, file, diagnostics, adoptionDate);
        if (body.Vote is not null && !isDraft)
        {
            vote = NonVotingMembers.Complete(vote, formulaBody, adoptionDate, registry, file, body.Vote.Line, diagnostics);
        }

        if (header.AdoptionDate is { } headed && body.FootDate is { } footed && headed != footed)
        {
            diagnostics.Add(new ParseDiagnostic(file, body.FootDateLine, $"expected the date at the foot to equal the adoption date in the heading ({headed:yyyy-MM-dd}, line {header.AdoptionDateLine}), found {footed:yyyy-MM-dd}"));
        }

        if (diagnostics.Any(d => d.Severity == DiagnosticSeverity.Error))
        {
            return Fail(diagnostics);
        }

        var number = header.Number!;
        var session = header.Session ?? SessionOf(number);
        if (header.Session is { } printedSession && SessionOf(number) is { } numberSession && printedSession != numberSession)
        {
            diagnostics.Add(new ParseDiagnostic(file, header.TitleLine, $"the number {number} does not belong to the session in the heading ({printedSession})", DiagnosticSeverity.Warning));
        }

        var resolution = new ParsedResolution
        {
            Body = formulaBody,
            Session = session,
            AgendaItem = header.AgendaItem,
            AgendaTitle = header.AgendaTitle,
            Number = number,
            Symbol = isDraft ? header.DraftSymbol : SymbolOf(formulaBody, number), // §2.5: a draft has its L-symbol when the masthead prints one
            Status = isDraft ? ResolutionStatus.Draft : ResolutionStatus.Adopted,
            Title = title,
            AdoptionDate = isDraft ? null : adoptionDate,
            Meeting = body.Meeting,
            CommitteeReport = header.CommitteeReport,
            Preamble = preamble,
            Operative = operative,
            Footnotes = footnotes,
            Vote = vote,
            Sponsors = sponsors.Sponsors,
        };
        return new ParseResult(resolution, diagnostics.OrderBy(d => d.Line).ToList());
    }

    /// <summary>
    /// The document symbol of an adopted resolution (UN document symbol conventions): the Council's
    /// <c>A/HRC/RES/{number}</c>, the General Assembly's <c>A/RES/{number}</c>.
    /// </summary>
    public static string SymbolOf(Body body, string number) => body switch
    {
        Body.HRC => $"A/HRC/RES/{number}",
        _ => $"A/RES/{number}",
    };

    private static int? SessionOf(string number)
    {
        var slash = number.IndexOf('/', StringComparison.Ordinal);
        var head = number[..slash].Replace("S-", "", StringComparison.Ordinal);
        return int.TryParse(head, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var session) && !number.StartsWith("S-", StringComparison.Ordinal) ? session : null;
    }

    private static ParseResult Fail(List<ParseDiagnostic> diagnostics) =>
        new(null, diagnostics.OrderBy(d => d.Line).ToList());
}
