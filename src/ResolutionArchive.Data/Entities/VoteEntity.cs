namespace ResolutionArchive.Data.Entities;

/// <summary>A state's position in a recorded vote.</summary>
public enum VotePosition
{
    /// <summary>赞成: in favour.</summary>
    InFavour,

    /// <summary>反对: against.</summary>
    Against,

    /// <summary>弃权: abstaining.</summary>
    Abstaining,

    /// <summary>
    /// 未参加表决: a member of the body on the adoption date that is in none of the three lists (the UN Digital
    /// Library's <c>X</c>; input-formats §4.5).
    /// </summary>
    NonVoting,
}

/// <summary>
/// One state's vote on one resolution (table <c>Votes</c>, key: resolution and ordinal): a listed state, a non-voting
/// member, or a name printed in a list that the registry does not know (<see cref="CountryIso3"/> null, <see cref="Name"/>
/// as printed; input-formats §4.4).
/// </summary>
public sealed class VoteEntity
{
    /// <summary>Owning resolution.</summary>
    public int ResolutionId { get; set; }

    /// <summary>ISO 3166-1 alpha-3 code; null for a name the registry does not know.</summary>
    public string? CountryIso3 { get; set; }

    /// <summary>In favour, against, abstaining or non-voting.</summary>
    public VotePosition Position { get; set; }

    /// <summary>0-based position: the three lists in printed order, then the unresolved names, then the non-voting members.</summary>
    public int Ordinal { get; set; }

    /// <summary>The name as printed, for a name the registry does not know; null otherwise.</summary>
    public string? Name { get; set; }
}

/// <summary>One sponsor of a resolution or draft (table <c>Sponsors</c>, key: resolution and position).</summary>
public sealed class SponsorEntity
{
    /// <summary>Owning resolution.</summary>
    public int ResolutionId { get; set; }

    /// <summary>0-based position: the sponsors in printed order, then the additional sponsors.</summary>
    public int Ordinal { get; set; }

    /// <summary>ISO 3166-1 alpha-3 code; null for a sponsor that is not a state.</summary>
    public string? CountryIso3 { get; set; }

    /// <summary>False when printed with <c>*</c> (not a member of the Council); null where the source does not say.</summary>
    public bool? CouncilMember { get; set; }

    /// <summary>The sponsor as printed.</summary>
    public string? Name { get; set; }

    /// <summary>True for an additional sponsor.</summary>
    public bool Additional { get; set; }
}
