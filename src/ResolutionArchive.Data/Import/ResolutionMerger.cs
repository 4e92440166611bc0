using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Data.Import;

/// <summary>A record built from one or more sources, and which source supplied each field.</summary>
/// <param name="Resolution">The merged record.</param>
/// <param name="FieldSources">Field name (as in the JSON format; <c>text</c> for clauses, footnotes, parts and annexes)
/// → the source file that supplied it.</param>
/// <param name="Conflicts">Where a source of the vote alone (the UN Digital Library's voting data, input-formats §11.5)
/// disagrees with a text: that source's file and the warning, which the import stores as a data-quality flag. Empty
/// for most records.</param>
public sealed record MergedResolution(ParsedResolution Resolution, IReadOnlyDictionary<string, string> FieldSources, IReadOnlyList<(string File, string Message)> Conflicts)
{
    /// <summary>How every conflict's message starts (the import replaces these flags at each rebuild of the record).</summary>
    public const string ConflictPrefix = "the UN Digital Library's voting data differs from the text: ";
}

/// <summary>
/// Builds one record from every source of the same resolution (a seed text and the UN's AKN file of A/RES/76/159, for
/// instance). Rule (docs/architecture.md, "One record, several sources"): the sources are taken in the order they
/// were first imported, and each field comes from the first source that states it — a source "states" a vote when
/// its mode is not <see cref="VoteMode.NotStated"/>, sponsors when it names any, the text (clauses, footnotes, parts,
/// annexes, kept together so that footnotes stay attached to their clauses) when it has operative paragraphs, and any
/// other field when it is not null. So a second source enriches the first and never overwrites what the first said.
/// <para>
/// Sources of a vote alone (no clause: the UN Digital Library's voting data, input-formats §11.5) come after every
/// source with text, whatever the import order: a text's vote, date and meeting are kept, and the Library's fill only
/// what the texts do not state. The title and the agenda title (English in the Library's data) come from them only when
/// no source has text. Where a text states a recorded vote (or a date) that the Library's data gives otherwise, the
/// text's is kept and the difference is a conflict, stored as a warning.
/// </para>
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

        // §11.5: the sources with text first, each group in import order (OrderBy is stable)
        sources = sources.OrderBy(s => HasText(s.Resolution) ? 0 : 1).ToList();
        var textSources = sources.Where(s => HasText(s.Resolution)).ToList();
        var fieldSources = new SortedDictionary<string, string>(StringComparer.Ordinal);
        var first = sources[0];
        var merged = first.Resolution;
        foreach (var field in new[] { "body", "number", "status" })
        {
            fieldSources[field] = first.File; // these make the record's key: every source agrees on them
        }

        T Pick<T>(string field, Func<ParsedResolution, T> get, Func<T, bool> states, bool textOnly = false)
        {
            foreach (var (file, resolution) in textOnly && textSources.Count > 0 ? textSources : sources)
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
            DraftSymbol = Pick("draftSymbol", r => r.DraftSymbol, v => v is not null),
            Vote = Pick("vote", r => r.Vote, v => v.Mode != VoteMode.NotStated),
            Sponsors = Pick("sponsors", r => r.Sponsors, v => v.Count > 0),
            Preamble = text.Preamble,
            Operative = text.Operative,
            Footnotes = text.Footnotes,
            Parts = text.Parts,
            Annexes = text.Annexes,
        };
        return new MergedResolution(merged, fieldSources, textSources.Count == 0 ? [] : Conflicts(merged, sources.Where(s => !HasText(s.Resolution))));
    }

    /// <summary>True when the source has clauses: a text (seed text, AKN4UN), not a vote alone.</summary>
    public static bool HasText(ParsedResolution resolution) => resolution.Preamble.Count > 0 || resolution.Operative.Count > 0;

    /// <summary>§11.5: how each source of a vote alone differs from the merged record's vote and date.</summary>
    private static List<(string File, string Message)> Conflicts(ParsedResolution merged, IEnumerable<(string File, ParsedResolution Resolution)> voteSources)
    {
        var conflicts = new List<(string, string)>();
        foreach (var (file, source) in voteSources)
        {
            var differences = new List<string>();
            if (merged.AdoptionDate is { } date && source.AdoptionDate is { } other && date != other)
            {
                differences.Add($"adopted on {date:yyyy-MM-dd} in the text, voted on {other:yyyy-MM-dd} in the Library's data");
            }

            if (merged.DraftSymbol is { } draft && source.DraftSymbol is { } otherDraft && draft != otherDraft)
            {
                differences.Add($"the draft {draft} in the text, {otherDraft} in the Library's data");
            }

            var (mine, theirs) = (merged.Vote, source.Vote);
            if (theirs.Mode == VoteMode.Recorded && mine.Mode is VoteMode.WithoutVote or VoteMode.SilenceProcedure)
            {
                differences.Add($"the text says it was adopted {(mine.Mode == VoteMode.WithoutVote ? "without a vote" : "under the silence procedure")}, the Library's data has a recorded vote");
            }
            else if (theirs.Mode == VoteMode.Recorded && mine.Mode == VoteMode.Recorded)
            {
                if ((mine.YesCount, mine.NoCount, mine.AbstainCount) != (theirs.YesCount, theirs.NoCount, theirs.AbstainCount))
                {
                    differences.Add($"{mine.YesCount}-{mine.NoCount}-{mine.AbstainCount} in the text, {theirs.YesCount}-{theirs.NoCount}-{theirs.AbstainCount} in the Library's data");
                }

                foreach (var (label, a, b) in new[] { ("in favour", mine.Yes, theirs.Yes), ("against", mine.No, theirs.No), ("abstaining", mine.Abstain, theirs.Abstain) })
                {
                    var onlyText = a.Except(b, StringComparer.Ordinal).ToList();
                    var onlyLibrary = b.Except(a, StringComparer.Ordinal).ToList();
                    if (onlyText.Count + onlyLibrary.Count > 0)
                    {
                        differences.Add($"{label}: {(onlyText.Count > 0 ? "only in the text " + string.Join(" ", onlyText) : "")}{(onlyText.Count > 0 && onlyLibrary.Count > 0 ? "; " : "")}{(onlyLibrary.Count > 0 ? "only in the Library's data " + string.Join(" ", onlyLibrary) : "")}");
                    }
                }
            }

            if (differences.Count > 0)
            {
                conflicts.Add((file, MergedResolution.ConflictPrefix + string.Join("; ", differences) + "; the text's is kept"));
            }
        }

        return conflicts;
    }
}
