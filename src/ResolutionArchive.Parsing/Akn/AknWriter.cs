using System.Globalization;
using System.Text;
using System.Xml;
using System.Xml.Linq;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Parsing.Akn;

/// <summary>
/// Exports a <see cref="ParsedResolution"/> as Akoma Ntoso 3.0 XML in the UN's AKN4UN profile (OASIS LegalDocML
/// Akoma Ntoso Version 1.0; the element names and layout follow the UN's own files, e.g.
/// <c>../shared/corpus/unxml-ga/76/A_RES_76_159-2119201C.xml</c>). The output validates against
/// <c>Akn/Schema/akomantoso30.xsd</c> (<see cref="AknSchema.Validate"/>). Every markup decision, and where each field of
/// the model is kept, is documented in <c>docs/akn-export.md</c>.
/// </summary>
public static class AknWriter
{
    /// <summary>The Akoma Ntoso 3.0 namespace (OASIS LegalDocML), the default namespace of the output.</summary>
    public const string Namespace = AknResolutionReader.Namespace;

    /// <summary>The AKN4UN extension namespace (prefix <c>akn4un</c>), used only for <c>akn4un:voters</c>.</summary>
    public const string Akn4UnNamespace = "http://un.org/akn4un";

    /// <summary>
    /// The namespace (prefix <c>ra</c>) of the mark this writer leaves in <c>meta/proprietary</c>:
    /// <c>&lt;ra:export format="1" footnotes="fn1 fn2"/&gt;</c>. <see cref="AknResolutionReader"/> reads a document that
    /// carries it exactly, as the inverse of this writer (docs/akn-export.md, "Round trip").
    /// </summary>
    public const string ExportNamespace = "urn:x-resolution-archive:akn-export";

    /// <summary>The version of the markup written, in <c>ra:export/@format</c>.</summary>
    public const string ExportFormat = "1";

    /// <summary>
    /// The date the UN's AKN4UN files write for an unknown date (workflow steps <c>date="0001-01-01"</c>), used where
    /// the schema requires a date and the model has none.
    /// </summary>
    public const string UnknownDate = "0001-01-01";

    private static readonly XNamespace Akn = Namespace;
    private static readonly XNamespace Akn4Un = Akn4UnNamespace;
    private static readonly XNamespace Ra = ExportNamespace;

    /// <summary>
    /// Writes <paramref name="resolution"/> as one AKN document: <c>akomaNtoso/statement name="resolution"</c>, or for a
    /// resolution in several parts <c>akomaNtoso/documentCollection</c> plus <c>components</c> (one
    /// <c>statement</c> per part, as in the UN's <c>75_101A-B_C.xml</c>).
    /// </summary>
    /// <param name="resolution">Any resolution of the domain model.</param>
    /// <returns>
    /// The XML text: an XML declaration naming UTF-8, elements indented by two spaces, LF line ends, no final line end,
    /// no timestamps. Equal models give equal text (deterministic), so export → import → export is byte-identical.
    /// </returns>
    /// <exception cref="ArgumentNullException"><paramref name="resolution"/> is null.</exception>
    /// <exception cref="ArgumentException">
    /// The resolution has parts (<see cref="ParsedResolution.Parts"/> or a <see cref="Clause.Part"/>) and a preamble or
    /// operative clause without a part, which no component could hold.
    /// </exception>
    public static string Write(ParsedResolution resolution)
    {
        ArgumentNullException.ThrowIfNull(resolution);
        var root = BuildRoot(resolution);
        KeepMixedContentUnindented(root);
        ReplaceCharactersXmlCannotHold(root);
        var document = new XDocument(new XDeclaration("1.0", "utf-8", null), root);
        var settings = new XmlWriterSettings
        {
            Encoding = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false),
            Indent = true,
            IndentChars = "  ",
            NewLineChars = "\n",
            NewLineHandling = NewLineHandling.Replace,
        };
        using var stream = new MemoryStream();
        using (var writer = XmlWriter.Create(stream, settings))
        {
            document.Save(writer);
        }

        return new UTF8Encoding(false).GetString(stream.ToArray());
    }

    /// <summary>
    /// The writer cannot fail on any stored text (issue 14 item 5): a character XML 1.0 cannot hold — a control
    /// character, a noncharacter such as U+FFFE, a lone surrogate — stored by an archive made before the readers refused
    /// them, is written as U+FFFD, the replacement character, in text and attribute values alike.
    /// </summary>
    private static void ReplaceCharactersXmlCannotHold(XElement root)
    {
        foreach (var node in root.DescendantNodesAndSelf())
        {
            if (node is XText text && Replaced(text.Value) is { } value)
            {
                text.Value = value;
            }
            else if (node is XElement element)
            {
                foreach (var attribute in element.Attributes())
                {
                    if (Replaced(attribute.Value) is { } attributeValue)
                    {
                        attribute.Value = attributeValue;
                    }
                }
            }
        }

        static string? Replaced(string value)
        {
            StringBuilder? builder = null;
            for (var i = 0; i < value.Length; i++)
            {
                var pair = i + 1 < value.Length && XmlConvert.IsXmlSurrogatePair(value[i + 1], value[i]);
                var valid = pair || XmlConvert.IsXmlChar(value[i]);
                if (!valid)
                {
                    builder ??= new StringBuilder(value, 0, i, value.Length);
                    builder.Append('\uFFFD');
                }
                else
                {
                    builder?.Append(value[i]);
                    if (pair)
                    {
                        builder?.Append(value[i + 1]);
                        i++;
                    }
                }
            }

            return builder?.ToString();
        }
    }

    /// <summary>
    /// XmlWriter indents the children of an element until it meets a text node; an element whose content is mixed but
    /// starts with a child element (<c>&lt;p&gt;&lt;span class="bold"&gt;重申&lt;/span&gt;…</c>) would get white space
    /// added inside it. An empty text node first makes the writer treat it as mixed from the start.
    /// </summary>
    private static void KeepMixedContentUnindented(XElement root)
    {
        foreach (var element in root.DescendantsAndSelf().ToList())
        {
            if (element.FirstNode is XElement && element.Nodes().OfType<XText>().Any())
            {
                element.AddFirst(new XText(string.Empty));
            }
        }
    }

    private static XElement BuildRoot(ParsedResolution r)
    {
        var labels = PartLabels(r);
        var root = new XElement(
            Akn + "akomaNtoso",
            new XAttribute("xmlns", Namespace),
            new XAttribute(XNamespace.Xmlns + "akn4un", Akn4UnNamespace),
            new XAttribute(XNamespace.Xmlns + "ra", ExportNamespace));
        var notes = new NotePlacer(r.Footnotes);
        if (labels.Count == 0)
        {
            root.Add(BuildSingle(r, notes));
            return root;
        }

        if (r.Preamble.Concat(r.Operative).Any(c => c.Part is null))
        {
            throw new ArgumentException("a resolution in parts must give every preamble and operative clause a part (Clause.Part)", nameof(r));
        }

        // Components first: their notes are placed before the collection's leftovers are known.
        var components = new XElement(Akn + "components");
        var body = new XElement(Akn + "collectionBody");
        for (var i = 0; i < labels.Count; i++)
        {
            var label = labels[i];
            var title = r.Parts.FirstOrDefault(p => p.Label == label)?.Title ?? string.Empty;
            var statement = BuildPart(r, label, title, notes);
            components.Add(new XElement(Akn + "component", new XAttribute("eId", "comp_" + Token(label)), statement));
            body.Add(new XElement(
                Akn + "component",
                new XAttribute("eId", "comp_def_" + Token(label)),
                new XElement(
                    Akn + "documentRef",
                    new XAttribute("eId", "compRef_" + Token(label)),
                    new XAttribute("href", "#comp_" + Token(label)),
                    new XAttribute("showAs", label))));
        }

        var collection = new XElement(Akn + "documentCollection", new XAttribute("name", "publication"));
        var coverPage = BuildCoverPage(r, notes);
        var preface = BuildPreface(r);
        var attachments = BuildAttachments(r, notes);
        var content = new List<XElement> { coverPage, preface, body };
        if (attachments is not null)
        {
            content.Add(attachments);
        }

        collection.Add(BuildMeta(r, WorkComponent(r), content, notes.Leftovers(), withWorkflow: true));
        collection.Add(content);
        root.Add(collection, components);
        return root;
    }

    private static XElement BuildSingle(ParsedResolution r, NotePlacer notes)
    {
        var coverPage = BuildCoverPage(r, notes);
        var preface = BuildPreface(r);
        var preamble = BuildPreamble(r, r.Preamble, notes);
        var mainBody = BuildMainBody(r.Operative, notes);
        var content = new List<XElement> { coverPage, preface, preamble, mainBody };
        if (BuildConclusions(r) is { } conclusions)
        {
            content.Add(conclusions);
        }

        if (BuildAttachments(r, notes) is { } attachments)
        {
            content.Add(attachments);
        }

        var statement = new XElement(Akn + "statement", new XAttribute("name", "resolution"));
        statement.Add(BuildMeta(r, WorkComponent(r), content, notes.Leftovers(), withWorkflow: true));
        statement.Add(content);
        return statement;
    }

    private static XElement BuildPart(ParsedResolution r, string label, string title, NotePlacer notes)
    {
        var preface = new XElement(
            Akn + "preface",
            new XElement(
                Akn + "p",
                new XElement(Akn + "docNumber", label),
                new XElement(Akn + "docTitle", new XAttribute("refersTo", "#resolutionTitle"), title)));
        var preamble = BuildPreamble(r, r.Preamble.Where(c => c.Part == label).ToList(), notes);
        var mainBody = BuildMainBody(r.Operative.Where(c => c.Part == label).ToList(), notes);
        var content = new List<XElement> { preface, preamble, mainBody };
        if (BuildConclusions(r) is { } conclusions)
        {
            content.Add(conclusions);
        }

        var statement = new XElement(Akn + "statement", new XAttribute("name", "resolution"));
        statement.Add(BuildMeta(r, WorkComponent(r) + Token(label), content, [], withWorkflow: false));
        statement.Add(content);
        return statement;
    }

    /// <summary>Part labels in order: <see cref="ParsedResolution.Parts"/>, then labels only clauses name.</summary>
    private static List<string> PartLabels(ParsedResolution r)
    {
        var labels = r.Parts.Select(p => p.Label).Distinct(StringComparer.Ordinal).ToList();
        foreach (var part in r.Preamble.Concat(r.Operative).Select(c => c.Part).OfType<string>())
        {
            if (!labels.Contains(part, StringComparer.Ordinal))
            {
                labels.Add(part);
            }
        }

        return labels;
    }

    // ---------------------------------------------------------------- meta

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

    // ---------------------------------------------------------------- front matter

    private static XElement BuildCoverPage(ParsedResolution r, NotePlacer notes)
    {
        var cover = new XElement(Akn + "coverPage");
        if (r.Symbol is not null)
        {
            cover.Add(new XElement(Akn + "p", new XElement(Akn + "docNumber", new XAttribute("refersTo", "#symbol"), r.Symbol)));
        }

        cover.Add(new XElement(Akn + "p", new XElement(Akn + "docAuthority", new XAttribute("refersTo", "#" + BodyCode(r.Body)), BodyName(r.Body))));
        if (r.Session is { } session)
        {
            cover.Add(new XElement(
                Akn + "p",
                new XElement(
                    Akn + "session",
                    new XAttribute("refersTo", "#" + BodyCode(r.Body)),
                    new XAttribute("value", session.ToString(CultureInfo.InvariantCulture)),
                    $"第{ChineseNumber(session)}届会议")));
        }

        if (r.AgendaItem is not null)
        {
            cover.Add(new XElement(Akn + "p", new XElement(Akn + "inline", new XAttribute("name", "agenda item"), "议程项目" + r.AgendaItem)));
        }

        if (r.AgendaTitle is not null)
        {
            cover.Add(new XElement(Akn + "p", new XElement(Akn + "inline", new XAttribute("name", "agenda item name"), r.AgendaTitle)));
        }

        var sponsorNotes = notes.ForSponsors();
        var printed = r.Sponsors.Select((s, i) => (Sponsor: s, Index: i)).Where(x => !x.Sponsor.Additional).ToList();
        if (sponsorNotes.Count > 0 || (r.Status == ResolutionStatus.Draft && printed.Count > 0))
        {
            var line = new XElement(Akn + "p", new XAttribute("eId", "sponsors"));
            for (var k = 0; k < printed.Count; k++)
            {
                if (k > 0)
                {
                    line.Add(k == printed.Count - 1 ? "和" : "、");
                }

                var (s, i) = printed[k];
                line.Add(new XElement(Akn + "docProponent", new XAttribute("refersTo", "#" + SponsorId(i)), s.Name ?? s.Country ?? string.Empty));
                if (s.CouncilMember == false)
                {
                    line.Add("*");
                }
            }

            if (printed.Count > 0)
            {
                line.Add("：");
            }

            line.Add(sponsorNotes);
            KeepUnindented(line);
            cover.Add(line);
        }

        if (r.Status == ResolutionStatus.Draft)
        {
            cover.Add(new XElement(Akn + "p", new XElement(Akn + "docStage", new XAttribute("refersTo", "#draftResolution"), "决议草案")));
        }

        if (r.AdoptionDate is { } date)
        {
            var heading = r.Body == Body.GA ? $"{ChineseDate(date)}大会决议" : $"人权理事会{ChineseDate(date)}通过的决议";
            cover.Add(new XElement(Akn + "p", new XElement(Akn + "docTitle", heading)));
        }

        if (r.CommitteeReport is { } report)
        {
            var proponent = new XElement(Akn + "docProponent", "[根据");
            if (report.Committee is not null)
            {
                proponent.Add(new XAttribute("refersTo", "#" + CommitteeId(report.Committee)));
                proponent.Add(new XElement(Akn + "docCommittee", new XAttribute("refersTo", "#" + CommitteeId(report.Committee)), report.Committee), "的");
            }

            var origin = report.Paragraph is { } paragraph
                ? $"{report.Symbol}，第{paragraph.ToString(CultureInfo.InvariantCulture)}段"
                : report.Symbol;
            proponent.Add("报告(", new XElement(Akn + "inline", new XAttribute("name", "originating document"), origin), ")通过]");
            cover.Add(new XElement(Akn + "p", proponent));
        }

        return cover;
    }

    private static XElement BuildPreface(ParsedResolution r)
    {
        var printed = r.Number.EndsWith("...", StringComparison.Ordinal) ? r.Number : r.Number + ".";
        var preface = new XElement(
            Akn + "preface",
            new XElement(
                Akn + "p",
                new XElement(Akn + "docNumber", printed),
                new XElement(Akn + "docTitle", new XAttribute("refersTo", "#resolutionTitle"), r.Title)));
        if (r.PublishedPart is { } part)
        {
            // the part this document publishes alone, as the UN's files print it (input-formats §7.10)
            preface.Add(new XElement(
                Akn + "p",
                new XElement(Akn + "docNumber", new XAttribute("refersTo", "#letter"), part.Label),
                part.Title.Length == 0 ? null : new XElement(Akn + "docTitle", part.Title)));
        }

        return preface;
    }

    private static XElement? BuildConclusions(ParsedResolution r)
    {
        if (r.Meeting is null && r.AdoptionDate is null)
        {
            return null;
        }

        var p = new XElement(Akn + "p");
        if (r.Meeting is { } meeting)
        {
            var text = $"第{meeting.Number.ToString(CultureInfo.InvariantCulture)}次{(meeting.Plenary ? "全体会议" : "会议")}{(meeting.Resumed ? "(续会)" : string.Empty)}";
            p.Add(new XElement(Akn + "inline", new XAttribute("name", "adoptionMeeting"), text));
        }

        if (r.Meeting is not null && r.AdoptionDate is not null)
        {
            p.Add(new XElement(Akn + "eol"));
        }

        if (r.AdoptionDate is { } date)
        {
            p.Add(new XElement(
                Akn + "docDate",
                new XAttribute("date", date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                new XAttribute("refersTo", "#dateOfAdoption"),
                ChineseDate(date)));
        }

        return new XElement(Akn + "conclusions", new XAttribute("eId", "conclusions"), p);
    }

    /// <summary>2021-12-16 → <c>2021年12月16日</c> (the UN's Chinese date form, no spaces).</summary>
    private static string ChineseDate(DateOnly date) =>
        string.Create(CultureInfo.InvariantCulture, $"{date.Year}年{date.Month}月{date.Day}日");

    /// <summary>1 → 一, 46 → 四十六, 76 → 七十六, 105 → 一百零五 (Chinese numerals for a session number, 1–9999).</summary>
    internal static string ChineseNumber(int value)
    {
        const string digits = "零一二三四五六七八九";
        if (value <= 0 || value > 9999)
        {
            return value.ToString(CultureInfo.InvariantCulture);
        }

        if (value < 10)
        {
            return digits[value].ToString();
        }

        if (value < 20)
        {
            return "十" + (value % 10 == 0 ? string.Empty : digits[value % 10].ToString());
        }

        string[] units = ["千", "百", "十", string.Empty];
        int[] powers = [1000, 100, 10, 1];
        var builder = new StringBuilder();
        var pendingZero = false;
        for (var i = 0; i < powers.Length; i++)
        {
            var d = value / powers[i] % 10;
            if (d == 0)
            {
                pendingZero = builder.Length > 0;
                continue;
            }

            if (pendingZero)
            {
                builder.Append('零');
                pendingZero = false;
            }

            builder.Append(digits[d]).Append(units[i]);
        }

        return builder.ToString();
    }

    // ---------------------------------------------------------------- body

    private static XElement BuildPreamble(ParsedResolution r, IReadOnlyList<Clause> clauses, NotePlacer notes)
    {
        var preamble = new XElement(
            Akn + "preamble",
            new XElement(
                Akn + "formula",
                new XAttribute("name", "enactingFormula"),
                new XAttribute("eId", "formula_1"),
                new XElement(Akn + "p", BodyName(r.Body) + "，")));
        foreach (var clause in clauses)
        {
            var name = clause.Emphasis.FirstOrDefault(e => e.Start == 0 && e.Length > 0)?.Text ?? "preambularParagraph";
            var container = new XElement(Akn + "container", new XAttribute("name", Token(name).Length == 0 ? "preambularParagraph" : name), new XAttribute("eId", clause.Id));
            if (clause.Number is not null)
            {
                // A container has no num: a numbered preamble clause keeps its number as a leading span.
                container.Add(new XElement(Akn + "p", new XElement(Akn + "span", new XAttribute("class", "num"), clause.Number)));
            }

            container.Add(Paragraph(clause.Text, clause.Emphasis, clause.Id, clause.Footnotes, notes));
            foreach (var point in clause.Points)
            {
                container.Add(new XElement(Akn + "blockContainer", new XAttribute("eId", point.Id), PointBlocks(point, notes)));
            }

            preamble.Add(container);
        }

        return preamble;
    }

    /// <summary>Points under a preamble container (not expected, kept losslessly): label span, text, sub-points.</summary>
    private static IEnumerable<XElement> PointBlocks(Point point, NotePlacer notes)
    {
        var p = Paragraph(point.Text, [], point.Id, point.Footnotes, notes);
        if (p.FirstNode is XText { Value.Length: 0 } empty)
        {
            empty.Remove(); // Paragraph's marker of mixed content: the label comes first now
        }

        p.AddFirst(new XElement(Akn + "span", new XAttribute("class", "num"), point.Label));
        KeepUnindented(p);
        yield return p;
        foreach (var sub in point.Points)
        {
            yield return new XElement(Akn + "blockContainer", new XAttribute("eId", sub.Id), PointBlocks(sub, notes));
        }
    }

    private static XElement BuildMainBody(IReadOnlyList<Clause> clauses, NotePlacer notes)
    {
        var mainBody = new XElement(Akn + "mainBody");
        foreach (var clause in clauses)
        {
            mainBody.Add(Hierarchy("paragraph", clause.Id, clause.Number is null ? null : clause.Number + ".", clause.Text, clause.Emphasis, clause.Footnotes, clause.Points, notes));
        }

        if (!mainBody.HasElements)
        {
            // The schema requires mainBody to hold something; an empty p stands for "no operative paragraphs".
            mainBody.Add(new XElement(Akn + "p"));
        }

        return mainBody;
    }

    /// <summary>
    /// A paragraph or point: <c>num</c>, then <c>content/p</c>, or when it has points <c>list</c> (with the text as
    /// <c>intro/p</c>) holding one <c>point</c> per sub-paragraph, as the UN's files do.
    /// </summary>
    private static XElement Hierarchy(string element, string id, string? num, string text, IReadOnlyList<Emphasis> emphasis, IReadOnlyList<string> footnotes, IReadOnlyList<Point> points, NotePlacer notes)
    {
        var result = new XElement(Akn + element, new XAttribute("eId", id));
        if (num is not null)
        {
            result.Add(new XElement(Akn + "num", num));
        }

        var p = Paragraph(text, emphasis, id, footnotes, notes);
        if (points.Count == 0)
        {
            result.Add(new XElement(Akn + "content", p));
            return result;
        }

        var list = new XElement(Akn + "list", new XAttribute("eId", id + "-list"), new XElement(Akn + "intro", p));
        foreach (var point in points)
        {
            list.Add(Hierarchy("point", point.Id, point.Label, point.Text, [], point.Footnotes, point.Points, notes));
        }

        result.Add(list);
        return result;
    }

    /// <summary>
    /// <c>p</c> with the text, emphasised runs as <c>span class="bold"</c>, and the clause's footnotes at the end
    /// (<c>authorialNote</c> where the note is attached, <c>noteRef</c> for a further citation).
    /// </summary>
    private static XElement Paragraph(string text, IReadOnlyList<Emphasis> emphasis, string ownerId, IReadOnlyList<string> footnotes, NotePlacer notes)
    {
        var p = new XElement(Akn + "p");
        var position = 0;
        foreach (var e in emphasis.OrderBy(e => e.Start).ThenBy(e => e.Length))
        {
            var start = Math.Clamp(e.Start, 0, text.Length);
            var end = Math.Clamp(e.Start + e.Length, start, text.Length);
            if (start < position || end == start)
            {
                continue; // overlapping or empty runs cannot be nested in AKN spans; see docs/akn-export.md
            }

            if (start > position)
            {
                p.Add(text[position..start]);
            }

            p.Add(new XElement(Akn + "span", new XAttribute("class", "bold"), text[start..end]));
            position = end;
        }

        if (position < text.Length)
        {
            p.Add(text[position..]);
        }

        foreach (var marker in footnotes)
        {
            p.Add(notes.Cite(ownerId, marker));
        }

        KeepUnindented(p);
        return p;
    }

    /// <summary>
    /// Marks a text <c>p</c> that starts with an element (an emphasised run, a note) as mixed content, so that the
    /// writer adds no white space inside it even when it holds no text node at all.
    /// </summary>
    private static void KeepUnindented(XElement p)
    {
        if (p.FirstNode is XElement)
        {
            p.AddFirst(new XText(string.Empty));
        }
    }

    // ---------------------------------------------------------------- annexes

    private static XElement? BuildAttachments(ParsedResolution r, NotePlacer notes)
    {
        if (r.Annexes.Count == 0)
        {
            return null;
        }

        var attachments = new XElement(Akn + "attachments");
        foreach (var annex in r.Annexes)
        {
            var work = $"/akn/un/statement/deliberation/{BodyUri(r.Body)}/{WorkDate(r)}/{WorkComponent(r)}/";
            var dateName = r.AdoptionDate is null ? "unknown" : "adoption";
            var doc = new XElement(
                Akn + "doc",
                new XAttribute("name", "annex"),
                new XElement(
                    Akn + "meta",
                    new XElement(
                        Akn + "identification",
                        new XAttribute("source", "#archive"),
                        new XElement(
                            Akn + "FRBRWork",
                            new XElement(Akn + "FRBRthis", new XAttribute("value", work + "!" + annex.Id)),
                            new XElement(Akn + "FRBRuri", new XAttribute("value", work)),
                            new XElement(Akn + "FRBRdate", new XAttribute("date", WorkDate(r)), new XAttribute("name", dateName)),
                            new XElement(Akn + "FRBRauthor", new XAttribute("href", "#" + BodyCode(r.Body)), new XAttribute("as", "#author")),
                            new XElement(Akn + "FRBRcountry", new XAttribute("value", "un"))),
                        new XElement(
                            Akn + "FRBRExpression",
                            new XElement(Akn + "FRBRthis", new XAttribute("value", work + "zho@!" + annex.Id)),
                            new XElement(Akn + "FRBRuri", new XAttribute("value", work + "zho@/")),
                            new XElement(Akn + "FRBRdate", new XAttribute("date", WorkDate(r)), new XAttribute("name", dateName)),
                            new XElement(Akn + "FRBRauthor", new XAttribute("href", "#" + BodyCode(r.Body)), new XAttribute("as", "#author")),
                            new XElement(Akn + "FRBRlanguage", new XAttribute("language", "zho"))),
                        new XElement(
                            Akn + "FRBRManifestation",
                            new XElement(Akn + "FRBRthis", new XAttribute("value", work + "zho@/!" + annex.Id + ".xml")),
                            new XElement(Akn + "FRBRuri", new XAttribute("value", work + "zho@.xml")),
                            new XElement(Akn + "FRBRdate", new XAttribute("date", WorkDate(r)), new XAttribute("name", dateName)),
                            new XElement(Akn + "FRBRauthor", new XAttribute("href", "#archive"), new XAttribute("as", "#editor"))))));
            if (annex.Heading is not null || annex.Title is not null)
            {
                var p = new XElement(Akn + "p");
                if (annex.Heading is not null)
                {
                    p.Add(new XElement(Akn + "docNumber", annex.Heading));
                }

                if (annex.Heading is not null && annex.Title is not null)
                {
                    p.Add(new XElement(Akn + "eol"));
                }

                if (annex.Title is not null)
                {
                    p.Add(new XElement(Akn + "docTitle", annex.Title));
                }

                doc.Add(new XElement(Akn + "preface", p));
            }

            var mainBody = new XElement(Akn + "mainBody");
            foreach (var block in annex.Paragraphs)
            {
                mainBody.Add(Hierarchy("paragraph", block.Id, block.Number, block.Text, block.Emphasis, block.Footnotes, block.Points, notes));
            }

            if (!mainBody.HasElements)
            {
                mainBody.Add(new XElement(Akn + "p"));
            }

            doc.Add(mainBody);
            attachments.Add(new XElement(Akn + "attachment", new XAttribute("eId", annex.Id), doc));
        }

        return attachments;
    }

    // ---------------------------------------------------------------- footnotes

    /// <summary>
    /// Decides where each footnote is written: in full (<c>authorialNote</c>) at the first citation by the element its
    /// <see cref="Footnote.AttachedTo"/> names, as <c>noteRef</c> at any other citation; notes attached to
    /// <c>sponsors</c> on the cover page's sponsor line; any other note never cited there in <c>meta/notes</c>.
    /// </summary>
    private sealed class NotePlacer(IReadOnlyList<Footnote> footnotes)
    {
        private readonly HashSet<Footnote> _written = new(ReferenceEqualityComparer.Instance);

        public XElement Cite(string ownerId, string marker)
        {
            var own = footnotes.FirstOrDefault(f => f.Marker == marker && f.AttachedTo == ownerId && !_written.Contains(f));
            if (own is not null)
            {
                _written.Add(own);
                return Note("authorialNote", own);
            }

            var target = footnotes.FirstOrDefault(f => f.Marker == marker);
            return new XElement(
                Akn + "noteRef",
                new XAttribute("marker", marker),
                new XAttribute("href", "#" + (target?.Id ?? "fn" + Token(marker))));
        }

        public List<XElement> ForSponsors()
        {
            var result = new List<XElement>();
            foreach (var f in footnotes.Where(f => f.AttachedTo == "sponsors" && !_written.Contains(f)))
            {
                _written.Add(f);
                result.Add(Note("authorialNote", f));
            }

            return result;
        }

        public List<XElement> Leftovers()
        {
            var result = new List<XElement>();
            foreach (var f in footnotes.Where(f => !_written.Contains(f)))
            {
                _written.Add(f);
                var note = Note("note", f);
                note.Add(new XAttribute("placementBase", f.AttachedTo));
                result.Add(note);
            }

            return result;
        }

        private static XElement Note(string element, Footnote f) =>
            new(
                Akn + element,
                new XAttribute("marker", f.Marker),
                new XAttribute("placement", "bottom"),
                new XAttribute("eId", f.Id),
                new XElement(Akn + "p", f.Text));
    }
}
