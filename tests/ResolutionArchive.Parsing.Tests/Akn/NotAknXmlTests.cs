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
