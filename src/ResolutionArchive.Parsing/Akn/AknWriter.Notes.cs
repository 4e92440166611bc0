using System.Xml.Linq;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Parsing.Akn;

// Where each footnote is written (docs/akn-export.md, "Where each field of the model is kept").
public static partial class AknWriter
{
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
