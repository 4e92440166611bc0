using System.Globalization;
using System.Xml.Linq;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Parsing.Akn;

// meta: identification (FRBR), workflow, the analysis of the vote, the TLC references and leftover notes
// (docs/akn-export.md, "Where each field of the model is kept", "Votes", "Sponsors", "References").
public static partial class AknWriter
{
    private static string BodyCode(Body body) => body == Body.GA ? "ga" : "hrc";

    private static string BodyUri(Body body) => body == Body.GA ? "unga" : "unhrc";

    private static string BodyName(Body body) => body == Body.GA ? "大会" : "人权理事会";

    private static string WorkDate(ParsedResolution r) =>
        r.AdoptionDate?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? UnknownDate;

    /// <summary>The number as a URI segment: <c>76/159</c> → <c>76-159</c>, white space removed.</summary>
    private static string WorkComponent(ParsedResolution r) => Token(r.Number.Replace('/', '-'));

    private static string Token(string value) => string.Concat(value.Where(c => !char.IsWhiteSpace(c)));

    private static XElement BuildMeta(ParsedResolution r, string number, IReadOnlyList<XElement> content, IReadOnlyList<XElement> leftoverNotes, bool withWorkflow)
    {
        var work = $"/akn/un/statement/deliberation/{BodyUri(r.Body)}/{WorkDate(r)}/{number}/";
        var dateName = r.AdoptionDate is null ? "unknown" : "adoption";
        var body = "#" + BodyCode(r.Body);

        var frbrWork = new XElement(
            Akn + "FRBRWork",
            new XElement(Akn + "FRBRthis", new XAttribute("value", work + "!main/")),
            new XElement(Akn + "FRBRuri", new XAttribute("value", work)));
        if (withWorkflow && r.Symbol is not null)
        {
            frbrWork.Add(new XElement(Akn + "FRBRalias", new XAttribute("value", r.Symbol), new XAttribute("name", "symbol")));
        }

        frbrWork.Add(
            new XElement(Akn + "FRBRdate", new XAttribute("date", WorkDate(r)), new XAttribute("name", dateName)),
            new XElement(Akn + "FRBRauthor", new XAttribute("href", body), new XAttribute("as", "#author")),
            new XElement(Akn + "FRBRcountry", new XAttribute("value", "un")));
        if (withWorkflow)
        {
            frbrWork.Add(
                new XElement(Akn + "FRBRsubtype", new XAttribute("value", r.Status == ResolutionStatus.Draft ? "draftResolution" : "resolution")),
                new XElement(Akn + "FRBRnumber", new XAttribute("value", r.Number)));
        }

        var identification = new XElement(
            Akn + "identification",
            new XAttribute("source", "#archive"),
            frbrWork,
            new XElement(
                Akn + "FRBRExpression",
                new XElement(Akn + "FRBRthis", new XAttribute("value", work + "zho@!main/")),
                new XElement(Akn + "FRBRuri", new XAttribute("value", work + "zho@/")),
                new XElement(Akn + "FRBRdate", new XAttribute("date", WorkDate(r)), new XAttribute("name", dateName)),
                new XElement(Akn + "FRBRauthor", new XAttribute("href", body), new XAttribute("as", "#author")),
                new XElement(Akn + "FRBRlanguage", new XAttribute("language", "zho"))),
            new XElement(
                Akn + "FRBRManifestation",
                new XElement(Akn + "FRBRthis", new XAttribute("value", work + "zho@/!main.xml")),
                new XElement(Akn + "FRBRuri", new XAttribute("value", work + "zho@.xml")),
                new XElement(Akn + "FRBRdate", new XAttribute("date", WorkDate(r)), new XAttribute("name", dateName)),
                new XElement(Akn + "FRBRauthor", new XAttribute("href", "#archive"), new XAttribute("as", "#editor"))));

        var meta = new XElement(Akn + "meta", identification);
        if (withWorkflow)
        {
            if (BuildWorkflow(r) is { } workflow)
            {
                meta.Add(workflow);
            }

            if (BuildAnalysis(r) is { } analysis)
            {
                meta.Add(analysis);
            }
        }

        // TLCs: exactly those that the document's refersTo/by/as/href name.
        var scanned = new List<XElement>(content) { meta };
        var used = UsedReferences(scanned, leftoverNotes);
        var tlcs = Tlcs(r).Where(t => used.Contains(t.Id)).Select(t => t.Element).ToList();
        if (tlcs.Count > 0)
        {
            meta.Add(new XElement(Akn + "references", new XAttribute("source", "#archive"), tlcs));
        }

        if (leftoverNotes.Count > 0)
        {
            meta.Add(new XElement(Akn + "notes", new XAttribute("source", "#archive"), leftoverNotes));
        }

        if (withWorkflow)
        {
            // The writer's mark, and the order of the footnotes (document order differs from model order, e.g. for
            // notes kept in meta/notes).
            var mark = new XElement(Ra + "export", new XAttribute("format", ExportFormat));
            if (r.Footnotes.Count > 0)
            {
                mark.Add(new XAttribute("footnotes", string.Join(' ', r.Footnotes.Select(f => f.Id))));
            }

            meta.Add(new XElement(Akn + "proprietary", new XAttribute("source", "#archive"), mark));
        }

        return meta;
    }

    private static XElement? BuildWorkflow(ParsedResolution r)
    {
        var steps = new List<XElement>();
        if (r.DraftSymbol is { } draft)
        {
            // the draft's document symbol where AKN4UN keeps it (input-formats §7.7): the draftResolution step's @as,
            // in a step of its own, as this export gives each sponsor its step; the schema requires @by: the body
            // whose document the draft is
            steps.Add(new XElement(
                Akn + "step",
                new XAttribute("date", UnknownDate),
                new XAttribute("outcome", "draftResolution"),
                new XAttribute("by", "#" + BodyCode(r.Body)),
                new XAttribute("as", draft)));
        }

        for (var i = 0; i < r.Sponsors.Count; i++)
        {
            var s = r.Sponsors[i];
            var step = new XElement(
                Akn + "step",
                new XAttribute("date", UnknownDate),
                new XAttribute("outcome", s.Additional ? "draftResolutionAdditionalSponsors" : "draftResolution"),
                new XAttribute("by", "#" + SponsorId(i)));
            if (s.CouncilMember is { } member)
            {
                step.Add(new XAttribute("as", member ? "#councilMember" : "#nonCouncilMember"));
            }

            steps.Add(step);
        }

        if (r.AdoptionDate is { } date)
        {
            steps.Add(new XElement(
                Akn + "step",
                new XAttribute("date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                new XAttribute("outcome", "adopted"),
                new XAttribute("by", "#" + BodyCode(r.Body))));
        }

        return steps.Count == 0 ? null : new XElement(Akn + "workflow", new XAttribute("source", "#archive"), steps);
    }

    private static XElement? BuildAnalysis(ParsedResolution r)
    {
        XElement voting;
        switch (r.Vote.Mode)
        {
            case VoteMode.Recorded:
                voting = new XElement(
                    Akn + "voting",
                    new XAttribute("outcome", "adoptedRecordedVote"),
                    Count("inFavour", r.Vote.YesCount, r.Vote.Yes, Unresolved(r.Vote, VoteList.InFavour)),
                    Count("against", r.Vote.NoCount, r.Vote.No, Unresolved(r.Vote, VoteList.Against)),
                    Count("abstaining", r.Vote.AbstainCount, r.Vote.Abstain, Unresolved(r.Vote, VoteList.Abstaining)),
                    // the non-voting members (input-formats §4.5), written so that the export is read back exactly
                    r.Vote.NonVoting.Count == 0 ? null : Count("nonVoting", r.Vote.NonVoting.Count, r.Vote.NonVoting, []));
                break;
            case VoteMode.SilenceProcedure:
                voting = new XElement(
                    Akn + "voting",
                    new XAttribute("outcome", "adoptedSilenceProcedure"),
                    new XElement(Akn + "quorum", new XAttribute("value", string.Empty)));
                break;
            case VoteMode.WithoutVote:
                voting = new XElement(
                    Akn + "voting",
                    new XAttribute("outcome", "adoptedWithoutVote"),
                    new XElement(Akn + "quorum", new XAttribute("value", string.Empty)));
                break;
            default:
                return null;
        }

        return new XElement(Akn + "analysis", new XAttribute("source", "#archive"), new XElement(Akn + "parliamentary", voting));
    }

    /// <summary>
    /// One list: the ISO codes as <c>organization refersTo="#memberState"</c>, then the names the registry did not know,
    /// verbatim, as <c>organization refersTo="#unresolvedName"</c> (docs/akn-export.md).
    /// </summary>
    private static XElement Count(string choice, int? count, IReadOnlyList<string> voters, IEnumerable<string> unresolved) =>
        new(
            Akn + "count",
            new XAttribute("value", count?.ToString(CultureInfo.InvariantCulture) ?? string.Empty),
            new XAttribute("refersTo", "#" + choice),
            new XElement(
                Akn4Un + "voters",
                voters.Select(code => new XElement(Akn + "organization", new XAttribute("refersTo", "#memberState"), code))
                    .Concat(unresolved.Select(name => new XElement(Akn + "organization", new XAttribute("refersTo", "#unresolvedName"), name)))));

    private static IEnumerable<string> Unresolved(Vote vote, VoteList list) => vote.Unresolved.Where(u => u.List == list).Select(u => u.Name);

    private static string SponsorId(int index) => "sponsor" + (index + 1).ToString(CultureInfo.InvariantCulture);

    private sealed record Tlc(string Id, XElement Element);

    private static Tlc MakeTlc(string kind, string id, string href, string showAs) =>
        new(id, new XElement(Akn + kind, new XAttribute("eId", id), new XAttribute("href", href), new XAttribute("showAs", showAs)));

    /// <summary>Every TLC the writer may refer to, in the order they are written.</summary>
    private static IEnumerable<Tlc> Tlcs(ParsedResolution r)
    {
        yield return MakeTlc("TLCOrganization", "archive", "/akn/ontology/organization/resolutionArchive", "ResolutionArchive");
        yield return MakeTlc("TLCOrganization", "hrc", "/akn/ontology/organization/un/humanRightsCouncil", "人权理事会");
        yield return MakeTlc("TLCOrganization", "ga", "/akn/ontology/organization/un/generalAssembly", "大会");
        yield return MakeTlc("TLCRole", "author", "/akn/ontology/role/un/author", "Author");
        yield return MakeTlc("TLCRole", "editor", "/akn/ontology/role/un/editor", "Editor");
        yield return MakeTlc("TLCRole", "councilMember", "/akn/ontology/role/un/humanRightsCouncil/member", "人权理事会成员国");
        yield return MakeTlc("TLCRole", "nonCouncilMember", "/akn/ontology/role/un/humanRightsCouncil/nonMember", "非人权理事会成员国");
        yield return MakeTlc("TLCConcept", "symbol", "/akn/ontology/reference/un/symbol", "Symbol");
        yield return MakeTlc("TLCConcept", "dateOfAdoption", "/akn/ontology/concept/un/dateOfAdoption", "Date of adoption");
        yield return MakeTlc("TLCConcept", "draftResolution", "/akn/ontology/concept/un/draftResolution", "决议草案");
        yield return MakeTlc("TLCTerm", "resolutionTitle", "/akn/ontology/reference/un/resolutionTitle", "Resolution title");
        yield return MakeTlc("TLCTerm", "memberState", "/akn/ontology/organization/un/memberState", "Member State");
        yield return MakeTlc("TLCTerm", "inFavour", "/akn/ontology/concept/un/voting/inFavour", "In favour");
        yield return MakeTlc("TLCTerm", "against", "/akn/ontology/concept/un/voting/against", "Against");
        yield return MakeTlc("TLCTerm", "abstaining", "/akn/ontology/concept/un/voting/abstaining", "Abstaining");
        yield return MakeTlc("TLCTerm", "nonVoting", "/akn/ontology/concept/un/voting/nonVoting", "Non-voting");
        if (r.CommitteeReport?.Committee is { } committee)
        {
            var id = CommitteeId(committee);
            yield return MakeTlc("TLCOrganization", id, "/akn/ontology/organization/un/" + id, committee);
        }

        for (var i = 0; i < r.Sponsors.Count; i++)
        {
            var s = r.Sponsors[i];
            var href = s.Country is { } iso
                ? "/akn/ontology/organization/iso3166-1/" + iso
                : "/akn/ontology/organization/un/sponsor/" + SponsorId(i);
            yield return MakeTlc("TLCOrganization", SponsorId(i), href, s.Name ?? s.Country ?? string.Empty);
        }
    }

    /// <summary>The eId of a Main Committee's TLC, as the UN's files name it (<c>thirdCommittee</c>).</summary>
    private static string CommitteeId(string committee)
    {
        string[] ordinals = ["一", "二", "三", "四", "五", "六"];
        string[] names = ["first", "second", "third", "fourth", "fifth", "sixth"];
        for (var i = 0; i < ordinals.Length; i++)
        {
            if (committee.Contains($"第{ordinals[i]}委员会", StringComparison.Ordinal))
            {
                return names[i] + "Committee";
            }
        }

        return "mainCommittee";
    }

    /// <summary>eIds named with <c>#</c> by refersTo, by, as, FRBRauthor/@href (not by noteRef or documentRef links).</summary>
    private static HashSet<string> UsedReferences(IEnumerable<XElement> roots, IEnumerable<XElement> more)
    {
        var used = new HashSet<string>(StringComparer.Ordinal) { "archive" };
        foreach (var element in roots.Concat(more).SelectMany(e => e.DescendantsAndSelf()))
        {
            foreach (var attribute in element.Attributes())
            {
                var name = attribute.Name.LocalName;
                var isHref = name == "href" && element.Name.LocalName == "FRBRauthor";
                if (attribute.Name.Namespace != XNamespace.None || (name is not ("refersTo" or "by" or "as") && !isHref))
                {
                    continue;
                }

                foreach (var value in attribute.Value.Split(' ', StringSplitOptions.RemoveEmptyEntries))
                {
                    if (value.StartsWith('#'))
                    {
                        used.Add(value[1..]);
                    }
                }
            }
        }

        return used;
    }
}
