using ResolutionArchive.Parsing.Countries;

namespace ResolutionArchive.Parsing.Tests.Countries;

/// <summary>English lookup (input-formats §7.9): the UN's vote-list capitals, sponsor lists and metadata names.</summary>
public class CountryRegistryEnglishTests
{
    private readonly CountryRegistry _registry = CountryRegistry.Default;

    [Fact]
    public void FindsEveryStateByItsEnglishNameInAnyCase()
    {
        foreach (var country in _registry.Countries)
        {
            _registry.FindByEnglishName(country.NameEn)!.Iso3.Should().Be(country.Iso3);
            _registry.FindByEnglishName(country.NameEn.ToUpperInvariant())!.Iso3.Should().Be(country.Iso3, country.NameEn);
            _registry.FindByEnglishName(country.NameEn.ToLowerInvariant())!.Iso3.Should().Be(country.Iso3, country.NameEn);
        }
    }

    [Theory]
    [InlineData("CÔTE D'IVOIRE", "CIV")]
    [InlineData("Côte d’Ivoire", "CIV")]
    [InlineData("COTE D'IVOIRE", "CIV")]
    [InlineData("TÜRKİYE", "TUR")]
    [InlineData("Türkiye", "TUR")]
    [InlineData("TURKIYE", "TUR")]
    [InlineData("TURKEY", "TUR")]
    [InlineData("UNITED KINGDOM", "GBR")]
    [InlineData("UNITED STATES", "USA")]
    [InlineData("United States of America", "USA")]
    [InlineData("BOLIVIA (PLURINATIONAL STATE OF)", "BOL")]
    [InlineData("Bolivia(Plurinational State of)", "BOL")]
    [InlineData("Plurinational State of Bolivia", "BOL")]
    [InlineData("Bolivia", "BOL")]
    [InlineData("DEMOCRATIC PEOPLE'S REPUBLIC OF KOREA", "PRK")]
    [InlineData("the Netherlands", "NLD")]
    [InlineData("Gambia (the)", "GMB")]
    [InlineData("  Guinea -Bissau ", "GNB")]
    [InlineData("SAO TOME AND PRINCIPE", "STP")]
    [InlineData("Czech Republic", "CZE")]
    public void FindsUnVariantsOfEnglishNames(string name, string iso3) =>
        _registry.FindByEnglishName(name)!.Iso3.Should().Be(iso3);

    [Theory]
    [InlineData("")]
    [InlineData("Atlantis")]
    [InlineData("United")]
    [InlineData("Korea")]
    [InlineData("Guinea Bissau Republic")]
    [InlineData("中国")]
    public void FindsNoStateForOtherEnglishNames(string name) => _registry.FindByEnglishName(name).Should().BeNull();

    [Fact]
    public void KeepsGuineaApartFromItsNeighbours()
    {
        _registry.FindByEnglishName("GUINEA")!.Iso3.Should().Be("GIN");
        _registry.FindByEnglishName("EQUATORIAL GUINEA")!.Iso3.Should().Be("GNQ");
        _registry.FindByEnglishName("CONGO")!.Iso3.Should().Be("COG");
        _registry.FindByEnglishName("DEMOCRATIC REPUBLIC OF THE CONGO")!.Iso3.Should().Be("COD");
        _registry.FindByEnglishName("NIGER")!.Iso3.Should().Be("NER");
    }

    [Fact]
    public void EveryEnglishNameOfTheRegistryFindsItsStateOnADateItWasInUse() =>
        _registry.AllStates.SelectMany(c => c.Names.Where(n => n.Language == "en").Select(n => (c.Iso3, Name: n)))
            .Should().OnlyContain(x => _registry.FindByEnglishName(x.Name.Name, x.Name.ValidTo ?? x.Name.ValidFrom ?? new DateOnly(2020, 1, 1))!.Iso3 == x.Iso3);

    [Fact]
    public void StillFindsChineseNames() => _registry.FindByChineseName("土耳其")!.Iso3.Should().Be("TUR");

    [Fact]
    public void NormalisesEnglishNames() =>
        CountryRegistry.NormalizeEnglishName(" The  Côte d’Ivoire (the) ").Should().Be("COTE D'IVOIRE");
}
