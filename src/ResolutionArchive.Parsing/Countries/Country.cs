namespace ResolutionArchive.Parsing.Countries;

/// <summary>
/// A UN member state, observer state or former member state: one row of <c>Countries/states.csv</c> with its names over
/// time from <c>Countries/state-names.csv</c> (sources: <c>Countries/SOURCES.md</c>).
/// </summary>
/// <param name="Iso2">ISO 3166-1 alpha-2 code (ISO 3166-3 for a former state).</param>
/// <param name="Iso3">ISO 3166-1 alpha-3 code: the archive's country key everywhere (ISO 3166-3 for a former state).</param>
/// <param name="M49">UN M49 numeric code, three digits.</param>
/// <param name="NameEn">The UN's current official English short name (the <c>official</c> row without an end date).</param>
/// <param name="NameZh">The UN's current official Chinese short name, the form printed in vote lists.</param>
/// <param name="AliasesZh">Every other Chinese name the registry reads: earlier official names, formal names and
/// variants seen in UN texts, and common short forms users type (美国, 英国).</param>
public sealed record Country(string Iso2, string Iso3, string M49, string NameEn, string NameZh, IReadOnlyList<string> AliasesZh)
{
    /// <summary>Member, observer or former member (<c>states.csv</c> column <c>status</c>).</summary>
    public StateStatus Status { get; init; } = StateStatus.Member;

    /// <summary>The UN regional group the state belongs to (for elections); null for none (Holy See).</summary>
    public RegionalGroup? RegionalGroup { get; init; }

    /// <summary>The date of admission to the United Nations; null for an observer state.</summary>
    public DateOnly? Admitted { get; init; }

    /// <summary>The last day of membership of a state that ceased to be a member; null otherwise.</summary>
    public DateOnly? Left { get; init; }

    /// <summary>Earlier codes that stand for this state (ISO 3166-3: SCG for Serbia, SUN for the Russian Federation).</summary>
    public IReadOnlyList<string> OtherCodes { get; init; } = [];

    /// <summary>The documented special case of the row (its group, a succession), or null.</summary>
    public string? Note { get; init; }

    /// <summary>Every name of the state the registry knows, official names with their dates first.</summary>
    public IReadOnlyList<StateName> Names { get; init; } = [];

    /// <summary>True when the state was a member of the United Nations on <paramref name="date"/> (admitted on or
    /// before it, not yet left); an observer state never is.</summary>
    public bool IsUnMemberOn(DateOnly date) =>
        Status != StateStatus.Observer && (Admitted is null || Admitted <= date) && (Left is null || date <= Left);

    /// <summary>
    /// The official short name in <paramref name="language"/> (<c>en</c> or <c>zh</c>) in use on <paramref name="date"/>:
    /// a 2018 vote shows <c>Swaziland</c>, a 2019 one <c>Eswatini</c>. The current name when the date is null or before
    /// every dated name.
    /// </summary>
    public string NameOn(DateOnly? date, string language)
    {
        var current = language == "en" ? NameEn : NameZh;
        if (date is not { } on)
        {
            return current;
        }

        foreach (var name in Names)
        {
            if (name.Kind == StateNameKind.Official && name.Language == language && name.Covers(on))
            {
                return name.Name;
            }
        }

        return current;
    }
}

/// <summary>Whether a state is a member, an observer or a former member of the United Nations.</summary>
public enum StateStatus
{
    /// <summary>A Member State.</summary>
    Member,

    /// <summary>A non-member observer state (Holy See, State of Palestine).</summary>
    Observer,

    /// <summary>A state that was a member and ceased to exist (Czechoslovakia, German Democratic Republic).</summary>
    Former,
}

/// <summary>The five UN regional groups, by which seats are allocated (General Assembly resolution 60/251 §7 for the
/// Council's 47: 13 African, 13 Asia-Pacific, 6 Eastern European, 8 Latin American and Caribbean, 7 Western European
/// and other).</summary>
public enum RegionalGroup
{
    /// <summary>Group of African States.</summary>
    African,

    /// <summary>Group of Asia-Pacific States.</summary>
    AsiaPacific,

    /// <summary>Group of Eastern European States.</summary>
    EasternEuropean,

    /// <summary>Group of Latin American and Caribbean States (GRULAC).</summary>
    LatinAmericanAndCaribbean,

    /// <summary>Group of Western European and other States (WEOG).</summary>
    WesternEuropeanAndOther,
}

/// <summary>What a row of <c>state-names.csv</c> is.</summary>
public enum StateNameKind
{
    /// <summary>The UN's official short name, in use between its dates.</summary>
    Official,

    /// <summary>Another form the UN prints or printed (capitals forms, formal names, older designations).</summary>
    Alias,

    /// <summary>A misspelling the UN printed in a published file.</summary>
    Typo,

    /// <summary>A common short form that users type (美国, 英国, 韩国).</summary>
    Common,
}

/// <summary>One name of a state.</summary>
/// <param name="Language"><c>en</c> or <c>zh</c>.</param>
/// <param name="Kind">Official, alias, typo or common form.</param>
/// <param name="Name">The name as the UN writes it.</param>
/// <param name="ValidFrom">First day the official name was in use; null for "since before the archive's records".</param>
/// <param name="ValidTo">Last day it was in use; null for "still in use".</param>
public sealed record StateName(string Language, StateNameKind Kind, string Name, DateOnly? ValidFrom, DateOnly? ValidTo)
{
    /// <summary>True when <paramref name="date"/> lies between the name's dates (both inclusive, open ends unbounded).</summary>
    public bool Covers(DateOnly date) => (ValidFrom is null || ValidFrom <= date) && (ValidTo is null || date <= ValidTo);
}

/// <summary>A term of a state on the Human Rights Council (<c>Countries/hrc-membership.csv</c>).</summary>
/// <param name="Iso3">The member.</param>
/// <param name="Start">First day of the term.</param>
/// <param name="End">Last day of the term (or of its membership, for a member that withdrew or was suspended).</param>
/// <param name="Group">The regional group whose seat it held.</param>
/// <param name="Note">A withdrawal, suspension or replacement, or null.</param>
public sealed record CouncilTerm(string Iso3, DateOnly Start, DateOnly End, RegionalGroup Group, string? Note);
