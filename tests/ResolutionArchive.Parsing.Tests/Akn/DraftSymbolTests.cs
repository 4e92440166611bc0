using FluentAssertions;
using ResolutionArchive.Parsing.Akn;
using ResolutionArchive.Parsing.Countries;
using ResolutionArchive.Parsing.Parsers;
using Xunit;

namespace ResolutionArchive.Parsing.Tests.Akn;

/// <summary>
/// The draft's symbol in the UN's lists of documents (input-formats §2.5, §7.7, §11.3): only an L document of the
/// Assembly, a Main Committee, the Council or a special session is a draft; a report in the same place is not.
/// </summary>
public sealed class DraftSymbolTests
{
    [Theory]
    [InlineData("A/75/L.8", "A/75/L.8")]
    [InlineData("A/75/L.32 and A/75/L.32/Add.1", "A/75/L.32")]
    [InlineData("A/75/L.8 和 Add.1", "A/75/L.8")]
    [InlineData("A/C.3/76/L.21/Rev.1", "A/C.3/76/L.21/Rev.1")]
    [InlineData("A/HRC/43/L.8", "A/HRC/43/L.8")]
    [InlineData("A/ES-11/L.1", "A/ES-11/L.1")]
    [InlineData("A/HRC/S-33/L.1", "A/HRC/S-33/L.1")]
    [InlineData(" A/C.1/77/ L.62 ", "A/C.1/77/L.62")]
    [InlineData("A/75/L.101 (as amended in A/75/L.104)", "A/75/L.101")]
    public void AnLDocumentIsTheDraft(string documents, string expected) =>
        Patterns.FirstDraftSymbol(documents).Should().Be(expected);

    [Theory]
    [InlineData("A/76/461, para. 20")]
    [InlineData("A/76/462/Add.2，第114段")]
    [InlineData("A/75/606")]
    [InlineData("submitted by the Special Committee")]
    [InlineData("A/75/L.8/Add.1")]
    [InlineData("A/RES/75/8")]
    [InlineData("")]
    [InlineData(null)]
    public void AnythingElseIsNot(string? documents) =>
        Patterns.FirstDraftSymbol(documents).Should().BeNull();
}

/// <summary>
/// The group a sponsor acted for (input-formats §7.7): the closing "(on behalf of …)" bracket that <see cref="AknSponsors.Resolve"/>
/// passes over to find the state, read by the same rule.
/// </summary>
public sealed class OnBehalfOfTests
{
    [Theory]
    [InlineData("Cuba (on behalf of the States Members of the United Nations that are members of the Movement of Non-Aligned Countries)", "the States Members of the United Nations that are members of the Movement of Non-Aligned Countries")]
    [InlineData("Guyana (of behalf of the Group of 77 and China)", "the Group of 77 and China")]
    [InlineData(" Egypt (On Behalf Of the Group of Arab States) ", "the Group of Arab States")]
    public void TheBracketGivesTheGroup(string name, string expected)
    {
        AknSponsors.OnBehalfOf(name).Should().Be(expected);
        AknSponsors.Resolve(name, CountryRegistry.Default).Should().NotBeNull("the same bracket is passed over to find the state");
    }

    [Theory]
    [InlineData("Bolivia (Plurinational State of)")]
    [InlineData("Spain")]
    [InlineData("Cuba (on behalf of the Group of 77) and Spain")]
    [InlineData("SUBMITTED BY THE PRESIDENT OF THE GENERAL ASSEMBLY")]
    [InlineData("Cuba (on behalf of )")]
    public void NoClosingBracketGivesNone(string name) =>
        AknSponsors.OnBehalfOf(name).Should().BeNull();
}
