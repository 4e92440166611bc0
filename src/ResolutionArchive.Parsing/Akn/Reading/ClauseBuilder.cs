using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Parsing.Akn;

public static partial class AknResolutionReader
{
    // A clause and its points as the body reader (§7.3–§7.6) assembles them: text, footnotes and points are filled in
    // as the blocks come, then Build gives the model's immutable Clause and Point.
    private sealed class PointBuilder(string id, string label)
    {
        public string Id { get; } = id;
        public string Label { get; } = label;
        public string Text { get; set; } = "";
        public IReadOnlyList<string> Footnotes { get; set; } = [];
        public List<PointBuilder> Points { get; } = [];
        public Point Build() => new(Id, Label, Text, Footnotes, Points.Select(p => p.Build()).ToList());
    }

    private sealed class ClauseBuilder(string id, ClauseKind kind, string? number, int line, string? part)
    {
        public string Id { get; } = id;
        public ClauseKind Kind { get; } = kind;
        public string? Number { get; } = number;
        public int Line { get; } = line;
        public string? Part { get; } = part;
        public string Text { get; set; } = "";
        public IReadOnlyList<string> Footnotes { get; set; } = [];
        public IReadOnlyList<Emphasis> Emphasis { get; set; } = [];
        public List<PointBuilder> Points { get; } = [];
        public HashSet<string> PointIds { get; } = new(StringComparer.Ordinal);
        public Clause Build() => new(Id, Kind, Number, Text, Footnotes, Emphasis, Points.Select(p => p.Build()).ToList(), Line, Part);
    }
}
