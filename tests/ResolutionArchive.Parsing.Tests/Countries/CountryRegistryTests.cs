using ResolutionArchive.Parsing.Countries;

namespace ResolutionArchive.Parsing.Tests.Countries;

/// <summary>The embedded registry of the 193 UN member states and 2 observer states.</summary>
public class CountryRegistryTests
{
    private readonly CountryRegistry _registry = CountryRegistry.Default;

    [Fact]
    public void HoldsTheMemberAndObserverStatesOnce()
    {
        _registry.Countries.Should().HaveCount(195, "193 member states and 2 observer states");
        _registry.Countries.Select(c => c.Iso3).Should().OnlyHaveUniqueItems();
        _registry.Countries.Select(c => c.Iso2).Should().OnlyHaveUniqueItems();
        _registry.Countries.Select(c => c.M49).Should().OnlyHaveUniqueItems();
        _registry.Countries.Select(c => c.NameEn).Should().OnlyHaveUniqueItems();
        _registry.Countries.Select(c => c.NameZh).Should().OnlyHaveUniqueItems();
    }

    [Fact]
    public void HoldsWellFormedCodes()
    {
        _registry.Countries.Should().OnlyContain(c =>
            c.Iso3.Length == 3 && c.Iso3.All(char.IsAsciiLetterUpper) &&
            c.Iso2.Length == 2 && c.Iso2.All(char.IsAsciiLetterUpper) &&
            c.M49.Length == 3 && c.M49.All(char.IsAsciiDigit) &&
            c.NameZh.Length > 0);
    }

    [Fact]
    public void HoldsTheTwoObserverStates()
    {
        _registry.FindByIso3("VAT")!.NameZh.Should().Be("罗马教廷");
        _registry.FindByIso3("PSE")!.NameZh.Should().Be("巴勒斯坦国");
    }

    [Fact]
    public void FindsEveryStateByEachOfItsChineseNames()
    {
        foreach (var country in _registry.Countries)
        {
            foreach (var name in country.AliasesZh.Prepend(country.NameZh))
            {
                var found = _registry.FindByChineseName(name);
                found.Should().NotBeNull("{0} is a name of {1}", name, country.Iso3);
                found!.Iso3.Should().Be(country.Iso3, "{0} names {1} and no other state", name, country.Iso3);
            }
        }
    }

    [Theory]
    [InlineData("多民族玻利维亚国", "BOL")]
    [InlineData("玻利维亚多民族国", "BOL")]
    [InlineData("玻利维亚（多民族国）", "BOL")]
    [InlineData("玻利维亚(多民族国)", "BOL")]
    [InlineData("委内瑞拉玻利瓦尔共和国", "VEN")]
    [InlineData("委内瑞拉（玻利瓦尔共和国）", "VEN")]
    [InlineData("特立尼达和多巴哥", "TTO")]
    [InlineData("波斯尼亚和黑塞哥维那", "BIH")]
    [InlineData("刚果（布）", "COG")]
    [InlineData("刚果(布)", "COG")]
    [InlineData("刚果民主共和国", "COD")]
    [InlineData("大不列颠及北爱尔兰联合王国", "GBR")]
    [InlineData("美利坚合众国", "USA")]
    [InlineData("中国", "CHN")]
    [InlineData("黑山", "MNE")]
    [InlineData("土耳其", "TUR")]
    [InlineData("土耳其（Türkiye）", "TUR")]
    public void FindsAStateByOfficialNameOrAlias(string name, string iso3) =>
        _registry.FindByChineseName(name)!.Iso3.Should().Be(iso3);

    [Theory]
    [InlineData("黑\n山", "MNE")]
    [InlineData("刚果民主共\n\n和国", "COD")]
    [InlineData(" 玻利维亚 （多民族国） ", "BOL")]
    [InlineData("伊朗\u3000（伊斯兰共和国）", "IRN")]
    public void FindsAStateWhoseNameIsBrokenByWhiteSpace(string name, string iso3) =>
        _registry.FindByChineseName(name)!.Iso3.Should().Be(iso3);

    [Theory]
    [InlineData("玻利维亚（多民族国）", "玻利维亚(多民族国)")]
    [InlineData("刚果（布）", "刚果(布)")]
    [InlineData("黑\r\n山", "黑山")]
    [InlineData("Türkiye （土耳其）", "Türkiye(土耳其)")]
    public void NormalisesFullWidthBracketsAndWhiteSpace(string name, string expected) =>
        CountryRegistry.NormalizeName(name).Should().Be(expected);

    [Theory]
    [InlineData("")]
    [InlineData("亚特兰蒂斯")]
    [InlineData("玻利维")]
    [InlineData("刚果民主共")]
    [InlineData("China")]
    public void FindsNoStateForOtherNames(string name) => _registry.FindByChineseName(name).Should().BeNull();

    [Theory]
    [InlineData("CHN", "中国")]
    [InlineData("chn", "中国")]
    [InlineData("Bol", "多民族玻利维亚国")]
    public void FindsAStateByIso3IgnoringCase(string iso3, string nameZh) =>
        _registry.FindByIso3(iso3)!.NameZh.Should().Be(nameZh);

    [Fact]
    public void FindsNoStateForAnUnknownCode() => _registry.FindByIso3("XXX").Should().BeNull();

    [Fact]
    public void KnowsTheLengthOfItsLongestName()
    {
        var longest = _registry.Countries.SelectMany(c => c.AliasesZh.Prepend(c.NameZh)).Max(n => CountryRegistry.NormalizeName(n).Length);

        _registry.LongestChineseName.Should().Be(longest);
    }
}
