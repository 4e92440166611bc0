using ResolutionArchive.Parsing.Countries;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Parsing.Tests.Countries;

/// <summary>
/// The registry over time (Countries/SOURCES.md): official names with their dates, membership of the United Nations by
/// date, the regional groups and the Human Rights Council's terms.
/// </summary>
public class CountryRegistryOverTimeTests
{
    private readonly CountryRegistry _registry = CountryRegistry.Default;

    /// <summary>Every renaming of an official short name (iso3, language, index of the new name among the state's
    /// official names of that language in date order).</summary>
    public static TheoryData<string, string, int> Renamings()
    {
        var data = new TheoryData<string, string, int>();
        foreach (var state in CountryRegistry.Default.AllStates)
        {
            foreach (var language in new[] { "en", "zh" })
            {
                var count = Official(state, language).Count;
                for (var i = 1; i < count; i++)
                {
                    data.Add(state.Iso3, language, i);
                }
            }
        }

        return data;
    }

    private static List<StateName> Official(Country state, string language) =>
        state.Names.Where(n => n.Kind == StateNameKind.Official && n.Language == language).OrderBy(n => n.ValidFrom ?? DateOnly.MinValue).ToList();

    [Theory]
    [MemberData(nameof(Renamings))]
    public void EveryRenamingResolvesOnBothSidesOfItsDate(string iso3, string language, int index)
    {
        var state = _registry.FindByIso3(iso3)!;
        var names = Official(state, language);
        var old = names[index - 1];
        var renamed = names[index];
        var lastDay = old.ValidTo!.Value;
        var firstDay = renamed.ValidFrom!.Value;

        firstDay.Should().BeAfter(lastDay, "two official names of one state never overlap");
        if (firstDay != lastDay.AddDays(1))
        {
            state.Note.Should().NotBeNullOrEmpty("a gap between two names ({0} to {1}) is a gap in membership that the row's note explains", lastDay, firstDay);
        }

        state.NameOn(lastDay, language).Should().Be(old.Name);
        state.NameOn(firstDay, language).Should().Be(renamed.Name);
        var find = language == "en" ? (Func<string, DateOnly, Country?>)((n, d) => _registry.FindByEnglishName(n, d)) : (n, d) => _registry.FindByChineseName(n, d);
        find(old.Name, lastDay)!.Iso3.Should().Be(iso3);
        find(renamed.Name, firstDay)!.Iso3.Should().Be(iso3);
    }

    [Theory]
    [InlineData("TUR", "2022-05-31", "Turkey", "2022-06-01", "Türkiye")]
    [InlineData("SWZ", "2018-04-18", "Swaziland", "2018-04-19", "Eswatini")]
    [InlineData("MKD", "2019-02-13", "The former Yugoslav Republic of Macedonia", "2019-02-14", "North Macedonia")]
    [InlineData("LBY", "2011-09-15", "Libyan Arab Jamahiriya", "2011-09-16", "Libya")]
    [InlineData("CPV", "2013-10-23", "Cape Verde", "2013-10-24", "Cabo Verde")]
    [InlineData("SRB", "2006-06-02", "Serbia and Montenegro", "2006-06-03", "Serbia")]
    public void HoldsTheRenamingsTheIssueNames(string iso3, string lastDay, string before, string firstDay, string after)
    {
        var state = _registry.FindByIso3(iso3)!;

        state.NameOn(DateOnly.Parse(lastDay, System.Globalization.CultureInfo.InvariantCulture), "en").Should().Be(before);
        state.NameOn(DateOnly.Parse(firstDay, System.Globalization.CultureInfo.InvariantCulture), "en").Should().Be(after);
    }

    [Fact]
    public void ShowsTheChineseNameOfTheDate()
    {
        _registry.FindByIso3("MKD")!.NameOn(new DateOnly(2018, 3, 23), "zh").Should().Be("前南斯拉夫的马其顿共和国");
        _registry.FindByIso3("MKD")!.NameOn(new DateOnly(2023, 7, 12), "zh").Should().Be("北马其顿");
        _registry.FindByIso3("MKD")!.NameOn(null, "zh").Should().Be("北马其顿");
    }

    [Fact]
    public void ReadsTheCurrentNameOfARenamedStateAndItsCapitalsForm()
    {
        _registry.FindByEnglishName("NETHERLANDS (KINGDOM OF THE)")!.Iso3.Should().Be("NLD");
        _registry.FindByEnglishName("Kingdom of the Netherlands")!.Iso3.Should().Be("NLD");
        _registry.FindByEnglishName("TÜRKİYE")!.Iso3.Should().Be("TUR");
        _registry.FindByEnglishName("ESWATINI")!.Iso3.Should().Be("SWZ");
        _registry.FindByEnglishName("NORTH MACEDONIA")!.Iso3.Should().Be("MKD");
    }

    [Fact]
    public void ResolvesANameTwoStatesBoreByTheDate()
    {
        _registry.FindByEnglishName("YUGOSLAVIA", new DateOnly(1980, 1, 1))!.Iso3.Should().Be("YUG");
        _registry.FindByEnglishName("YUGOSLAVIA", new DateOnly(2001, 12, 1))!.Iso3.Should().Be("SRB");
    }

    [Fact]
    public void KnowsTheCommonShortFormsUsersType()
    {
        foreach (var (name, iso3) in new[] { ("美国", "USA"), ("英国", "GBR"), ("韩国", "KOR"), ("朝鲜", "PRK"), ("俄罗斯", "RUS") })
        {
            _registry.FindByChineseName(name)!.Iso3.Should().Be(iso3, "{0} is what users type", name);
        }
    }

    [Theory]
    [InlineData("2006-06-27", 191)]
    [InlineData("2006-06-28", 192)]
    [InlineData("2011-07-13", 192)]
    [InlineData("2011-07-14", 193)]
    [InlineData("2021-12-16", 193)]
    public void CountsTheMembersOfTheUnitedNationsOnADate(string date, int members) =>
        _registry.MembersOn(Body.GA, DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture)).Should().HaveCount(members);

    [Fact]
    public void CountsAStateThatCeasedToExistOnlyWhileItWasAMember()
    {
        _registry.MembersOn(Body.GA, new DateOnly(1990, 10, 2)).Select(c => c.Iso3).Should().Contain("DDR");
        _registry.MembersOn(Body.GA, new DateOnly(1990, 10, 3)).Select(c => c.Iso3).Should().NotContain("DDR");
        _registry.MembersOn(Body.GA, new DateOnly(2021, 1, 1)).Should().NotContain(c => c.Status != StateStatus.Member, "observers and former members are not members");
    }

    [Fact]
    public void PutsEveryMemberInOneRegionalGroupWithTheDocumentedSizes()
    {
        var members = _registry.Countries.Where(c => c.Status == StateStatus.Member).ToList();
        members.Should().OnlyContain(c => c.RegionalGroup != null);
        members.GroupBy(c => c.RegionalGroup).ToDictionary(g => g.Key!.Value, g => g.Count()).Should().BeEquivalentTo(new Dictionary<RegionalGroup, int>
        {
            [RegionalGroup.African] = 54,
            [RegionalGroup.AsiaPacific] = 54,
            [RegionalGroup.EasternEuropean] = 23,
            [RegionalGroup.LatinAmericanAndCaribbean] = 33,
            [RegionalGroup.WesternEuropeanAndOther] = 29,
        }, "the UN's groups (DGACM), with the United States counted in WEOG for elections and Türkiye in WEOG");
        _registry.FindByIso3("GEO")!.RegionalGroup.Should().Be(RegionalGroup.EasternEuropean, "Georgia sits in the Eastern European group, whatever M49 says");
        _registry.FindByIso3("VAT")!.RegionalGroup.Should().BeNull();
    }

    /// <summary>1 July of every year of the Council (its first session opened on 2006-06-19).</summary>
    public static TheoryData<int> CouncilYears() => [.. Enumerable.Range(2006, DateTime.UtcNow.Year - 2006 + 1)];

    /// <summary>
    /// The seats empty on 1 July of a year, each with its documented reason in the term's note: Libya suspended from
    /// 2011-03-01 to 2011-11-17 (General Assembly resolutions 65/265, 66/11); the United States gone on 2018-06-19 and
    /// Iceland elected only on 2018-07-13.
    /// </summary>
    private static readonly Dictionary<int, (string Iso3, RegionalGroup Group)> EmptySeats = new()
    {
        [2011] = ("LBY", RegionalGroup.African),
        [2018] = ("USA", RegionalGroup.WesternEuropeanAndOther),
    };

    [Theory]
    [MemberData(nameof(CouncilYears))]
    public void HoldsTheCouncilsFortySevenSeatsByGroupEveryYear(int year)
    {
        var date = new DateOnly(year, 7, 1);
        var members = _registry.MembersOn(Body.HRC, date);
        var seats = new Dictionary<RegionalGroup, int>
        {
            [RegionalGroup.African] = 13,
            [RegionalGroup.AsiaPacific] = 13,
            [RegionalGroup.EasternEuropean] = 6,
            [RegionalGroup.LatinAmericanAndCaribbean] = 8,
            [RegionalGroup.WesternEuropeanAndOther] = 7,
        };
        if (EmptySeats.TryGetValue(year, out var empty))
        {
            seats[empty.Group]--;
            _registry.CouncilTerms.Should().Contain(t => t.Iso3 == empty.Iso3 && t.End < date && t.End.Year == year && !string.IsNullOrEmpty(t.Note), "an empty seat is a documented suspension or withdrawal");
        }

        members.Should().HaveCount(seats.Values.Sum(), "General Assembly resolution 60/251 §7: 47 seats");
        _registry.CouncilTerms.Where(t => t.Start <= date && date <= t.End).GroupBy(t => t.Group).ToDictionary(g => g.Key, g => g.Count())
            .Should().BeEquivalentTo(seats);
        members.Should().OnlyContain(m => m.IsUnMemberOn(date), "only Members of the United Nations sit on the Council");
    }

    [Fact]
    public void EveryCouncilTermIsAtMostThreeYearsAndNeverOverlapsAnotherOfTheSameState()
    {
        foreach (var state in _registry.CouncilTerms.GroupBy(t => t.Iso3))
        {
            var terms = state.OrderBy(t => t.Start).ToList();
            terms.Should().OnlyContain(t => t.Start <= t.End && t.End <= t.Start.AddYears(3).AddDays(200), "a term is three years (the 2009–2011 terms ran on to 31 December)");
            for (var i = 1; i < terms.Count; i++)
            {
                terms[i].Start.Should().BeAfter(terms[i - 1].End, "{0} holds one seat at a time", state.Key);
            }
        }
    }
}

/// <summary>The Council's recorded votes of the seeds against the registry's membership (issue 13 §1, §4).</summary>
public class CouncilVotesAgainstMembershipTests
{
    [Theory]
    [InlineData("000", 0)]
    [InlineData("002", 0)]
    [InlineData("004", 1)]
    public void EveryStateOfASeedsRecordedVoteWasOnTheCouncilThatDayAndTheRestAreNonVoting(string seed, int nonVoting)
    {
        var result = TestInput.ParseSeed(seed);
        var resolution = result.Resolution!;
        var members = CountryRegistry.Default.MembersOn(Body.HRC, resolution.AdoptionDate!.Value).Select(c => c.Iso3).ToList();

        result.Diagnostics.Should().BeEmpty("no listed state is flagged as a non-member");
        members.Should().HaveCount(47);
        resolution.Vote.Yes.Concat(resolution.Vote.No).Concat(resolution.Vote.Abstain).Should().BeSubsetOf(members);
        resolution.Vote.NonVoting.Should().HaveCount(nonVoting);
        resolution.Vote.Yes.Concat(resolution.Vote.No).Concat(resolution.Vote.Abstain).Concat(resolution.Vote.NonVoting)
            .Should().BeEquivalentTo(members, "in favour + against + abstaining + non-voting = the Council on that day");
    }
}
