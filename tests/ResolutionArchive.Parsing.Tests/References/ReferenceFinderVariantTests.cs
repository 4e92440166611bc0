using ResolutionArchive.Parsing.References;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Parsing.Tests.References;

/// <summary>The phrase forms, body rules and negatives of docs/input-formats.md §8, one small text each.</summary>
public sealed class ReferenceFinderVariantTests
{
    private static IEnumerable<(string Text, string Target)> Find(string text, Body citing = Body.HRC) =>
        ReferenceFinder.Find(text, citing).Select(r => (r.Text, r.Target));

    [Theory]
    [InlineData("回顾第 46/14 号决议，", "46/14", "A/HRC/RES/46/14")]
    [InlineData("回顾第70/1号决议，", "70/1", "A/HRC/RES/70/1")]
    [InlineData("回顾其第 46/14 号决议，", "46/14", "A/HRC/RES/46/14")]
    [InlineData("回顾人权理事会第 S-28/1 号决议，", "S-28/1", "A/HRC/RES/S-28/1")]
    [InlineData("回顾大会第 ES-10/1 号决议，", "ES-10/1", "A/RES/ES-10/1")]
    [InlineData("回顾大会第 75/101 A 号决议，", "75/101 A", "A/RES/75/101 A")]
    public void One_number_in_one_phrase(string text, string span, string target) =>
        Find(text).Should().Equal((span, target));

    [Fact]
    public void The_citing_body_decides_a_number_that_no_body_word_governs()
    {
        Find("回顾第 46/14 号决议", Body.HRC).Should().Equal(("46/14", "A/HRC/RES/46/14"));
        Find("回顾第 46/14 号决议", Body.GA).Should().Equal(("46/14", "A/RES/46/14"));
    }

    [Fact]
    public void Two_numbers_in_one_phrase_are_two_references_with_the_phrase_s_body()
    {
        var found = ReferenceFinder.Find("见大会第 66/3 和 76/1 号决议。", Body.HRC);

        found.Select(r => (r.Start, r.Length, r.Text, r.Target, r.Body)).Should().Equal(
            (5, 4, "66/3", "A/RES/66/3", (CitedBody?)CitedBody.GeneralAssembly),
            (12, 4, "76/1", "A/RES/76/1", (CitedBody?)CitedBody.GeneralAssembly));
    }

    [Fact]
    public void A_list_with_the_enumeration_comma() =>
        Find("回顾大会第 60/251、65/281 和 70/1 号决议", Body.HRC).Should().Equal(
            ("60/251", "A/RES/60/251"), ("65/281", "A/RES/65/281"), ("70/1", "A/RES/70/1"));

    [Fact]
    public void Each_number_with_its_own_di_and_hao() =>
        Find("回顾人权理事会第 46/14 号和第 49/25 号决议", Body.GA).Should().Equal(
            ("46/14", "A/HRC/RES/46/14"), ("49/25", "A/HRC/RES/49/25"));

    [Fact]
    public void A_date_between_the_body_word_and_the_number() =>
        Find("回顾人权理事会 2007 年 9 月 28 日第 6/17 号决议，", Body.GA).Should().Equal(("6/17", "A/HRC/RES/6/17"));

    [Fact]
    public void A_second_phrase_joined_by_he_keeps_the_body_of_the_first() =>
        Find("回顾大会 2015 年 9 月 25 日第 70/1 号决议和 2015 年 7 月 27 日第 69/313 号决议，", Body.HRC).Should().Equal(
            ("70/1", "A/RES/70/1"), ("69/313", "A/RES/69/313"));

    [Fact]
    public void The_nearest_body_word_governs() =>
        Find("还回顾大会 2022 年 12 月 15 日第 77/213 号决议、人权理事会 2022 年 7 月 7 日第 50/4 号决议", Body.GA).Should().Equal(
            ("77/213", "A/RES/77/213"), ("50/4", "A/HRC/RES/50/4"));

    [Theory]
    [InlineData("人权委员会 2005 年 4 月 14 日第 2005/7 号决议", "2005/7", "E/CN.4/RES/2005/7")]
    [InlineData("促进和保护人权小组委员会第 2000/22 号决议", "2000/22", "E/CN.4/SUB.2/RES/2000/22")]
    [InlineData("防止歧视和保护少数小组委员会 1998 年 8 月 21 日第 1998/5 号决议", "1998/5", "E/CN.4/SUB.2/RES/1998/5")]
    [InlineData("经济及社会理事会第 1996/31 号决议", "1996/31", "E/RES/1996/31")]
    [InlineData("理事会第 5/1 号决议", "5/1", "A/HRC/RES/5/1")]
    [InlineData("大会 2006 年 3 月 15 日设立人权理事会的第 60/251 号决议", "60/251", "A/RES/60/251")]
    public void Body_words(string text, string span, string target) =>
        Find(text, Body.GA).Should().Equal((span, target));

    [Fact]
    public void Its_before_the_phrase_names_the_citing_body_even_after_another_body_word() =>
        Find("回顾人权理事会第 47/9 号决议，并回顾其 2020 年 12 月 16 日第 75/180 号决议", Body.GA).Should().Equal(
            ("47/9", "A/HRC/RES/47/9"), ("75/180", "A/RES/75/180"));

    [Fact]
    public void A_body_word_does_not_govern_across_a_sentence_end() =>
        Find("回顾大会第 60/251 号决议。又回顾第 5/1 号决议", Body.HRC).Should().Equal(
            ("60/251", "A/RES/60/251"), ("5/1", "A/HRC/RES/5/1"));

    [Fact]
    public void A_body_word_further_back_than_the_window_does_not_govern()
    {
        var far = "回顾大会" + new string('的', ReferenceFinder.BodyWordWindow) + "第 5/1 号决议";
        var near = "回顾大会" + new string('的', ReferenceFinder.BodyWordWindow - 10) + "第 5/1 号决议";

        Find(far, Body.HRC).Should().Equal(("5/1", "A/HRC/RES/5/1"));
        Find(near, Body.HRC).Should().Equal(("5/1", "A/RES/5/1"));
    }

    [Fact]
    public void A_body_word_must_fit_the_number_s_shape()
    {
        // a year-numbered resolution is not the Assembly's: the Commission further back governs it
        Find("回顾人权委员会和大会第 2005/7 号决议", Body.HRC).Should().Equal(("2005/7", "E/CN.4/RES/2005/7"));
        // a year-numbered resolution with no Commission, Sub-Commission or ECOSOC word cannot be decided: not linked
        Find("回顾第 2005/7 号决议", Body.HRC).Should().BeEmpty();
    }

    [Fact]
    public void The_security_council_is_not_the_human_rights_council() =>
        Find("安全理事会第 1325 (2000) 号决议和理事会第 5/1 号决议", Body.GA).Should().Equal(("5/1", "A/HRC/RES/5/1"));

    [Fact]
    public void Fullwidth_forms_are_folded_but_spans_keep_the_printed_characters()
    {
        var found = ReferenceFinder.Find("回顾大会第４６／１４号决议和Ａ／ＨＲＣ／４３／３１。", Body.HRC);

        found.Select(r => (r.Text, r.Printed, r.Target)).Should().Equal(
            ("４６／１４", "46/14", "A/RES/46/14"),
            ("Ａ／ＨＲＣ／４３／３１", "A/HRC/43/31", "A/HRC/43/31"));
    }

    [Theory]
    [InlineData("A/HRC/43/31。", "A/HRC/43/31")]
    [InlineData("见 A/76/462/Add.2，第 114 段", "A/76/462/Add.2")]
    [InlineData("(A/76/53)，第七章", "A/76/53")]
    [InlineData("A/CONF.157/24(Part I)和", "A/CONF.157/24(Part I)")]
    [InlineData("A/CONF.157/24(Part I)/Corr.1，第三章。", "A/CONF.157/24(Part I)/Corr.1")]
    [InlineData("A/HRC/RES/S-28/1。", "A/HRC/RES/S-28/1")]
    [InlineData("CCPR/C/GC/36.", "CCPR/C/GC/36")]
    public void Document_symbols(string text, string symbol) =>
        Find(text).Should().Equal((symbol, symbol));

    [Fact]
    public void A_joint_symbol_is_two_references_without_the_hyphen()
    {
        var found = ReferenceFinder.Find("见 E/CN.4/2001/2-E/CN.4/Sub.2/2000/46，第二章，A 节。", Body.GA);

        found.Select(r => (r.Start, r.Length, r.Target, r.Kind)).Should().Equal(
            (2, 13, "E/CN.4/2001/2", ReferenceKind.DocumentSymbol),
            (16, 20, "E/CN.4/Sub.2/2000/46", ReferenceKind.DocumentSymbol));
    }

    [Theory]
    [InlineData("《2030 年可持续发展议程》")]
    [InlineData("2019 冠状病毒病(COVID-19)大流行")]
    [InlineData("2021 年 3 月 23 日 第 49 次会议")]
    [InlineData("(A/76/462/Add.2 的第 114 段)之外的第 114 段")]
    [InlineData("见《大会正式记录，第七十六届会议，补编第 53 号》")]
    [InlineData("在第四十九届会议议程项目 3 下")]
    [InlineData("决议第 36 段和第 2 段")]
    [InlineData("第 46/14 号报告")]
    [InlineData("1/2 的成员，HIV/艾滋病，A/B")]
    [InlineData("第 1/102 号决定")]
    [InlineData("")]
    public void Not_references(string text) =>
        ReferenceFinder.Find(text, Body.HRC).Where(r => r.Kind == ReferenceKind.Resolution).Should().BeEmpty();

    [Fact]
    public void Only_the_symbol_in_a_text_with_page_and_paragraph_numbers() =>
        Find("(A/76/462/Add.2，第 114 段)，第 12 页").Should().Equal(("A/76/462/Add.2", "A/76/462/Add.2"));

    [Fact]
    public void Null_text_has_no_reference() => ReferenceFinder.Find(null, Body.GA).Should().BeEmpty();
}
