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
}

/// <summary>One state's vote on one resolution (table <c>Votes</c>, key: resolution and country).</summary>
public sealed class VoteEntity
{
    /// <summary>Owning resolution.</summary>
    public int ResolutionId { get; set; }

    /// <summary>ISO 3166-1 alpha-3 code.</summary>
    public required string CountryIso3 { get; set; }

    /// <summary>In favour, against or abstaining.</summary>
    public VotePosition Position { get; set; }

    /// <summary>0-based position in the printed list.</summary>
    public int Ordinal { get; set; }
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
