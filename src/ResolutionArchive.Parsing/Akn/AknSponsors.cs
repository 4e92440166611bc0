using ResolutionArchive.Parsing.Countries;
using ResolutionArchive.Parsing.Diagnostics;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Parsing.Akn;

/// <summary>
/// Splits an AKN4UN sponsor list (<c>workflow/step/@by</c>: English names "A, B and C") into <see cref="Sponsor"/>s
/// (input-formats §7.7).
/// </summary>
public static class AknSponsors
{
    private static readonly string[] NonStateWords =
        ["president", "committee", "submitted by", "chair", "facilitator", "secretary-general", "bureau", "commission", "council", "working group", "on the basis of"];

    /// <summary>
    /// The names of a sponsor list in printed order. Names are separated by commas and by the final " and ", both
    /// only outside brackets (<c>Bolivia (Plurinational State of)</c> and <c>Cuba (on behalf of …)</c> stay whole);
    /// an " and " that belongs to a state's name (<c>Antigua and Barbuda</c>) is not a separator: an item with " and "
    /// is split only where both sides are states the registry knows (or the whole item is not one). A list that begins
    /// "submitted by" is one name.
    /// </summary>
    /// <param name="list">The attribute value; empty gives an empty list.</param>
    /// <param name="registry">The registry deciding which " and " is a separator.</param>
    public static IReadOnlyList<string> Split(string list, CountryRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(list);
        ArgumentNullException.ThrowIfNull(registry);
        var text = string.Join(' ', list.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (text.Length == 0)
        {
            return [];
        }

        // 76/304: "… and United States. - Removes Czechia from the list of sponsors …": an editorial note after ". - "
        var note = text.IndexOf(". - ", StringComparison.Ordinal);
        if (note > 0)
        {
            text = text[..note];
        }

        if (text.StartsWith("submitted by", StringComparison.OrdinalIgnoreCase))
        {
            return [text];
        }

        var names = new List<string>();
        foreach (var item in SplitTopLevel(text, ","))
        {
            var trimmed = item.Trim();
            if (trimmed.StartsWith("and ", StringComparison.Ordinal))
            {
                trimmed = trimmed[4..].Trim();
            }

            // a full stop closing the list, a stray closing bracket ("Viet Nam)", 75/17)
            trimmed = trimmed.TrimEnd('.').Trim();
            if (trimmed.EndsWith(')') && trimmed.Count(c => c == ')') > trimmed.Count(c => c == '('))
            {
                trimmed = trimmed[..^1].Trim();
            }

            if (trimmed.Length > 0)
            {
                names.AddRange(SplitAnd(trimmed, registry));
            }
        }

        return names;
    }

    /// <summary>
    /// The sponsors of one step: each name resolved to ISO alpha-3 (<see cref="CountryRegistry.FindByEnglishName"/>, an
    /// "(on behalf of …)" bracket passed over); a name with a non-state word (President, Committee, submitted by…) is
    /// kept with <c>Country</c> null; any other unresolved name is kept with <c>Country</c> null and a warning.
    /// </summary>
    internal static IEnumerable<Sponsor> Build(string list, bool additional, CountryRegistry registry, string file, int line, List<ParseDiagnostic> diagnostics)
    {
        var note = list.IndexOf(". - ", StringComparison.Ordinal);
        if (note > 0)
        {
            diagnostics.Add(new ParseDiagnostic(file, line, $"passed over an editorial note in the sponsor list: '{list[(note + 2)..].Trim()}'", DiagnosticSeverity.Warning));
        }

        foreach (var name in Split(list, registry))
        {
            var country = Resolve(name, registry);
            if (country is null && !NonStateWords.Any(w => name.Contains(w, StringComparison.OrdinalIgnoreCase)))
            {
                diagnostics.Add(new ParseDiagnostic(file, line, $"expected a state the registry knows in the sponsor list, found '{name}' (kept without a country code)", DiagnosticSeverity.Warning));
            }

            yield return new Sponsor(country?.Iso3, null, name, additional);
        }
    }

    /// <summary>
    /// The state a sponsor name stands for (§7.7), null when none: a closing "(on behalf of …)" bracket is ignored (also
    /// as the UN sometimes misprints it, "(of behalf of …)"), and "the representative of X" — a draft submitted by a
    /// state's representative, as the Main Committees' reports word it — stands for X.
    /// </summary>
    public static Country? Resolve(string name, CountryRegistry registry)
    {
        ArgumentNullException.ThrowIfNull(name);
        ArgumentNullException.ThrowIfNull(registry);
        var trimmed = name.Trim();
        var behalf = BehalfBracket(trimmed);
        var state = behalf > 0 ? trimmed[..behalf].Trim() : trimmed;
        const string representative = "the representative of ";
        if (state.StartsWith(representative, StringComparison.OrdinalIgnoreCase))
        {
            state = state[representative.Length..];
        }

        return registry.FindByEnglishName(state);
    }

    /// <summary>
    /// The group a sponsor name says the state acted for (§7.7): the text after <c>behalf of</c> in its closing
    /// <c>(on behalf of …)</c> bracket (also <c>(of behalf of …)</c>), as printed — <c>Cuba (on behalf of the States
    /// Members of the United Nations that are members of the Group of 77 and China)</c> → <c>the States Members … Group of
    /// 77 and China</c>; null when the name ends in no such bracket.
    /// </summary>
    public static string? OnBehalfOf(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var trimmed = name.Trim();
        var behalf = BehalfBracket(trimmed);
        if (behalf <= 0)
        {
            return null;
        }

        const string words = " behalf of";
        var group = trimmed[(trimmed.IndexOf(words, behalf, StringComparison.OrdinalIgnoreCase) + words.Length)..^1].Trim();
        return group.Length == 0 ? null : group;
    }

    /// <summary>The index of the <c>(</c> of a closing "(on behalf of …)" bracket of <paramref name="trimmed"/>, or -1.</summary>
    private static int BehalfBracket(string trimmed)
    {
        var behalf = trimmed.IndexOf(" behalf of", StringComparison.OrdinalIgnoreCase) is var at and > 0 ? trimmed.LastIndexOf('(', at) : -1;
        return behalf > 0 && ClosingBracket(trimmed, behalf) == trimmed.Length - 1 ? behalf : -1;
    }

    private static IEnumerable<string> SplitAnd(string item, CountryRegistry registry)
    {
        if (Resolve(item, registry) is not null)
        {
            return [item];
        }

        var parts = SplitTopLevel(item, " and ");
        if (parts.Count == 1)
        {
            return [item];
        }

        // try every split point: the one where both sides are known states (recursively on the left) wins
        for (var k = parts.Count - 1; k >= 1; k--)
        {
            var left = string.Join(" and ", parts.Take(k)).Trim();
            var right = string.Join(" and ", parts.Skip(k)).Trim();
            if (Resolve(right, registry) is not null)
            {
                var leftNames = SplitAnd(left, registry).ToList();
                if (leftNames.All(n => Resolve(n, registry) is not null) || k == parts.Count - 1)
                {
                    return [.. leftNames, right];
                }
            }
        }

        // nothing resolves: the last top-level " and " separates the final two names
        return [string.Join(" and ", parts.Take(parts.Count - 1)).Trim(), parts[^1].Trim()];
    }

    /// <summary>Index of the bracket closing the one at <paramref name="open"/>, or -1.</summary>
    private static int ClosingBracket(string text, int open)
    {
        var depth = 0;
        for (var i = open; i < text.Length; i++)
        {
            depth += text[i] switch { '(' => 1, ')' => -1, _ => 0 };
            if (depth == 0)
            {
                return i;
            }
        }

        return -1;
    }

    private static List<string> SplitTopLevel(string text, string separator)
    {
        var parts = new List<string>();
        var depth = 0;
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is '(' or '[')
            {
                depth++;
            }
            else if (c is ')' or ']')
            {
                depth = Math.Max(0, depth - 1);
            }
            else if (depth == 0 && string.CompareOrdinal(text, i, separator, 0, separator.Length) == 0)
            {
                parts.Add(text[start..i]);
                start = i + separator.Length;
                i = start - 1;
            }
        }

        parts.Add(text[start..]);
        return parts;
    }
}
