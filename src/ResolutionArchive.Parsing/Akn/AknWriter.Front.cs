using System.Globalization;
using System.Xml.Linq;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Parsing.Akn;

// The front matter: cover page, preface and conclusions, with the Chinese forms of dates and session numbers
// (docs/akn-export.md, "Document structure", "Where each field of the model is kept").
public static partial class AknWriter
{
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
                    $"第{Parsers.ChineseNumerals.Format(session)}届会议")));
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
}
