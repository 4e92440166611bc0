using ResolutionArchive.Parsing.References;

namespace ResolutionArchive.Parsing.Tests.References;

/// <summary>
/// Every cross-reference in the five seeds (clause and footnote texts), read off the seeds by hand (docs/input-formats.md
/// §8), against what <see cref="ReferenceFinder.FindIn"/> finds: the same list, in the same order, nothing more.
/// </summary>
public sealed class ReferenceFinderSeedTests
{
    // (anchor, the linked text as printed, target symbol)
    private static readonly Dictionary<string, (string Anchor, string Text, string Target)[]> Seeds = new()
    {
        // 000 A/HRC/RES/46/13: no reference (COVID-19, 第四十九届会议议程项目 3, 第五十二届会议 are not ones).
        ["000"] = [],

        // 001 draft 43/...: the report of footnote 1.
        ["001"] = [("fn1", "A/HRC/43/31", "A/HRC/43/31")],

        // 002 A/HRC/RES/53/11 (a Council text citing Assembly resolutions by 大会).
        ["002"] =
            [
                ("pp2", "70/1", "A/RES/70/1"),                     // 大会在 2015 年 9 月 25 日题为“…2030 年…”的第 70/1 号决议
                ("pp3", "69/313", "A/RES/69/313"),                 // 大会 2015 年 7 月 27 日关于《…》的第 69/313 号决议
                ("pp4", "77/213", "A/RES/77/213"),                 // 大会 2022 年 12 月 15 日第 77/213 号决议
                ("pp4", "50/4", "A/HRC/RES/50/4"),                 // 人权理事会 2022 年 7 月 7 日第 50/4 号决议
                ("pp5", "41/128", "A/RES/41/128"),
                ("pp6", "48/141", "A/RES/48/141"),
                ("pp7", "33/134", "A/RES/33/134"),
                ("pp8", "2000/22", "E/CN.4/SUB.2/RES/2000/22"),    // 促进和保护人权小组委员会…第 2000/22 号决议
                ("pp12", "46/14", "A/HRC/RES/46/14"),              // 人权理事会关于…的 2021 年 3 月 23 日第 46/14 号决议
                ("pp12", "49/25", "A/HRC/RES/49/25"),              // …和 2022 年 4 月 1 日第 49/25 号决议
                ("pp23", "60/251", "A/RES/60/251"),                // 大会 2006 年 3 月 15 日设立人权理事会的第 60/251 号决议
                ("pp26", "6/17", "A/HRC/RES/6/17"),                // 人权理事会 2007 年 9 月 28 日第 6/17 号决议
                ("op35", "76/164", "A/RES/76/164"),
                ("op36", "76/159", "A/RES/76/159"),                // 又回顾大会第 76/159 号决议: seed 003 in the archive
                ("fn1", "E/CN.4/2001/2", "E/CN.4/2001/2"),         // joint symbol E/CN.4/2001/2-E/CN.4/Sub.2/2000/46
                ("fn1", "E/CN.4/Sub.2/2000/46", "E/CN.4/Sub.2/2000/46"),
                ("fn2", "66/3", "A/RES/66/3"),                     // 见大会第 66/3 和 76/1 号决议。
                ("fn2", "76/1", "A/RES/76/1"),
                ("fn3", "74/2", "A/RES/74/2"),
                ("fn4", "A/HRC/52/80", "A/HRC/52/80"),
                ("fn5", "A/HRC/53/46", "A/HRC/53/46"),
            ],

        // 003 A/RES/76/159 (an Assembly text; its footnotes' bare 第 55/2 号决议 are the Assembly's own).
        ["003"] =
            [
                ("pp2", "70/1", "A/RES/70/1"),
                ("pp3", "75/180", "A/RES/75/180"),                 // 大会 2020 年 12 月 16 日第 75/180 号决议
                ("pp3", "47/9", "A/HRC/RES/47/9"),                 // 人权理事会 2021 年 7 月 12 日第 47/9 号决议
                ("pp15", "2000/22", "E/CN.4/SUB.2/RES/2000/22"),
                ("fn1", "A/CONF.157/24(Part I)", "A/CONF.157/24(Part I)"),
                ("fn1", "A/CONF.157/24(Part I)/Corr.1", "A/CONF.157/24(Part I)/Corr.1"),
                ("fn2", "55/2", "A/RES/55/2"),
                ("fn3", "A/76/53", "A/76/53"),                     // not 补编第 53 号
                ("fn4", "66/3", "A/RES/66/3"),
                ("fn5", "76/1", "A/RES/76/1"),
                ("fn6", "E/CN.4/2001/2", "E/CN.4/2001/2"),
                ("fn6", "E/CN.4/Sub.2/2000/46", "E/CN.4/Sub.2/2000/46"),
            ],

        // 004 A/HRC/RES/37/23: none.
        ["004"] = [],
    };

    [Theory]
    [InlineData("000")]
    [InlineData("001")]
    [InlineData("002")]
    [InlineData("003")]
    [InlineData("004")]
    public void Seed_references_are_exactly_the_listed_ones(string seed)
    {
        var expected = Expected(seed);
        var resolution = TestInput.ParseSeed(seed).Resolution!;

        var found = ReferenceFinder.FindIn(resolution);

        found.Select(r => (r.Anchor, r.Reference.Text, r.Reference.Target)).Should().Equal(expected);
    }

    [Theory]
    [InlineData("001")]
    [InlineData("002")]
    [InlineData("003")]
    public void Each_span_is_the_printed_text_at_its_offsets(string seed)
    {
        var resolution = TestInput.ParseSeed(seed).Resolution!;
        var texts = resolution.Preamble.Concat(resolution.Operative).ToDictionary(c => c.Id, c => c.Text);
        foreach (var f in resolution.Footnotes)
        {
            texts[f.Id] = f.Text;
        }

        foreach (var (anchor, reference) in ReferenceFinder.FindIn(resolution))
        {
            texts[anchor].Substring(reference.Start, reference.Length).Should().Be(reference.Text, $"{anchor} at {reference.Start}");
            reference.Printed.Should().Be(reference.Text, "the seeds print symbols and numbers in halfwidth");
        }
    }

    [Fact]
    public void Seed_counts_are_0_1_21_12_0()
    {
        TestInput.SeedIds.Select(id => ReferenceFinder.FindIn(TestInput.ParseSeed(id).Resolution!).Count)
            .Should().Equal(0, 1, 21, 12, 0);
    }

    [Fact]
    public void Bodies_of_seed_002_are_decided_from_the_words_before_each_number()
    {
        var found = ReferenceFinder.FindIn(TestInput.ParseSeed("002").Resolution!)
            .Where(r => r.Reference.Kind == ReferenceKind.Resolution)
            .ToDictionary(r => r.Reference.Text + "@" + r.Anchor, r => r.Reference.Body);

        found["70/1@pp2"].Should().Be(CitedBody.GeneralAssembly);
        found["50/4@pp4"].Should().Be(CitedBody.HumanRightsCouncil);
        found["2000/22@pp8"].Should().Be(CitedBody.SubCommission);
        found["49/25@pp12"].Should().Be(CitedBody.HumanRightsCouncil);
        found["60/251@pp23"].Should().Be(CitedBody.GeneralAssembly, "人权理事会 in 设立人权理事会的 is the object of 设立");
        found["76/1@fn2"].Should().Be(CitedBody.GeneralAssembly, "the second number of 第 66/3 和 76/1 号决议 shares the phrase's body");
    }

    private static (string Anchor, string Text, string Target)[] Expected(string seed) => Seeds[seed];
}
