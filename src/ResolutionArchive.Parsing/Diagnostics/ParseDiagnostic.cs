namespace ResolutionArchive.Parsing.Diagnostics;

/// <summary>How serious a diagnostic is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The text was read, but something in it was passed over; the record is still produced.</summary>
    Warning,

    /// <summary>The text is not a valid resolution; no record is produced.</summary>
    Error,
}

/// <summary>
/// One finding about an input file, printed as <c>FILE:LINE: what was expected</c> (the convention of compilers and of
/// the brief's importer rule).
/// </summary>
/// <param name="File">The file name as given by the caller.</param>
/// <param name="Line">1-based line number; the line after the last for "ended too early".</param>
/// <param name="Message">What was expected and what was found, in English.</param>
/// <param name="Severity">Error (the file is rejected) or warning.</param>
public sealed record ParseDiagnostic(string File, int Line, string Message, DiagnosticSeverity Severity = DiagnosticSeverity.Error)
{
    /// <summary>The diagnostic as <c>FILE:LINE: message</c> (warnings add <c>warning: </c> before the message).</summary>
    public override string ToString() =>
        Severity == DiagnosticSeverity.Warning ? $"{File}:{Line}: warning: {Message}" : $"{File}:{Line}: {Message}";
}

/// <summary>The outcome of parsing one file: a record, or the errors that prevented it, plus any warnings.</summary>
/// <param name="Resolution">The record; null exactly when <see cref="Diagnostics"/> holds an error.</param>
/// <param name="Diagnostics">Errors and warnings in line order.</param>
public sealed record ParseResult(Syntax.ParsedResolution? Resolution, IReadOnlyList<ParseDiagnostic> Diagnostics)
{
    /// <summary>True when a record was produced (there is no error).</summary>
    public bool Succeeded => Resolution is not null;

    /// <summary>The errors only.</summary>
    public IEnumerable<ParseDiagnostic> Errors => Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error);
}
