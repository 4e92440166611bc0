namespace ResolutionArchive.Parsing.Syntax;

/// <summary>
/// One resolution (or draft resolution) as read from its source, in the archive's domain model.
/// Produced by <see cref="ResolutionTextParser"/> from the seed-style texts described in
/// <c>docs/input-formats.md</c>; every field here is serialised by <see cref="Serialization.ResolutionJson"/>
/// as the <c>parse</c> command's JSON (<c>docs/json-format.md</c>).
/// </summary>
public sealed record ParsedResolution
{
    /// <summary>The adopting body: the Human Rights Council or the General Assembly (input-formats §2.1).</summary>
    public required Body Body { get; init; }

    /// <summary>
    /// Session number (第四十六届会议 → 46; input-formats §2.2). Null only when neither the session line nor
    /// the resolution number states it.
    /// </summary>
    public int? Session { get; init; }

    /// <summary>Agenda item as printed, without the words 议程项目 (e.g. <c>3</c>, <c>74 (b)</c>); null when absent.</summary>
    public string? AgendaItem { get; init; }

    /// <summary>The agenda item's title as printed under it, line breaks joined; null when absent.</summary>
    public string? AgendaTitle { get; init; }

    /// <summary>
    /// Resolution number as printed: <c>46/13</c>, or <c>43/...</c> for a draft not yet numbered
    /// (input-formats §2.6).
    /// </summary>
    public required string Number { get; init; }

    /// <summary>
    /// UN document symbol derived from the number: <c>A/HRC/RES/46/13</c> for the Council,
    /// <c>A/RES/76/159</c> for the General Assembly; null for a draft.
    /// </summary>
    public string? Symbol { get; init; }

    /// <summary>Adopted, or draft (input-formats §2.5).</summary>
    public required ResolutionStatus Status { get; init; }

    /// <summary>Title as printed after the number, emphasis markup removed.</summary>
    public required string Title { get; init; }

    /// <summary>Adoption date (<c>2021 年 3 月 23 日</c> → 2021-03-23); null for a draft.</summary>
    public DateOnly? AdoptionDate { get; init; }

    /// <summary>The meeting at which it was adopted; null when not stated.</summary>
    public Meeting? Meeting { get; init; }

    /// <summary>For GA resolutions adopted on a Main Committee's report: that report; otherwise null.</summary>
    public CommitteeReport? CommitteeReport { get; init; }

    /// <summary>
    /// The document symbol of the draft resolution this resolution was adopted on, as the UN issued it in its series of
    /// limited distribution (<c>A/75/L.8</c> in plenary, <c>A/C.3/76/L.37</c> in the Third Committee,
    /// <c>A/HRC/46/L.10/Rev.1</c>); null when the source does not state it, and null for a draft, whose own L-symbol is
    /// its <see cref="Symbol"/> (input-formats §2.5). Read from an AKN4UN file's <c>workflow/step[@outcome="draftResolution"]/@as</c>
    /// or its cover's originating document (input-formats §7.7), or from the UN Digital Library's <c>draft</c> column (§11.3).
    /// </summary>
    public string? DraftSymbol { get; init; }

    /// <summary>Preambular paragraphs (preamble clauses) in document order: ids <c>pp1</c>, <c>pp2</c>, ….</summary>
    public required IReadOnlyList<Clause> Preamble { get; init; }

    /// <summary>
    /// Operative paragraphs in document order, ids <c>op1</c>, <c>op2</c>, …. A seed text numbers them from 1 without
    /// gaps (input-formats §3.3). An AKN4UN file may also hold unnumbered blocks between them (sub-headings, section
    /// headings: <see cref="Clause.Number"/> null, ids <c>op-u1</c>, <c>op-u2</c>…) and numbering that restarts in each
    /// section of a budget resolution (the second paragraph 1 is <c>op1-2</c>); input-formats §7.
    /// </summary>
    public required IReadOnlyList<Clause> Operative { get; init; }

    /// <summary>Footnotes in the order their markers first appear.</summary>
    public required IReadOnlyList<Footnote> Footnotes { get; init; }

    /// <summary>How the text says it was adopted, with the recorded vote when there was one.</summary>
    public required Vote Vote { get; init; }

    /// <summary>
    /// Sponsors in the printed order (a seed draft's sponsor line; an AKN file's <c>workflow/step/@by</c>), the
    /// additional sponsors after them; empty when the source names none.
    /// </summary>
    public required IReadOnlyList<Sponsor> Sponsors { get; init; }

    /// <summary>
    /// The parts of a resolution adopted in several parts (<c>A/RES/75/101 A-B</c>): label and title of each, in order.
    /// Empty for a resolution in one part. The clauses of part A carry <see cref="Clause.Part"/> = <c>A</c>.
    /// </summary>
    public IReadOnlyList<ResolutionPart> Parts { get; init; } = [];

    /// <summary>
    /// For a document that publishes one part of a resolution in several parts on its own (A/RES/75/290 A, A/RES/75/242 B;
    /// input-formats §7.10): that part's letter and title as the preface prints them under the resolution's title
    /// (<c>A</c> 经济及社会理事会); null otherwise. Its clauses keep unprefixed ids (<c>pp1</c>), as the document is the part.
    /// </summary>
    public ResolutionPart? PublishedPart { get; init; }

    /// <summary>Annexes, kept apart from the operative paragraphs; empty when there are none.</summary>
    public IReadOnlyList<Annex> Annexes { get; init; } = [];
}

/// <summary>One part of a resolution in several parts (AKN4UN <c>documentCollection/components/component</c>).</summary>
/// <param name="Label">The part's letter as printed: <c>A</c>, <c>B</c>.</param>
/// <param name="Title">The part's own title.</param>
public sealed record ResolutionPart(string Label, string Title)
{
    /// <summary>The part's own adoption date where its component states one that differs from the record's
    /// (input-formats §7.10); null otherwise.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public DateOnly? AdoptionDate { get; init; }

    /// <summary>The part's own meeting where it differs from the record's; null otherwise.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public Meeting? Meeting { get; init; }

    /// <summary>The part's own adoption (and recorded vote) where it differs from the record's; null otherwise.</summary>
    [System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)]
    public Vote? Vote { get; init; }
}

/// <summary>An annex (AKN4UN <c>attachments/attachment/doc</c>), its text as a list of blocks.</summary>
/// <param name="Id">Anchor id: <c>annex1</c>, <c>annex2</c>…; its blocks are <c>annex1-p1</c>….</param>
/// <param name="Heading">The annex's heading as printed (附件, 附件一), or null.</param>
/// <param name="Title">The annex's title, or null.</param>
/// <param name="Paragraphs">Its blocks in order (kind <see cref="ClauseKind.Annex"/>): paragraphs, headings, list items,
/// and table rows (cells joined by " | ").</param>
public sealed record Annex(string Id, string? Heading, string? Title, IReadOnlyList<Clause> Paragraphs);

/// <summary>The two bodies whose resolutions the archive holds.</summary>
public enum Body
{
    /// <summary>Human Rights Council (人权理事会); symbols <c>A/HRC/RES/{session}/{n}</c>.</summary>
    HRC,

    /// <summary>General Assembly (大会); symbols <c>A/RES/{session}/{n}</c>.</summary>
    GA,
}

/// <summary>Whether the text is an adopted resolution or a draft (决议草案).</summary>
public enum ResolutionStatus
{
    /// <summary>An adopted resolution with a number.</summary>
    Adopted,

    /// <summary>A draft resolution (决议草案), number not yet assigned (<c>43/...</c>).</summary>
    Draft,
}

/// <summary>
/// A meeting of the adopting body (input-formats §4.2): <c>第 49 次会议</c>, <c>第53次全体会议</c> (plenary),
/// <c>第 48 次全体会议(续会)</c> (resumed).
/// </summary>
/// <param name="Number">Meeting number, 1 or more.</param>
/// <param name="Plenary">True when printed as 全体会议 (a plenary meeting).</param>
/// <param name="Resumed">True when printed with (续会).</param>
public sealed record Meeting(int Number, bool Plenary, bool Resumed);

/// <summary>
/// The Main Committee report a GA resolution was adopted on (input-formats §2.8):
/// <c>[根据第三委员会的报告(A/76/462/Add.2，第 114 段)通过]</c>.
/// </summary>
/// <param name="Committee">The committee as printed (第三委员会), or null when not named.</param>
/// <param name="Symbol">The report's document symbol, e.g. <c>A/76/462/Add.2</c>.</param>
/// <param name="Paragraph">The paragraph of the report that carried the draft, or null.</param>
public sealed record CommitteeReport(string? Committee, string Symbol, int? Paragraph);

/// <summary>Preambular or operative.</summary>
public enum ClauseKind
{
    /// <summary>A preambular paragraph (preamble clause), unnumbered, ends with a comma.</summary>
    Preamble,

    /// <summary>A numbered operative paragraph.</summary>
    Operative,

    /// <summary>A block of an annex.</summary>
    Annex,
}

/// <summary>
/// A preambular or operative paragraph as plain text (input-formats §3).
/// </summary>
/// <param name="Id">Stable anchor id: <c>pp{n}</c> for the n-th preamble clause, <c>op{n}</c> for operative paragraph n.</param>
/// <param name="Kind">Preamble or operative.</param>
/// <param name="Number">The printed number of an operative paragraph (<c>1</c>, <c>2</c>, …); null for preamble clauses.</param>
/// <param name="Text">Plain text: markdown removed, layout line breaks joined, footnote markers removed.</param>
/// <param name="Footnotes">Markers of the footnotes this clause cites, in order (<c>1</c>, <c>12</c>, <c>*</c>).</param>
/// <param name="Emphasis">Spans of <see cref="Text"/> that the source emphasised (e.g. the operative verb <c>**重申**</c>).</param>
/// <param name="Points">Sub-paragraphs (a), (b)… with their own sub-items; empty for most clauses.</param>
/// <param name="Line">1-based line of the source where the clause starts.</param>
/// <param name="Part">The part of a resolution in several parts (<c>A</c>, <c>B</c>), or null; ids are then
/// prefixed with the part: <c>A-pp1</c>, <c>B-op3</c>.</param>
public sealed record Clause(
    string Id,
    ClauseKind Kind,
    string? Number,
    string Text,
    IReadOnlyList<string> Footnotes,
    IReadOnlyList<Emphasis> Emphasis,
    IReadOnlyList<Point> Points,
    int Line,
    string? Part = null);

/// <summary>
/// A sub-paragraph of an operative paragraph, printed as <c>(a) …</c>, <c>(i) …</c> (input-formats §3.5).
/// </summary>
/// <param name="Id">Anchor id: the parent's id, a dash and the label without brackets (<c>op3-a</c>, <c>op3-a-i</c>).</param>
/// <param name="Label">The printed label, e.g. <c>(a)</c>.</param>
/// <param name="Text">Plain text, as for <see cref="Clause.Text"/>.</param>
/// <param name="Footnotes">Markers of the footnotes cited in this sub-paragraph.</param>
/// <param name="Points">Nested sub-items.</param>
public sealed record Point(string Id, string Label, string Text, IReadOnlyList<string> Footnotes, IReadOnlyList<Point> Points);

/// <summary>A run of text the source emphasised with <c>**…**</c> or <c>*…*</c>.</summary>
/// <param name="Start">Offset in UTF-16 code units into the clause's plain text.</param>
/// <param name="Length">Length in UTF-16 code units.</param>
/// <param name="Text">The emphasised text itself.</param>
public sealed record Emphasis(int Start, int Length, string Text);

/// <summary>A footnote (input-formats §5).</summary>
/// <param name="Id">Anchor id: <c>fn{marker}</c>, and <c>fn-star</c> for the <c>*</c> note.</param>
/// <param name="Marker">The marker as ASCII digits (<c>¹²</c> → <c>12</c>), or <c>*</c>.</param>
/// <param name="Text">The footnote's plain text.</param>
/// <param name="AttachedTo">Id of the clause that carries the marker, or <c>sponsors</c> for the <c>*</c> note on a sponsor list.</param>
/// <param name="Line">1-based source line of the footnote text.</param>
public sealed record Footnote(string Id, string Marker, string Text, string AttachedTo, int Line);

/// <summary>How the text states the adoption (input-formats §4.3).</summary>
public enum VoteMode
{
    /// <summary>经记录表决: a recorded vote with counts and country lists.</summary>
    Recorded,

    /// <summary>未经表决: adopted without a vote.</summary>
    WithoutVote,

    /// <summary>The text says nothing about how it was adopted (GA texts, drafts).</summary>
    NotStated,

    /// <summary>
    /// Adopted under the silence procedure (按照默许程序通过): during the COVID-19 pandemic in 2020 the General Assembly
    /// took decisions without meeting, a draft being adopted unless a member broke the silence by the deadline (GA
    /// decision 74/544). No vote, no meeting (input-formats §4.3, §7.8).
    /// </summary>
    SilenceProcedure,
}

/// <summary>
/// The adoption as stated by the text. For <see cref="VoteMode.Recorded"/> the three counts are set and each list
/// has exactly as many ISO 3166-1 alpha-3 codes as its count; otherwise counts are null and lists empty.
/// </summary>
/// <param name="Mode">Recorded, without a vote, or not stated.</param>
/// <param name="YesCount">Stated number in favour (票赞成, or the first number of 票对).</param>
/// <param name="NoCount">Stated number against (票反对, or the second number of 票对).</param>
/// <param name="AbstainCount">Stated number abstaining (票弃权); 0 when the sentence names no abstentions.</param>
/// <param name="Yes">Countries in favour, ISO alpha-3, printed order.</param>
/// <param name="No">Countries against.</param>
/// <param name="Abstain">Countries abstaining.</param>
public sealed record Vote(
    VoteMode Mode,
    int? YesCount,
    int? NoCount,
    int? AbstainCount,
    IReadOnlyList<string> Yes,
    IReadOnlyList<string> No,
    IReadOnlyList<string> Abstain)
{
    /// <summary>The vote of a text that does not say how it was adopted.</summary>
    public static Vote NotStated { get; } = new(VoteMode.NotStated, null, null, null, [], [], []);

    /// <summary>Adopted without a vote (未经表决).</summary>
    public static Vote WithoutVote { get; } = new(VoteMode.WithoutVote, null, null, null, [], [], []);

    /// <summary>
    /// The members that are in none of the three lists (未参加表决, the UN Digital Library's <c>X</c>), ISO alpha-3 in the
    /// registry's order: the bodies' membership on the adoption date (<see cref="Countries.CountryRegistry.MembersOn"/>:
    /// UN members for the General Assembly, the Council's members of that year for the Human Rights Council) less the
    /// listed states (input-formats §4.5). Empty when the vote is not recorded or the date is unknown. A state that was
    /// not a member on that date is not non-voting: it is not in the vote at all.
    /// </summary>
    public IReadOnlyList<string> NonVoting { get; init; } = [];

    /// <summary>
    /// Names printed in a list that the registry could not resolve, kept verbatim in printed order with their list
    /// (input-formats §4.4, §7.8): the record keeps them, and the import flags them. Empty for most votes.
    /// </summary>
    public IReadOnlyList<UnresolvedVoter> Unresolved { get; init; } = [];
}

/// <summary>The three lists of a recorded vote (AKN4UN <c>count/@refersTo</c>: inFavour, against, abstaining).</summary>
public enum VoteList
{
    /// <summary>赞成: in favour.</summary>
    InFavour,

    /// <summary>反对: against.</summary>
    Against,

    /// <summary>弃权: abstaining.</summary>
    Abstaining,
}

/// <summary>
/// A name in a vote list that no state of the registry bears (input-formats §4.4, §7.8); the import's data-quality flag
/// gives the source line where it is printed.
/// </summary>
/// <param name="List">The list it was printed in.</param>
/// <param name="Name">The name exactly as printed (white space collapsed).</param>
public sealed record UnresolvedVoter(VoteList List, string Name);

/// <summary>A sponsor (input-formats §2.7; AKN4UN <c>workflow/step/@by</c>).</summary>
/// <param name="Country">ISO 3166-1 alpha-3 code, or null for a sponsor that is not a state (the President of the
/// General Assembly, a group that the text names without its members).</param>
/// <param name="CouncilMember">For a Council draft: false when the name carries <c>*</c> (非人权理事会成员国: not a member
/// of the Council); null where the source does not say (General Assembly).</param>
/// <param name="Name">The sponsor as printed (白俄罗斯; <c>Cuba (on behalf of …)</c>); null when only the code is known.</param>
/// <param name="Additional">True for an additional sponsor (AKN4UN step <c>draftResolutionAdditionalSponsors</c>).</param>
public sealed record Sponsor(string? Country, bool? CouncilMember, string? Name = null, bool Additional = false);
