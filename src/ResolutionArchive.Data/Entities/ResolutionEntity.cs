namespace ResolutionArchive.Data.Entities;

/// <summary>
/// One resolution or draft (table <c>Resolutions</c>). The scalar columns mirror
/// <see cref="Parsing.Syntax.ParsedResolution"/>; enums are stored as their names (<c>HRC</c>, <c>Adopted</c>,
/// <c>Recorded</c>) so the file reads well in any SQLite browser.
/// </summary>
public sealed class ResolutionEntity
{
    /// <summary>Surrogate key.</summary>
    public int Id { get; set; }

    /// <summary>
    /// The permanent key and URL path of the record (unique): the document symbol for an adopted resolution
    /// (<c>A/HRC/RES/46/13</c>); for a draft <c>{body}/{session}/draft/{8 hex digits of the title's SHA-256}</c>.
    /// </summary>
    public required string Key { get; set; }

    /// <summary>UN document symbol; null for a draft.</summary>
    public string? Symbol { get; set; }

    /// <summary>Number as printed (<c>46/13</c>, <c>43/...</c>).</summary>
    public required string Number { get; set; }

    /// <summary>Adopting body.</summary>
    public Parsing.Syntax.Body Body { get; set; }

    /// <summary>Session number.</summary>
    public int? Session { get; set; }

    /// <summary>Adopted or draft.</summary>
    public Parsing.Syntax.ResolutionStatus Status { get; set; }

    /// <summary>Title.</summary>
    public required string Title { get; set; }

    /// <summary>The letter of the part this document publishes alone (A/RES/75/242 B), or null.</summary>
    public string? PublishedPartLabel { get; set; }

    /// <summary>That part's own title, or null.</summary>
    public string? PublishedPartTitle { get; set; }

    /// <summary>Agenda item as printed.</summary>
    public string? AgendaItem { get; set; }

    /// <summary>Title of the agenda item.</summary>
    public string? AgendaTitle { get; set; }

    /// <summary>Adoption date.</summary>
    public DateOnly? AdoptionDate { get; set; }

    /// <summary>Meeting number.</summary>
    public int? MeetingNumber { get; set; }

    /// <summary>True for a plenary meeting (全体会议).</summary>
    public bool MeetingPlenary { get; set; }

    /// <summary>True for a resumed meeting (续会).</summary>
    public bool MeetingResumed { get; set; }

    /// <summary>The Main Committee whose report carried the draft (第三委员会).</summary>
    public string? Committee { get; set; }

    /// <summary>Symbol of that report (<c>A/76/462/Add.2</c>).</summary>
    public string? CommitteeReportSymbol { get; set; }

    /// <summary>Paragraph of the report.</summary>
    public int? CommitteeReportParagraph { get; set; }

    /// <summary>
    /// The draft resolution's document symbol (<c>A/75/L.8</c>, <c>A/C.3/76/L.37</c>; input-formats §7.7, §11.3); null
    /// when no source states it, and for a draft (whose L-symbol is its <see cref="Symbol"/>).
    /// </summary>
    public string? DraftSymbol { get; set; }

    /// <summary>Adoption mode.</summary>
    public Parsing.Syntax.VoteMode VoteMode { get; set; }

    /// <summary>Stated votes in favour (recorded votes only).</summary>
    public int? YesCount { get; set; }

    /// <summary>Stated votes against.</summary>
    public int? NoCount { get; set; }

    /// <summary>Stated abstentions.</summary>
    public int? AbstainCount { get; set; }

    /// <summary>Name of the first source file the record was imported from (all are in <c>Sources</c>).</summary>
    public required string SourceFile { get; set; }

    /// <summary>Lower-case hex SHA-256 of that file's bytes.</summary>
    public required string SourceSha256 { get; set; }

    /// <summary>When the record was (re)imported, UTC, ISO 8601.</summary>
    public DateTime ImportedAtUtc { get; set; }

    /// <summary>Preamble clauses, operative paragraphs and their sub-paragraphs.</summary>
    public List<ParagraphEntity> Paragraphs { get; set; } = [];

    /// <summary>Footnotes.</summary>
    public List<FootnoteEntity> Footnotes { get; set; } = [];

    /// <summary>The recorded vote, one row per state.</summary>
    public List<VoteEntity> Votes { get; set; } = [];

    /// <summary>Sponsors, in order.</summary>
    public List<SponsorEntity> Sponsors { get; set; } = [];

    /// <summary>Parts of a resolution in several parts.</summary>
    public List<PartEntity> Parts { get; set; } = [];

    /// <summary>Annexes (their blocks are in <see cref="Paragraphs"/>).</summary>
    public List<AnnexEntity> Annexes { get; set; } = [];

    /// <summary>Which source supplied each field.</summary>
    public List<FieldSourceEntity> FieldSources { get; set; } = [];

    /// <summary>Cross-references found in the clause and footnote texts (docs/input-formats.md §8), in document order.</summary>
    public List<ReferenceEntity> References { get; set; } = [];
}
