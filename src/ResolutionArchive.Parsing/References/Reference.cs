namespace ResolutionArchive.Parsing.References;

/// <summary>What a <see cref="Reference"/> names (input-formats §8).</summary>
public enum ReferenceKind
{
    /// <summary>A resolution cited by its number in a Chinese phrase: <c>第 46/14 号决议</c> (input-formats §8.1).</summary>
    Resolution,

    /// <summary>A UN document symbol printed as such: <c>A/HRC/43/31</c> (input-formats §8.4).</summary>
    DocumentSymbol,
}

/// <summary>
/// The body that adopted a cited resolution, decided from the words before the number (input-formats §8.2). Each has
/// its own symbol series (input-formats §8.3, <c>docs/references.md</c>).
/// </summary>
public enum CitedBody
{
    /// <summary>大会, the General Assembly: <c>A/RES/{session}/{n}</c>.</summary>
    GeneralAssembly,

    /// <summary>人权理事会 (理事会), the Human Rights Council: <c>A/HRC/RES/{session}/{n}</c>.</summary>
    HumanRightsCouncil,

    /// <summary>人权委员会, the Commission on Human Rights (1946–2006): <c>E/CN.4/RES/{year}/{n}</c>.</summary>
    CommissionOnHumanRights,

    /// <summary>
    /// (促进和保护人权 / 防止歧视和保护少数)小组委员会, the Sub-Commission of the Commission on Human Rights:
    /// <c>E/CN.4/SUB.2/RES/{year}/{n}</c>.
    /// </summary>
    SubCommission,

    /// <summary>经济及社会理事会 (经社理事会), the Economic and Social Council: <c>E/RES/{year}/{n}</c>.</summary>
    EconomicAndSocialCouncil,
}

/// <summary>
/// One cross-reference found in a clause's, sub-paragraph's or footnote's plain text by
/// <see cref="ReferenceFinder.Find"/> (input-formats §8).
/// </summary>
/// <param name="Start">Offset of the span to link, in UTF-16 code units into the plain text (0-based).</param>
/// <param name="Length">Length of that span in UTF-16 code units, at least 1. For a resolution the span is the number
/// alone (<c>46/14</c>, as the UN's own markdown links it, seed 003 line 27); for a document symbol it is the symbol.</param>
/// <param name="Kind">Resolution number or document symbol.</param>
/// <param name="Text">The span's characters exactly as they stand in the text (fullwidth forms kept).</param>
/// <param name="Printed">The span normalised: fullwidth ASCII folded to halfwidth, white space inside removed for a
/// number (<c>46/14</c>) or folded to one space for a symbol (<c>A/CONF.157/24(Part I)</c>).</param>
/// <param name="Target">The UN document symbol the reference names: derived from body and number for a resolution
/// (<c>A/HRC/RES/46/14</c>, input-formats §8.3), <see cref="Printed"/> itself for a document symbol.</param>
/// <param name="Body">For a resolution, the body decided (input-formats §8.2); null for a document symbol.</param>
public sealed record Reference(int Start, int Length, ReferenceKind Kind, string Text, string Printed, string Target, CitedBody? Body);

/// <summary>A reference together with the anchor of the text it was found in.</summary>
/// <param name="Anchor">The clause, sub-paragraph, annex block or footnote id: <c>pp3</c>, <c>op7-a</c>, <c>A-op1</c>,
/// <c>annex1-p2</c>, <c>fn2</c>, <c>fn-star</c>.</param>
/// <param name="Reference">The reference; its offsets are into that text.</param>
public sealed record AnchoredReference(string Anchor, Reference Reference);
