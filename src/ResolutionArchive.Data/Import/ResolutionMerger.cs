using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Data.Import;

/// <summary>A record built from one or more sources, and which source supplied each field.</summary>
/// <param name="Resolution">The merged record.</param>
/// <param name="FieldSources">Field name (as in the JSON format; <c>text</c> for clauses, footnotes, parts and annexes)
/// → the source file that supplied it.</param>
public sealed record MergedResolution(ParsedResolution Resolution, IReadOnlyDictionary<string, string> FieldSources);

/// <summary>
/// Builds one record from every source of the same resolution (a seed text and the UN's AKN file of A/RES/76/159, for
/// instance). Rule (docs/architecture.md, "One record, several sources"): the sources are taken in the order they
/// were first imported, and each field comes from the first source that states it — a source "states" a vote when
/// its mode is not <see cref="VoteMode.NotStated"/>, sponsors when it names any, the text (clauses, footnotes, parts,
/// annexes, kept together so that footnotes stay attached to their clauses) when it has operative paragraphs, and any
/// other field when it is not null. So a second source enriches the first and never overwrites what the first said.
/// </summary>
public static class ResolutionMerger
{
    /// <summary>Merges <paramref name="sources"/> (at least one, in import order).</summary>
    /// <exception cref="ArgumentException">No source was given.</exception>
    public static MergedResolution Merge(IReadOnlyList<(string File, ParsedResolution Resolution)> sources)
    {
        if (sources.Count == 0)
        {
            throw new ArgumentException("expected at least one source", nameof(sources));
        }

        var fieldSources = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var first = sources[0];
        var merged = first.Resolution;
        foreach (var field in new[] { "body", "number", "status" })
        {
            fieldSources[field] = first.File; // these make the record's key: every source agrees on them
        }

        T Pick<T>(string field, Func<ParsedResolution, T> get, Func<T, bool> states)
        {
            foreach (var (file, resolution) in sources)
            {
                var value = get(resolution);
                if (states(value))
                {
                    fieldSources[field] = file;
                    return value;
                }
            }

            return get(first.Resolution);
        }

        var text = Pick("text", r => r, r => r.Operative.Count > 0);
        merged = merged with
        {
            Symbol = Pick("symbol", r => r.Symbol, v => v is not null),
            Session = Pick("session", r => r.Session, v => v is not null),
            Title = Pick("title", r => r.Title, v => !string.IsNullOrEmpty(v)),
            AgendaItem = Pick("agendaItem", r => r.AgendaItem, v => v is not null),
            AgendaTitle = Pick("agendaTitle", r => r.AgendaTitle, v => v is not null),
            AdoptionDate = Pick("adoptionDate", r => r.AdoptionDate, v => v is not null),
            Meeting = Pick("meeting", r => r.Meeting, v => v is not null),
            CommitteeReport = Pick("committeeReport", r => r.CommitteeReport, v => v is not null),
            Vote = Pick("vote", r => r.Vote, v => v.Mode != VoteMode.NotStated),
            Sponsors = Pick("sponsors", r => r.Sponsors, v => v.Count > 0),
            Preamble = text.Preamble,
            Operative = text.Operative,
            Footnotes = text.Footnotes,
            Parts = text.Parts,
            Annexes = text.Annexes,
        };
        return new MergedResolution(merged, fieldSources);
    }
}
