namespace ResolutionArchive.Parsing.Tests.Fuzz;

/// <summary>
/// What the AKN mutations (<see cref="AknMutator"/>, <see cref="RandomInputs"/>) insert: the element and attribute names
/// the readers look for, and the hostile prologs, references and declarations of the serialised text.
/// </summary>
internal static class AknFuzzVocabulary
{
    /// <summary>Element names the AKN readers look for: mutations pick these half of the time.</summary>
    public static readonly string[] InterestingNames =
    [
        "FRBRWork", "FRBRalias", "FRBRauthor", "FRBRdate", "FRBRnumber", "FRBRsubtype", "FRBRthis", "FRBRuri",
        "adoptedRecordedVote", "adoptedWithoutVote", "against", "analysis", "attachment", "attachments", "authorialNote",
        "b", "blockContainer", "blockList", "body", "chapter", "component", "components", "conclusions", "container",
        "content", "count", "coverPage", "crossHeading", "division", "doc", "docAuthority", "docCommittee", "docDate",
        "docNumber", "docProponent", "docTitle", "documentCollection", "export", "formula", "hcontainer", "heading",
        "identification", "inFavour", "inline", "intro", "item", "list", "listIntroduction", "mainBody", "meta", "note",
        "notes", "num", "organization", "p", "paragraph", "parliamentary", "part", "point", "preamble", "preface",
        "proprietary", "references", "section", "session", "span", "statement", "step", "subheading", "sublist",
        "subsection", "table", "tblock", "td", "th", "tr", "voters", "voting", "workflow", "quorumVerification", "eol", "br",
        "abstaining", "party", "role", "TLCOrganization", "TLCPerson", "TLCRole", "akomaNtoso",
    ];

    /// <summary>Attribute names the readers read.</summary>
    public static readonly string[] InterestingAttributes =
    [
        "as", "by", "class", "eId", "footnotes", "format", "href", "marker", "name", "outcome", "placementBase", "refersTo",
        "session", "showAs", "value", "date", "language", "wId", "GUID", "contains", "number",
    ];

    /// <summary>Prologs with a DTD: each must be refused (DTDs are prohibited), quickly and without expanding anything.</summary>
    public static readonly string[] Dtds =
    [
        AknMutator.BillionLaughs("lol", 10),
        "<!DOCTYPE akomaNtoso [<!ENTITY a \"" + new string('a', 50_000) + "\">]>",
        "<!DOCTYPE akomaNtoso [<!ENTITY xxe SYSTEM \"file:///etc/passwd\">]>",
        "<!DOCTYPE akomaNtoso [<!ENTITY % p SYSTEM \"http://127.0.0.1:1/evil.dtd\"> %p;]>",
        "<!DOCTYPE akomaNtoso SYSTEM \"http://127.0.0.1:1/akn.dtd\">",
        "<!DOCTYPE akomaNtoso PUBLIC \"-//X//Y\" \"file:///dev/zero\">",
        "<!DOCTYPE akomaNtoso [<!ELEMENT akomaNtoso ANY><!ATTLIST akomaNtoso xmlns CDATA #FIXED \"urn:other\">]>",
        "<!DOCTYPE akomaNtoso [<!ENTITY a \"&b;\"><!ENTITY b \"&a;\">]>",
        "<!DOCTYPE akomaNtoso>",
    ];

    /// <summary>Entity and character references to put in element text (undefined, illegal, or defined only by a DTD).</summary>
    public static readonly string[] References =
    [
        "&lol9;", "&xxe;", "&a;", "&nbsp;", "&undefined;", "&#0;", "&#x1;", "&#xD800;", "&#xFFFE;", "&#x110000;",
        "&#99999999999999999999;", "&#;", "&#x;", "&", "&amp", "&#x4E2D;", "&lt;script&gt;", "]]>", "<![CDATA[", "<?pi",
        "<!--", "\u0001", "\u0000", "\uFFFE",
    ];

    /// <summary>XML declarations that lie about the encoding or the version.</summary>
    public static readonly string[] Declarations =
    [
        "<?xml version=\"1.0\" encoding=\"UTF-16\"?>", "<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>",
        "<?xml version=\"1.0\" encoding=\"bogus\"?>", "<?xml version=\"1.1\"?>", "<?xml version=\"2.0\"?>",
        "<?xml version=\"1.0\" encoding=\"UTF-32\"?>", "<?xml version=\"1.0\" standalone=\"maybe\"?>", "<?xml?>",
        "<?xml version=\"1.0\" encoding=\"utf-7\"?>", "<?xml version=\"1.0\" encoding=\"x-user-defined\"?>",
        " <?xml version=\"1.0\"?>", "<?XML version=\"1.0\"?>",
    ];
}
