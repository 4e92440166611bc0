using System.Text;

namespace ResolutionArchive.Parsing.Tests.Akn;

/// <summary>
/// XML that is not readable AKN4UN is explained as XML (issue 14 item 11; input-formats §7.1), not handed to the text
/// parser, whose "expected the enacting formula" would mislead.
/// </summary>
public class NotAknXmlTests
{
    [Fact]
    public void ADocumentTypeDeclarationIsRefusedWithTheReason()
    {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE akomaNtoso [<!ENTITY a \"x\">]>\n<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"/>\n";

        var result = ResolutionSourceReader.Read(Encoding.UTF8.GetBytes(xml), "dtd.xml");

        result.Succeeded.Should().BeFalse();
        result.Diagnostics.Should().ContainSingle().Which.Message.Should().StartWith("expected XML without a document type declaration, found <!DOCTYPE …>: DTDs are refused");
    }

    [Fact]
    public void AnEncodingTheReaderDoesNotSupportIsNamed()
    {
        var xml = "<?xml version=\"1.0\" encoding=\"GB18030\"?>\n<akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"/>\n";

        var result = ResolutionSourceReader.Read(Encoding.UTF8.GetBytes(xml), "gb.xml");

        result.Diagnostics.Should().ContainSingle().Which.Message.Should().StartWith("expected AKN4UN XML in UTF-8 or UTF-16").And.Contain("GB18030");
    }

    [Fact]
    public void AnotherRootElementIsNamed()
    {
        var result = ResolutionSourceReader.Read(Encoding.UTF8.GetBytes("<html><body>决议</body></html>"), "page.html");

        result.Diagnostics.Should().ContainSingle().Which.Message.Should().StartWith("expected the root element akomaNtoso");
    }

    [Fact]
    public void ASeedTextIsStillReadAsText() =>
        ResolutionSourceReader.Read(TestInput.SeedBytes("000"), "000.txt").Succeeded.Should().BeTrue();
}

/// <summary>
/// The resolution number and symbol of an AKN4UN file become the record's key, its URL and a field of every CSV row,
/// so only the documented forms are taken (issue 14 item 4; input-formats §7.2).
/// </summary>
public class AknNumberTests
{
    private static string Sample() => Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(AknCorpus.SampleDirectory, "75_102_C.xml")));

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil.example/\",\"x\")")]
    [InlineData("75/../../../etc/passwd")]
    [InlineData("75/778 &lt;script&gt;")]
    [InlineData("٧٥/١٠٢")]
    public void AResolutionNumberOfAnotherFormIsAnError(string number)
    {
        var text = Sample().ReplaceOnce("<docNumber>75/102.</docNumber>", $"<docNumber>{number}</docNumber>");

        var result = ResolutionSourceReader.Read(Encoding.UTF8.GetBytes(text), "75_102_C.xml");

        result.Succeeded.Should().BeFalse();
        result.Errors.Should().Contain(e => e.Message.StartsWith("expected the resolution number as SESSION/NUMBER", StringComparison.Ordinal));
    }

    [Fact]
    public void ACoverSymbolWithAnythingButAPartSuffixIsReplacedByTheNumbersSymbol()
    {
        var text = Sample().ReplaceOnce(">A/RES/75/102<", ">A/RES/75/102 &lt;script&gt;<");

        var result = ResolutionSourceReader.Read(Encoding.UTF8.GetBytes(text), "75_102_C.xml");

        result.Resolution!.Symbol.Should().Be("A/RES/75/102");
        result.Diagnostics.Should().Contain(d => d.Message.StartsWith("expected the symbol on the cover page to be A/RES/75/102", StringComparison.Ordinal));
    }
}
