using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using ResolutionArchive.Data.Entities;
using ResolutionArchive.Parsing.References;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Data.Import;

/// <summary>
/// Converts between the domain model (<see cref="ParsedResolution"/>) and the rows that store it. The two directions
/// are exact inverses for every field the tables hold (a test checks it on every seed).
/// </summary>
public static class ResolutionMapper
{
    private static readonly JsonSerializerOptions EmphasisJson = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// The permanent key of a record: the symbol when there is one, else
    /// <c>{body}/{session}/draft/{first 8 hex digits of SHA-256 of the title}</c> — stable across re-imports of the
    /// same draft, and distinct for two drafts of one session.
    /// </summary>
    public static string KeyOf(ParsedResolution resolution)
    {
        if (resolution.Symbol is not null)
        {
            return resolution.Symbol;
        }

        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(resolution.Title)))[..8];
        return $"{resolution.Body}/{resolution.Session}/draft/{hash}";
    }

    /// <summary>
    /// The rows for <paramref name="resolution"/>, ready to insert; <paramref name="fieldSources"/> (field → source file,
    /// see <see cref="ResolutionMerger"/>) is stored beside it when given.
    /// </summary>
    public static ResolutionEntity ToEntity(ParsedResolution resolution, string sourceFile, string sourceSha256, DateTime importedAtUtc, IReadOnlyDictionary<string, string>? fieldSources = null)
    {
        var entity = new ResolutionEntity
        {
            Key = KeyOf(resolution),
            Symbol = resolution.Symbol,
            Number = resolution.Number,
            Body = resolution.Body,
            Session = resolution.Session,
            Status = resolution.Status,
            Title = resolution.Title,
            AgendaItem = resolution.AgendaItem,
            PublishedPartLabel = resolution.PublishedPart?.Label,
            PublishedPartTitle = resolution.PublishedPart?.Title,
            AgendaTitle = resolution.AgendaTitle,
            AdoptionDate = resolution.AdoptionDate,
            MeetingNumber = resolution.Meeting?.Number,
            MeetingPlenary = resolution.Meeting?.Plenary ?? false,
            MeetingResumed = resolution.Meeting?.Resumed ?? false,
            Committee = resolution.CommitteeReport?.Committee,
            CommitteeReportSymbol = resolution.CommitteeReport?.Symbol,
            CommitteeReportParagraph = resolution.CommitteeReport?.Paragraph,
            DraftSymbol = resolution.DraftSymbol,
            VoteMode = resolution.Vote.Mode,
            YesCount = resolution.Vote.YesCount,
            NoCount = resolution.Vote.NoCount,
            AbstainCount = resolution.Vote.AbstainCount,
            SourceFile = sourceFile,
            SourceSha256 = sourceSha256,
            ImportedAtUtc = importedAtUtc,
        };

        foreach (var clause in resolution.Preamble.Concat(resolution.Operative))
        {
            AddClause(entity, clause, clause.Kind == ClauseKind.Preamble ? ParagraphKind.Preamble : ParagraphKind.Operative, null);
        }

        foreach (var (annex, i) in resolution.Annexes.Select((a, i) => (a, i)))
        {
            entity.Annexes.Add(new AnnexEntity { Anchor = annex.Id, Heading = annex.Heading, Title = annex.Title, Ordinal = i });
            foreach (var block in annex.Paragraphs)
            {
                AddClause(entity, block, ParagraphKind.Annex, annex.Id);
            }
        }

        entity.Parts.AddRange(resolution.Parts.Select((p, i) => new PartEntity
        {
            Label = p.Label,
            Title = p.Title,
            Ordinal = i,
            AdoptionDate = p.AdoptionDate,
            MeetingNumber = p.Meeting?.Number,
            MeetingResumed = p.Meeting?.Resumed ?? false,
            VoteJson = p.Vote is null ? null : JsonSerializer.Serialize(p.Vote, Parsing.Serialization.ResolutionJson.Options),
        }));
        entity.FieldSources.AddRange((fieldSources ?? new Dictionary<string, string>()).Select(f => new FieldSourceEntity { Field = f.Key, SourceFile = f.Value }));

        entity.Footnotes.AddRange(resolution.Footnotes.Select((f, i) => new FootnoteEntity
        {
            Anchor = f.Id,
            Marker = f.Marker,
            Text = f.Text,
            AttachedTo = f.AttachedTo,
            Ordinal = i,
        }));
        AddVotes(entity, resolution.Vote.Yes, VotePosition.InFavour);
        AddVotes(entity, resolution.Vote.No, VotePosition.Against);
        AddVotes(entity, resolution.Vote.Abstain, VotePosition.Abstaining);
        var unresolvedFirst = entity.Votes.Count;
        entity.Votes.AddRange(resolution.Vote.Unresolved.Select((u, i) => new VoteEntity { Position = (VotePosition)(int)u.List, Ordinal = unresolvedFirst + i, Name = u.Name }).ToList());
        AddVotes(entity, resolution.Vote.NonVoting, VotePosition.NonVoting);
        entity.Sponsors.AddRange(resolution.Sponsors.Select((s, i) => new SponsorEntity { CountryIso3 = s.Country, CouncilMember = s.CouncilMember, Name = s.Name, Additional = s.Additional, Ordinal = i }));
        entity.References.AddRange(ReferencesOf(resolution));
        return entity;
    }

    /// <summary>
    /// The <c>References</c> rows of <paramref name="resolution"/>: every cross-reference that
    /// <see cref="ReferenceFinder.FindIn"/> finds in its clause and footnote texts (docs/input-formats.md §8), numbered in
    /// document order. Derived from the text only, so a rebuilt record always gets exactly the rows its text implies.
    /// </summary>
    public static IEnumerable<ReferenceEntity> ReferencesOf(ParsedResolution resolution) =>
        ReferenceFinder.FindIn(resolution).Select((r, i) => new ReferenceEntity
        {
            Anchor = r.Anchor,
            Ordinal = i,
            Start = r.Reference.Start,
            Length = r.Reference.Length,
            Kind = r.Reference.Kind,
            Text = r.Reference.Text,
            TargetSymbol = r.Reference.Target,
            Body = r.Reference.Body,
        });

    private static void AddClause(ResolutionEntity entity, Clause clause, ParagraphKind kind, string? parent)
    {
        entity.Paragraphs.Add(new ParagraphEntity
        {
            Anchor = clause.Id,
            Kind = kind,
            Ordinal = entity.Paragraphs.Count,
            Number = clause.Number,
            ParentAnchor = parent,
            Part = clause.Part,
            Text = clause.Text,
            FootnoteMarkers = string.Join(' ', clause.Footnotes),
            EmphasisJson = JsonSerializer.Serialize(clause.Emphasis, EmphasisJson),
        });
        AddPoints(entity, clause.Id, clause.Points);
    }

    /// <summary>The domain model of a stored record; its children must be loaded.</summary>
    public static ParsedResolution ToModel(ResolutionEntity entity)
    {
        var paragraphs = entity.Paragraphs.OrderBy(p => p.Ordinal).ToList();
        var children = paragraphs.Where(p => p.Kind == ParagraphKind.SubParagraph).ToLookup(p => p.ParentAnchor!);
        var votes = entity.Votes.OrderBy(v => v.Ordinal).ToList();
        List<string> Listed(VotePosition position) => votes.Where(v => v.Position == position && v.CountryIso3 is not null).Select(v => v.CountryIso3!).ToList();
        return new ParsedResolution
        {
            Symbol = entity.Symbol,
            Number = entity.Number,
            Body = entity.Body,
            Session = entity.Session,
            Status = entity.Status,
            Title = entity.Title,
            AgendaItem = entity.AgendaItem,
            PublishedPart = entity.PublishedPartLabel is { } partLabel ? new ResolutionPart(partLabel, entity.PublishedPartTitle ?? "") : null,
            AgendaTitle = entity.AgendaTitle,
            AdoptionDate = entity.AdoptionDate,
            Meeting = entity.MeetingNumber is { } meeting ? new Meeting(meeting, entity.MeetingPlenary, entity.MeetingResumed) : null,
            CommitteeReport = entity.CommitteeReportSymbol is { } report ? new CommitteeReport(entity.Committee, report, entity.CommitteeReportParagraph) : null,
            DraftSymbol = entity.DraftSymbol,
            Preamble = paragraphs.Where(p => p.Kind == ParagraphKind.Preamble).Select(p => ToClause(p, ClauseKind.Preamble, children)).ToList(),
            Operative = paragraphs.Where(p => p.Kind == ParagraphKind.Operative).Select(p => ToClause(p, ClauseKind.Operative, children)).ToList(),
            Parts = entity.Parts.OrderBy(p => p.Ordinal).Select(p => new ResolutionPart(p.Label, p.Title)
            {
                AdoptionDate = p.AdoptionDate,
                Meeting = p.MeetingNumber is { } n ? new Meeting(n, Plenary: true, p.MeetingResumed) : null,
                Vote = p.VoteJson is null ? null : JsonSerializer.Deserialize<Vote>(p.VoteJson, Parsing.Serialization.ResolutionJson.Options),
            }).ToList(),
            Annexes = entity.Annexes.OrderBy(a => a.Ordinal)
                .Select(a => new Annex(a.Anchor, a.Heading, a.Title, paragraphs.Where(p => p.Kind == ParagraphKind.Annex && p.ParentAnchor == a.Anchor).Select(p => ToClause(p, ClauseKind.Annex, children)).ToList()))
                .ToList(),
            Footnotes = entity.Footnotes.OrderBy(f => f.Ordinal).Select(f => new Footnote(f.Anchor, f.Marker, f.Text, f.AttachedTo, 0)).ToList(),
            Vote = entity.VoteMode switch
            {
                VoteMode.Recorded => new Vote(
                    VoteMode.Recorded,
                    entity.YesCount,
                    entity.NoCount,
                    entity.AbstainCount,
                    Listed(VotePosition.InFavour),
                    Listed(VotePosition.Against),
                    Listed(VotePosition.Abstaining))
                {
                    NonVoting = Listed(VotePosition.NonVoting),
                    Unresolved = votes.Where(v => v.CountryIso3 is null).Select(v => new UnresolvedVoter((VoteList)(int)v.Position, v.Name ?? "")).ToList(),
                },
                VoteMode.WithoutVote => Vote.WithoutVote,
                VoteMode.SilenceProcedure => Vote.WithoutVote with { Mode = VoteMode.SilenceProcedure },
                _ => Vote.NotStated,
            },
            Sponsors = entity.Sponsors.OrderBy(s => s.Ordinal).Select(s => new Sponsor(s.CountryIso3, s.CouncilMember, s.Name, s.Additional)).ToList(),
        };
    }

    private static Clause ToClause(ParagraphEntity p, ClauseKind kind, ILookup<string, ParagraphEntity> children) => new(
        p.Anchor,
        kind,
        p.Number,
        p.Text,
        Markers(p),
        JsonSerializer.Deserialize<List<Emphasis>>(p.EmphasisJson, EmphasisJson) ?? [],
        ToPoints(p.Anchor, children),
        0,
        p.Part);

    private static IReadOnlyList<Point> ToPoints(string parent, ILookup<string, ParagraphEntity> children) =>
        children[parent].OrderBy(c => c.Ordinal).Select(c => new Point(c.Anchor, c.Number ?? "", c.Text, Markers(c), ToPoints(c.Anchor, children))).ToList();

    private static string[] Markers(ParagraphEntity p) => p.FootnoteMarkers.Split(' ', StringSplitOptions.RemoveEmptyEntries);

    private static void AddPoints(ResolutionEntity entity, string parent, IReadOnlyList<Point> points)
    {
        foreach (var point in points)
        {
            entity.Paragraphs.Add(new ParagraphEntity
            {
                Anchor = point.Id,
                Kind = ParagraphKind.SubParagraph,
                Ordinal = entity.Paragraphs.Count,
                Number = point.Label,
                ParentAnchor = parent,
                Text = point.Text,
                FootnoteMarkers = string.Join(' ', point.Footnotes),
            });
            AddPoints(entity, point.Id, point.Points);
        }
    }

    private static void AddVotes(ResolutionEntity entity, IReadOnlyList<string> countries, VotePosition position)
    {
        var first = entity.Votes.Count; // read once: the ordinals continue the rows already there
        entity.Votes.AddRange(countries.Select((c, i) => new VoteEntity { CountryIso3 = c, Position = position, Ordinal = first + i }).ToList());
    }
}
