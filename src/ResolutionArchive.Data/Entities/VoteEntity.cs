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

/// <summary>One sponsor of a resolution or draft (table <c>Sponsors</c>, key: resolution and country).</summary>
public sealed class SponsorEntity
{
    /// <summary>Owning resolution.</summary>
    public int ResolutionId { get; set; }

    /// <summary>ISO 3166-1 alpha-3 code.</summary>
    public required string CountryIso3 { get; set; }

    /// <summary>False when printed with <c>*</c> (not a member of the Council).</summary>
    public bool CouncilMember { get; set; }

    /// <summary>0-based position in the printed list.</summary>
    public int Ordinal { get; set; }
}
