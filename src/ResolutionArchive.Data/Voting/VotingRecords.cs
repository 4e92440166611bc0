using Microsoft.EntityFrameworkCore;
using ResolutionArchive.Data.Entities;
using ResolutionArchive.Parsing.Countries;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Data.Voting;

/// <summary>
/// A state's part in one recorded vote (docs/voting.md §1). Only the first three are printed in the resolution; the
/// last two are what the archive can say about a state not in the lists.
/// </summary>
public enum CountryVote
{
    /// <summary>赞成: in the list of those in favour.</summary>
    InFavour,

    /// <summary>反对: in the list of those against.</summary>
    Against,

    /// <summary>弃权: in the list of those abstaining.</summary>
    Abstaining,

    /// <summary>
    /// 缺席: a General Assembly vote in which this UN member state is in none of the three lists — every member may
    /// vote in the Assembly, so it was absent or did not vote.
    /// </summary>
    Absent,

    /// <summary>
    /// 未列名: a Human Rights Council vote in which this state is in none of the lists. The Council has 47 members
    /// and the archive does not hold its membership by year, so the state may not have been a member; never
    /// "against", never "absent".
    /// </summary>
    NotListed,
}

/// <summary>The stored list a state was in (<see cref="VotePosition"/>) as what it did in the vote (<see cref="CountryVote"/>).</summary>
public static class CountryVotes
{
    /// <summary>In favour, against and abstaining map to themselves; a stored non-voting member is absent.</summary>
    /// <exception cref="ArgumentOutOfRangeException">A position this build does not know.</exception>
    public static CountryVote Of(VotePosition position) => position switch
    {
        VotePosition.InFavour => CountryVote.InFavour,
        VotePosition.Against => CountryVote.Against,
        VotePosition.Abstaining => CountryVote.Abstaining,
        VotePosition.NonVoting => CountryVote.Absent,
        _ => throw new ArgumentOutOfRangeException(nameof(position), position, "a vote position this build does not know"),
    };
}

/// <summary>One recorded vote of the archive.</summary>
/// <param name="Key">The record's key (its page is <c>/resolutions/{key}</c>).</param>
/// <param name="Symbol">Its symbol; null for a draft.</param>
/// <param name="Number">Its number as printed.</param>
/// <param name="Title">Its title.</param>
/// <param name="Body">HRC or GA.</param>
/// <param name="Session">Its session.</param>
/// <param name="Date">The adoption date (null for a draft voted on but not dated).</param>
/// <param name="Positions">ISO3 → position, for every listed state.</param>
public sealed record RecordedVote(string Key, string? Symbol, string Number, string Title, Body Body, int? Session, DateOnly? Date, IReadOnlyDictionary<string, VotePosition> Positions)
{
    /// <summary>States in favour, against and abstaining, counted from the lists.</summary>
    public (int Yes, int No, int Abstain) Counts { get; } = (
        Positions.Values.Count(p => p == VotePosition.InFavour),
        Positions.Values.Count(p => p == VotePosition.Against),
        Positions.Values.Count(p => p == VotePosition.Abstaining));

    /// <summary>
    /// The majority: the position most listed states took (yes, no or abstaining); null on a tie for the most
    /// (docs/voting.md §2).
    /// </summary>
    public VotePosition? Majority => _majority ??= MajorityOf(Counts);

    // computed once: a country page asks it of every vote (6,700 for the General Assembly's history)
    private Box? _majority;

    private static Box MajorityOf((int Yes, int No, int Abstain) counts)
    {
        var ranked = new[] { (VotePosition.InFavour, counts.Yes), (VotePosition.Against, counts.No), (VotePosition.Abstaining, counts.Abstain) }
            .OrderByDescending(x => x.Item2).ToArray();
        return new Box(ranked[0].Item2 > ranked[1].Item2 ? ranked[0].Item1 : null);
    }

    /// <summary>A computed majority, null included.</summary>
    private sealed record Box(VotePosition? Value)
    {
        public static implicit operator VotePosition?(Box box) => box.Value;
    }

    /// <summary>
    /// The members of the body on the adoption date that are in none of the lists (input-formats §4.5), as stored by
    /// the import; empty for a vote whose membership the registry does not hold.
    /// </summary>
    public IReadOnlySet<string> NonVoting { get; init; } = new HashSet<string>(StringComparer.Ordinal);

    /// <summary>
    /// What <paramref name="iso3"/> did in this vote (docs/voting.md §1): its list; <see cref="CountryVote.Absent"/> for a
    /// non-voting member (and, where no membership was stored, for a GA member state); otherwise not listed.
    /// </summary>
    public CountryVote Of(string iso3) =>
        Positions.TryGetValue(iso3, out var position) ? CountryVotes.Of(position)
        : NonVoting.Contains(iso3) ? CountryVote.Absent
        : NonVoting.Count == 0 && Body == Body.GA && VotingArchive.IsMemberState(iso3) ? CountryVote.Absent
        : CountryVote.NotListed;
}

/// <summary>A state's sponsorship of a record, and how it then voted.</summary>
/// <param name="Key">The record's key.</param>
/// <param name="Symbol">Its symbol; null for a draft.</param>
/// <param name="Number">Its number.</param>
/// <param name="Title">Its title.</param>
/// <param name="Body">HRC or GA.</param>
/// <param name="Date">Adoption date.</param>
/// <param name="Additional">True for an additional sponsor (joined after the draft was tabled).</param>
/// <param name="Vote">The state's vote when the record was adopted by a recorded vote; null otherwise.</param>
public sealed record Sponsorship(string Key, string? Symbol, string Number, string Title, Body Body, DateOnly? Date, bool Additional, CountryVote? Vote)
{
    /// <summary>True when the sponsor then voted against or abstained (docs/voting.md §4).</summary>
    public bool VotedAgainstOwnText => Vote is CountryVote.Against or CountryVote.Abstaining;
}

/// <summary>How often two states voted alike (docs/voting.md §3).</summary>
/// <param name="Iso3">The other state.</param>
/// <param name="Shared">Recorded votes in which both are in a list (in favour, against or abstaining).</param>
/// <param name="Same">Of those, the votes in which both took the same position.</param>
public sealed record Agreement(string Iso3, int Shared, int Same)
{
    /// <summary><see cref="Same"/> / <see cref="Shared"/>, from 0 to 1 (0 when nothing is shared).</summary>
    public double Share => Shared == 0 ? 0 : (double)Same / Shared;
}

/// <summary>A state's totals (docs/voting.md §2).</summary>
/// <param name="Votes">Recorded votes of the archive in which the state has a position (any of the five).</param>
/// <param name="InFavour">In favour.</param>
/// <param name="Against">Against.</param>
/// <param name="Abstaining">Abstaining.</param>
/// <param name="Absent">Absent (GA only).</param>
/// <param name="NotListed">Not listed (HRC only).</param>
/// <param name="WithMajority">Votes in which it took the majority's position.</param>
/// <param name="Cast">Votes in which it was in a list (in favour + against + abstaining).</param>
public sealed record VotingTotals(int Votes, int InFavour, int Against, int Abstaining, int Absent, int NotListed, int WithMajority, int Cast)
{
    /// <summary><see cref="WithMajority"/> / <see cref="Cast"/> (0 when it cast none).</summary>
    public double WithMajorityShare => Cast == 0 ? 0 : (double)WithMajority / Cast;
}

/// <summary>
/// Every recorded vote of the archive in memory, for the country pages, the compare view and the open data
/// (docs/voting.md). Built once per archive revision by <see cref="VotingRecords"/>: a few hundred votes of up to 193
/// states, so the agreement of every pair is computed from it on demand in well under a millisecond per pair.
/// </summary>
public sealed class VotingArchive
{
    private static readonly HashSet<string> MemberStates = CountryRegistry.Default.Countries
        .Where(c => c.Iso3 is not ("VAT" or "PSE")).Select(c => c.Iso3).ToHashSet(StringComparer.Ordinal);

    private readonly Dictionary<string, List<(string Key, bool Additional)>> _sponsored;

    internal VotingArchive(long revision, IReadOnlyList<RecordedVote> votes, IReadOnlyList<(string Key, string? Symbol, string Number, string Title, Body Body, DateOnly? Date)> records, Dictionary<string, List<(string Key, bool Additional)>> sponsored)
    {
        Revision = revision;
        Votes = votes;
        Records = records.ToDictionary(r => r.Key, StringComparer.Ordinal);
        _sponsored = sponsored;
        VotesByKey = votes.ToDictionary(v => v.Key, StringComparer.Ordinal);
        // a dense copy for the agreement sums: state index → position (−1: not listed) per vote
        _stateIndex = votes.SelectMany(v => v.Positions.Keys).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
            .Select((iso3, i) => (iso3, i)).ToDictionary(x => x.iso3, x => x.i, StringComparer.Ordinal);
        _states = [.. _stateIndex.OrderBy(x => x.Value).Select(x => x.Key)];
        _dense = votes.Select(v =>
        {
            var row = new sbyte[_states.Length];
            Array.Fill(row, (sbyte)-1);
            foreach (var (iso3, position) in v.Positions)
            {
                row[_stateIndex[iso3]] = (sbyte)position;
            }

            return row;
        }).ToArray();
    }

    private readonly Dictionary<string, int> _stateIndex;
    private readonly string[] _states;
    private readonly sbyte[][] _dense;

    /// <summary>The archive revision this was built from.</summary>
    public long Revision { get; }

    /// <summary>Every recorded vote, oldest first (by date, then number; undated last).</summary>
    public IReadOnlyList<RecordedVote> Votes { get; }

    /// <summary>The recorded votes by record key.</summary>
    public IReadOnlyDictionary<string, RecordedVote> VotesByKey { get; }

    private Dictionary<string, (string Key, string? Symbol, string Number, string Title, Body Body, DateOnly? Date)> Records { get; }

    /// <summary>
    /// True for the 193 UN member states of the registry (the Holy See and the State of Palestine are observer
    /// states and do not vote in the General Assembly).
    /// </summary>
    public static bool IsMemberState(string iso3) => MemberStates.Contains(iso3);

    /// <summary>How many recorded votes list <paramref name="iso3"/> (in favour, against or abstaining).</summary>
    public int CastCount(string iso3) => Votes.Count(v => v.Positions.ContainsKey(iso3));

    /// <summary>The state's part in every recorded vote of the archive (all five kinds), oldest first.</summary>
    public IEnumerable<(RecordedVote Vote, CountryVote Position)> RecordOf(string iso3) => Votes.Select(v => (v, v.Of(iso3)));

    /// <summary>The state's totals over <paramref name="record"/> (by default all of <see cref="RecordOf"/>).</summary>
    public static VotingTotals TotalsOf(IEnumerable<(RecordedVote Vote, CountryVote Position)> record)
    {
        ArgumentNullException.ThrowIfNull(record);
        int votes = 0, yes = 0, no = 0, abstain = 0, absent = 0, notListed = 0, majority = 0;
        foreach (var (vote, position) in record)
        {
            votes++;
            switch (position)
            {
                case CountryVote.InFavour: yes++; break;
                case CountryVote.Against: no++; break;
                case CountryVote.Abstaining: abstain++; break;
                case CountryVote.Absent: absent++; break;
                default: notListed++; break;
            }

            if (position <= CountryVote.Abstaining && vote.Majority is { } m && (int)m == (int)position)
            {
                majority++;
            }
        }

        return new VotingTotals(votes, yes, no, abstain, absent, notListed, majority, yes + no + abstain);
    }

    /// <summary>
    /// The agreement of <paramref name="iso3"/> with every other state of the registry, over the recorded votes in
    /// which both are listed: <see cref="Agreement.Same"/> / <see cref="Agreement.Shared"/> (docs/voting.md §3).
    /// States sharing no vote are left out.
    /// </summary>
    public IReadOnlyList<Agreement> AgreementsOf(string iso3)
    {
        // one pass over the dense positions: about 6,700 votes × 200 states for the General Assembly's whole history,
        // a few milliseconds (docs/performance.md "Voting at scale")
        if (!_stateIndex.TryGetValue(iso3, out var me))
        {
            return [];
        }

        var shared = new int[_states.Length];
        var same = new int[_states.Length];
        foreach (var row in _dense)
        {
            var mine = row[me];
            if (mine < 0)
            {
                continue;
            }

            for (var j = 0; j < row.Length; j++)
            {
                var theirs = row[j];
                if (theirs >= 0)
                {
                    shared[j]++;
                    if (theirs == mine)
                    {
                        same[j]++;
                    }
                }
            }
        }

        var agreements = new List<Agreement>();
        for (var j = 0; j < _states.Length; j++)
        {
            if (j != me && shared[j] > 0)
            {
                agreements.Add(new Agreement(_states[j], shared[j], same[j]));
            }
        }

        return agreements; // the states are indexed in ordinal order of their codes
    }

    /// <summary>Every recorded vote with the parts of both states, oldest first (the compare view).</summary>
    public IEnumerable<(RecordedVote Vote, CountryVote First, CountryVote Second)> Compare(string first, string second) =>
        Votes.Select(v => (v, v.Of(first), v.Of(second)));

    /// <summary>The records <paramref name="iso3"/> sponsored (resolutions and drafts), newest first, with its vote when recorded.</summary>
    public IReadOnlyList<Sponsorship> SponsorshipsOf(string iso3)
    {
        if (!_sponsored.TryGetValue(iso3, out var keys))
        {
            return [];
        }

        return keys.Select(k =>
            {
                var r = Records[k.Key];
                CountryVote? vote = VotesByKey.TryGetValue(k.Key, out var v) ? v.Of(iso3) : null;
                return new Sponsorship(r.Key, r.Symbol, r.Number, r.Title, r.Body, r.Date, k.Additional, vote);
            })
            .OrderByDescending(s => s.Date).ThenBy(s => s.Key, StringComparer.Ordinal).ToList();
    }
}

/// <summary>
/// Loads the <see cref="VotingArchive"/> and keeps it until the archive's revision changes
/// (<see cref="ArchiveRevision.ReadAsync"/>: every import increases it). Thread-safe; the web keeps one instance.
/// </summary>
public sealed class VotingRecords
{
    private readonly RevisionCache<VotingArchive> _cache = new(LoadAsync);

    /// <summary>The archive's recorded votes as of now.</summary>
    public async Task<VotingArchive> GetAsync(ArchiveDbContext db, CancellationToken cancellationToken = default) =>
        (await _cache.GetAsync(db, cancellationToken)).Value;

    /// <summary>Reads the recorded votes and the sponsors from the database (no cache).</summary>
    public static async Task<VotingArchive> LoadAsync(ArchiveDbContext db, long revision, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(db);
        var records = await db.Resolutions.AsNoTracking()
            .Select(r => new { r.Id, r.Key, r.Symbol, r.Number, r.Title, r.Body, r.Session, r.AdoptionDate, r.VoteMode })
            .ToListAsync(cancellationToken);
        var positions = await db.Votes.AsNoTracking().Select(v => new { v.ResolutionId, v.CountryIso3, v.Position }).ToListAsync(cancellationToken);
        // the listed states, and apart from them the non-voting members (names the registry does not know have no code)
        var byResolution = positions.Where(p => p.CountryIso3 is not null && p.Position != VotePosition.NonVoting).GroupBy(p => p.ResolutionId)
            .ToDictionary(g => g.Key, g => g.ToDictionary(p => p.CountryIso3!, p => p.Position, StringComparer.Ordinal));
        var nonVoting = positions.Where(p => p.CountryIso3 is not null && p.Position == VotePosition.NonVoting).GroupBy(p => p.ResolutionId)
            .ToDictionary(g => g.Key, g => (IReadOnlySet<string>)g.Select(p => p.CountryIso3!).ToHashSet(StringComparer.Ordinal));
        var votes = records
            .Where(r => r.VoteMode == VoteMode.Recorded && byResolution.ContainsKey(r.Id))
            .Select(r => new RecordedVote(r.Key, r.Symbol, r.Number, r.Title, r.Body, r.Session, r.AdoptionDate, byResolution[r.Id])
            {
                NonVoting = nonVoting.GetValueOrDefault(r.Id) ?? new HashSet<string>(StringComparer.Ordinal),
            })
            .OrderBy(v => v.Date ?? DateOnly.MaxValue).ThenBy(v => v.Number, StringComparer.Ordinal).ThenBy(v => v.Key, StringComparer.Ordinal)
            .ToList();

        var keys = records.ToDictionary(r => r.Id, r => r.Key);
        var sponsors = await db.Sponsors.AsNoTracking().Where(s => s.CountryIso3 != null)
            .Select(s => new { s.ResolutionId, s.CountryIso3, s.Additional, s.Ordinal }).ToListAsync(cancellationToken);
        var sponsored = sponsors.GroupBy(s => s.CountryIso3!, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.GroupBy(s => s.ResolutionId).Select(x => (keys[x.Key], x.All(s => s.Additional))).ToList(), StringComparer.Ordinal);
        return new VotingArchive(
            revision,
            votes,
            records.Select(r => (r.Key, r.Symbol, r.Number, r.Title, r.Body, r.AdoptionDate)).ToList(),
            sponsored);
    }
}
