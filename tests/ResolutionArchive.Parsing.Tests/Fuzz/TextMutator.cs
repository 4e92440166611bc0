using System.Text;
using System.Text.RegularExpressions;
using CsCheck;

namespace ResolutionArchive.Parsing.Tests.Fuzz;

/// <summary>
/// Mutations of the seed texts, beyond RobustnessTests' cuts and junk: line deletions, duplications, swaps and moves,
/// lines spliced in from another seed, truncation at a character and at a byte, Unicode oddities (lone surrogates,
/// controls, bidi overrides, BOMs), mixed line ends, very long lines, numbers replaced by huge ones, Chinese numerals
/// garbage, and at the byte level flipped bytes and bits, invalid UTF-8, byte order marks, UTF-16/32 transcoding and NULs.
/// Text-level steps run first (in their order), then byte-level ones, so byte damage is not decoded away.
/// </summary>
internal static partial class TextMutator
{
    /// <summary>Texts grow no further once this long (keeps a case under a second).</summary>
    private const int MaxChars = 600_000;

    private static readonly string[] Names =
    [
        "delete-lines", "duplicate-line", "swap-lines", "move-line", "truncate", "insert-unicode", "insert-junk",
        "line-ends", "long-line", "huge-number", "chinese-numeral", "splice-seed", "indent", "replace-token",
        "repeat-block", "delete-range", "strip-class", "replace-line", "blank-lines",
        // byte level from here
        "flip-bytes", "flip-bit", "truncate-bytes", "insert-invalid-utf8", "bom", "transcode", "insert-nul", "delete-bytes",
    ];

    private static readonly int FirstByteKind = Array.IndexOf(Names, "flip-bytes");

    /// <summary>Tokens whose occurrences are replaced by one another (or removed).</summary>
    private static readonly string[] Tokens =
    [
        "赞成", "反对", "弃权", "大会，", "人权理事会，", "决议", "次会议", "全体会议", "届会议", "年", "月", "日", "段", "*", "[", "]",
        "1.", "2.", "(a)", "、", "，", "。", "：", "票", "和", "通过", "未经表决", "经记录表决", "议程项目", "#", "##", "**",
        "提案国", "A/HRC/", "A/RES/", "/", "第", "号", "（", "）", "《", "》", "\n\n", " ", "\u3000", "",
    ];

    private static readonly string[] Indents = [" ", "    ", "\t", "\u3000", "\u00A0", "\u2003", "  \t \u3000"];

    /// <summary>Inputs: a seed and one to six steps.</summary>
    public static Gen<FuzzCase> Cases(IReadOnlyList<FuzzSeed> seeds) =>
        Gen.Select(Gen.Int[0, seeds.Count - 1], MutationStep.Generator(Names.Length).Array[1, 6], (seed, steps) => Apply(seeds, seed, steps));

    /// <summary>Applies <paramref name="steps"/> to seed <paramref name="seed"/>.</summary>
    public static FuzzCase Apply(IReadOnlyList<FuzzSeed> seeds, int seed, MutationStep[] steps)
    {
        var text = seeds[seed].Text;
        var ordered = steps.Where(s => s.Kind < FirstByteKind).Concat(steps.Where(s => s.Kind >= FirstByteKind)).ToArray();
        byte[]? bytes = null;
        foreach (var step in ordered)
        {
            if (step.Kind < FirstByteKind)
            {
                text = ApplyText(text, step, seeds);
            }
            else
            {
                bytes = ApplyBytes(bytes ?? FuzzPayloads.Utf8(text), step);
            }
        }

        return new FuzzCase($"seed {seeds[seed].Name}", string.Join(" ", ordered.Select(s => s.Describe(Names))), bytes ?? FuzzPayloads.Utf8(text));
    }

    private static string ApplyText(string text, MutationStep s, IReadOnlyList<FuzzSeed> seeds)
    {
        var grow = text.Length < MaxChars;
        var lines = text.Split('\n').ToList();
        var line = s.A % lines.Count;
        switch (Names[s.Kind])
        {
            case "delete-lines":
                lines.RemoveRange(line, Math.Min(1 + (s.B % 3), lines.Count - line));
                return string.Join('\n', lines);
            case "duplicate-line":
                if (grow)
                {
                    lines.InsertRange(line, Enumerable.Repeat(lines[line], 1 + (s.B % 5)));
                }

                return string.Join('\n', lines);
            case "swap-lines":
                {
                    var other = s.B % lines.Count;
                    (lines[line], lines[other]) = (lines[other], lines[line]);
                    return string.Join('\n', lines);
                }

            case "move-line":
                {
                    var moved = lines[line];
                    lines.RemoveAt(line);
                    lines.Insert(s.B % (lines.Count + 1), moved);
                    return string.Join('\n', lines);
                }

            case "truncate":
                return text[..(s.A % (text.Length + 1))];
            case "insert-unicode":
                {
                    var payload = FuzzPayloads.Unicode[s.C % FuzzPayloads.Unicode.Length];
                    return text.Insert(s.A % (text.Length + 1), string.Concat(Enumerable.Repeat(payload, 1 + (s.B % 8))));
                }

            case "insert-junk":
                {
                    var random = s.Random();
                    var builder = new StringBuilder(text);
                    for (var n = 1 + (s.B % 6); n > 0; n--)
                    {
                        builder.Insert(random.Next(builder.Length + 1), FuzzPayloads.Junk[random.Next(FuzzPayloads.Junk.Length)]);
                    }

                    return builder.ToString();
                }

            case "line-ends":
                {
                    var random = s.Random();
                    return (s.B % 7) switch
                    {
                        0 => string.Join("\r\n", lines),
                        1 => string.Join('\r', lines),
                        2 => string.Concat(lines.Select((l, i) => l + (i == lines.Count - 1 ? "" : new[] { "\n", "\r\n", "\r", "\n\r" }[random.Next(4)]))),
                        3 => string.Join('\u2028', lines),
                        4 => string.Join('\u0085', lines),
                        5 => string.Join("\r\r\n", lines),
                        _ => string.Join("\n", lines) + new string('\r', 1 + (s.C % 5)),
                    };
                }

            case "long-line":
                {
                    if (!grow)
                    {
                        return text;
                    }

                    var ch = FuzzPayloads.LongLineChars[s.C % FuzzPayloads.LongLineChars.Length];
                    var length = ch is '*' or '_' ? FuzzPayloads.MaxDelimiterRun : 5_000 * (1 + (s.B % 40));
                    if (s.C / FuzzPayloads.LongLineChars.Length % 2 == 0)
                    {
                        lines.Insert(line, new string(ch, length));
                    }
                    else
                    {
                        lines[line] += new string(ch, length);
                    }

                    return string.Join('\n', lines);
                }

            case "huge-number":
                {
                    var matches = Digits().Matches(text);
                    if (matches.Count == 0)
                    {
                        return text;
                    }

                    var random = s.Random();
                    var result = text;
                    // replace one number, or (B odd) every number from the end so that the offsets hold
                    IEnumerable<Match> targets = s.B % 2 == 0 ? [matches[s.A % matches.Count]] : matches.Reverse();
                    foreach (var m in targets)
                    {
                        result = string.Concat(result.AsSpan(0, m.Index), FuzzPayloads.Numbers[(s.C + random.Next(3)) % FuzzPayloads.Numbers.Length], result.AsSpan(m.Index + m.Length));
                    }

                    return result;
                }

            case "chinese-numeral":
                {
                    var matches = ChineseDigits().Matches(text);
                    var garbage = FuzzPayloads.ChineseNumerals[s.C % FuzzPayloads.ChineseNumerals.Length];
                    if (matches.Count == 0 || s.B % 4 == 0)
                    {
                        // a session heading of garbage where a heading can stand
                        lines.Insert(line, $"### 第{garbage}届{(s.B % 8 == 0 ? "特别" : "")}会议");
                        return string.Join('\n', lines);
                    }

                    var m = matches[s.A % matches.Count];
                    return string.Concat(text.AsSpan(0, m.Index), garbage, text.AsSpan(m.Index + m.Length));
                }

            case "splice-seed":
                {
                    if (!grow)
                    {
                        return text;
                    }

                    var other = seeds[s.C % seeds.Count].Text.Split('\n');
                    var from = s.B % other.Length;
                    var count = Math.Min(other.Length - from, 1 + (s.C / seeds.Count % 40));
                    lines.InsertRange(line, other.Skip(from).Take(count));
                    return string.Join('\n', lines);
                }

            case "indent":
                {
                    var indent = Indents[s.C % Indents.Length];
                    for (var i = line; i < Math.Min(lines.Count, line + 1 + (s.B % 30)); i++)
                    {
                        lines[i] = s.C / Indents.Length % 3 == 0 ? lines[i].TrimStart() : indent + lines[i];
                    }

                    return string.Join('\n', lines);
                }

            case "replace-token":
                {
                    var from = Tokens[s.B % (Tokens.Length - 1)];
                    var to = Tokens[s.C % Tokens.Length];
                    var at = -1;
                    var occurrences = new List<int>();
                    while ((at = text.IndexOf(from, at + 1, StringComparison.Ordinal)) >= 0)
                    {
                        occurrences.Add(at);
                    }

                    if (occurrences.Count == 0)
                    {
                        return text;
                    }

                    // one occurrence, or (A divisible by 5) all of them
                    if (s.A % 5 == 0)
                    {
                        return text.Replace(from, to, StringComparison.Ordinal);
                    }

                    var index = occurrences[s.A % occurrences.Count];
                    return string.Concat(text.AsSpan(0, index), to, text.AsSpan(index + from.Length));
                }

            case "repeat-block":
                {
                    if (!grow)
                    {
                        return text;
                    }

                    var block = lines.Skip(line).Take(1 + (s.B % 30)).ToList();
                    if (block.Any(l => l.Count(c => c is '*' or '_') > FuzzPayloads.MaxDelimiterRun / 2))
                    {
                        return text; // see FuzzPayloads.MaxDelimiterRun
                    }

                    var size = block.Sum(l => l.Length + 1);
                    for (var n = Math.Min(1 + (s.C % 20), (MaxChars / size) + 1); n > 0; n--)
                    {
                        lines.InsertRange(line, block);
                    }

                    return string.Join('\n', lines);
                }

            case "delete-range":
                {
                    var start = s.A % (text.Length + 1);
                    return text.Remove(start, Math.Min(text.Length - start, 1 + (s.B % 400)));
                }

            case "strip-class":
                return (s.C % 8) switch
                {
                    0 => new string([.. text.Where(c => !char.IsAsciiDigit(c))]),
                    1 => new string([.. text.Where(c => c != ' ')]),
                    2 => new string([.. text.Where(c => c != '、')]),
                    3 => new string([.. text.Where(c => c != '，')]),
                    4 => new string([.. text.Where(c => c is not ('#' or '*' or '[' or ']'))]),
                    5 => new string([.. text.Where(c => c != '\n')]),
                    6 => new string([.. text.Where(c => c != '。')]),
                    _ => new string([.. text.Where(c => !char.IsPunctuation(c))]),
                };
            case "replace-line":
                {
                    var replacement = (s.C % 3) switch
                    {
                        0 => lines[s.B % lines.Count],
                        1 => "",
                        _ => FuzzPayloads.Junk[s.B % FuzzPayloads.Junk.Length],
                    };
                    lines[line] = replacement;
                    return string.Join('\n', lines);
                }

            case "blank-lines":
                {
                    // remove every blank line (paragraph breaks), or double every line end
                    return s.B % 2 == 0
                        ? string.Join('\n', lines.Where(l => l.Trim().Length > 0))
                        : string.Join("\n\n", lines);
                }

            default:
                throw new InvalidOperationException($"no text mutation {s.Kind}");
        }
    }

    /// <summary>Byte-level steps (also used on the AKN samples).</summary>
    public static byte[] ApplyBytes(byte[] bytes, MutationStep s) => ApplyBytes(bytes, Names[s.Kind], s);

    /// <summary>The byte-level step names, to mix into another mutator's list.</summary>
    public static IReadOnlyList<string> ByteStepNames => Names[FirstByteKind..];

    /// <summary>Applies the byte-level step <paramref name="name"/>.</summary>
    public static byte[] ApplyBytes(byte[] bytes, string name, MutationStep s)
    {
        switch (name)
        {
            case "flip-bytes":
                {
                    if (bytes.Length == 0)
                    {
                        return bytes;
                    }

                    var copy = (byte[])bytes.Clone();
                    var random = s.Random();
                    for (var n = 1 + (s.B % 8); n > 0; n--)
                    {
                        copy[random.Next(copy.Length)] = (byte)random.Next(256);
                    }

                    return copy;
                }

            case "flip-bit":
                {
                    if (bytes.Length == 0)
                    {
                        return bytes;
                    }

                    var copy = (byte[])bytes.Clone();
                    copy[s.A % copy.Length] ^= (byte)(1 << (s.B % 8));
                    return copy;
                }

            case "truncate-bytes":
                return bytes[..(s.A % (bytes.Length + 1))];
            case "insert-invalid-utf8":
                return FuzzPayloads.Insert(bytes, s.A % (bytes.Length + 1), FuzzPayloads.InvalidUtf8[s.C % FuzzPayloads.InvalidUtf8.Length]);
            case "bom":
                {
                    var bom = FuzzPayloads.Boms[s.C % FuzzPayloads.Boms.Length];
                    return FuzzPayloads.Insert(bytes, s.B % 3 == 0 ? s.A % (bytes.Length + 1) : 0, bom);
                }

            case "transcode":
                {
                    var text = Encoding.UTF8.GetString(bytes);
                    Encoding encoding = (s.C % 4) switch
                    {
                        0 => new UnicodeEncoding(bigEndian: false, byteOrderMark: true),
                        1 => new UnicodeEncoding(bigEndian: true, byteOrderMark: true),
                        2 => new UTF32Encoding(bigEndian: false, byteOrderMark: true),
                        _ => Encoding.Latin1,
                    };
                    return s.B % 2 == 0 ? [.. encoding.GetPreamble(), .. encoding.GetBytes(text)] : encoding.GetBytes(text);
                }

            case "insert-nul":
                return FuzzPayloads.Insert(bytes, s.A % (bytes.Length + 1), new byte[1 + (s.B % 4)]);
            case "delete-bytes":
                {
                    var start = s.A % (bytes.Length + 1);
                    var count = Math.Min(bytes.Length - start, 1 + (s.B % 16));
                    return [.. bytes.AsSpan(0, start), .. bytes.AsSpan(start + count)];
                }

            default:
                throw new InvalidOperationException($"no byte mutation {name}");
        }
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex Digits();

    [GeneratedRegex("[〇零一二两三四五六七八九十百千万亿]+")]
    private static partial Regex ChineseDigits();
}
