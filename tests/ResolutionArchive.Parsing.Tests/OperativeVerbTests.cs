using ResolutionArchive.Parsing.Parsers;

namespace ResolutionArchive.Parsing.Tests;

/// <summary>
/// The leading operative verb of an operative paragraph (input-formats §9): modifiers skipped, longest match, the
/// 表示 facets, null for paragraphs that do not start with a verb, and the verbs of the seeds' operative paragraphs.
/// </summary>
public class OperativeVerbTests
{
    [Theory]
    // plain verbs (§9.3)
    [InlineData("决定将题为“全盘审查特别政治任务”的项目列入大会第七十六届会议临时议程。", "决定")]
    [InlineData("请秘书长向大会第七十七届会议提交报告；", "请")]
    [InlineData("鼓励会员国继续支持各基金；", "鼓励")]
    [InlineData("促请会员国、各专门机构和政府间组织继续开展建设性对话；", "促请")]
    [InlineData("吁请所有国家奉行多边主义；", "吁请")]
    [InlineData("欢迎秘书长的报告；", "欢迎")]
    [InlineData("欣见自2001年《宣言》发表以来取得的进展；", "欣见")]
    [InlineData("谴责一切形式的恐怖主义；", "谴责")]
    [InlineData("回顾大会第 76/164 号决议；", "回顾")]
    [InlineData("考虑到大气层是一种吸收能力有限的自然资源；", "考虑到")]
    // modifiers in front of the verb (§9.2)
    [InlineData("又决定继续处理此事。", "决定")]
    [InlineData("还决定将本项目列入议程。", "决定")]
    [InlineData("并决定继续审议这一问题；", "决定")]
    [InlineData("再次吁请各国履行义务；", "吁请")]
    [InlineData("又再次强调在促进和保护人权领域需要合作；", "强调")]
    [InlineData("再次强调，一切形式和表现的恐怖主义都不能成为理由；", "强调")]
    [InlineData("强烈谴责一切针对平民的攻击；", "谴责")]
    [InlineData("最强烈地谴责恐怖主义；", "谴责")]
    [InlineData("再次最强烈地谴责恐怖主义；", "谴责")]
    [InlineData("毫无保留地谴责一切暴力行为；", "谴责")]
    [InlineData("大力鼓励各国分享良好做法；", "鼓励")]
    [InlineData("紧急促请各方停火；", "促请")]
    [InlineData("尤其敦促非洲联盟成员国执行决定；", "敦促")]
    [InlineData("赞赏地注意到秘书长的努力；", "注意到")]
    [InlineData("又深为关切地注意到暴力事件增加；", "注意到")]
    [InlineData("严重关切地注意到，难民人数继续增加；", "注意到")]
    [InlineData("深感遗憾地注意到冲突持续；", "注意到")] // an unlisted manner adverb ending in 地
    [InlineData("在这方面，鼓励各国加强合作；", "鼓励")]
    [InlineData("在这方面又欢迎新开发银行的成立；", "欢迎")]
    [InlineData("为此再次请以色列政府承担责任；", "请")]
    [InlineData("我们承诺不让任何一个人掉队；", "承诺")]
    [InlineData("我们还认识到，最不发达国家面临挑战；", "认识到")]
    // the 表示 facets (§9.3)
    [InlineData("表示注意到秘书长的报告；", "表示注意到")]
    [InlineData("又表示赞赏地注意到工程处的工作；", "表示注意到")]
    [InlineData("表示关切维持和平行动面临的风险；", "表示关切")]
    [InlineData("表示深为关切延误；", "表示关切")]
    [InlineData("再次表示严重关切持续的暴力；", "表示关切")]
    [InlineData("深表关切的是，疫情继续影响世界各地；", "表示关切")]
    [InlineData("深为关切气候变化的影响；", "表示关切")]
    [InlineData("我们感到关切的是，援助减少；", "表示关切")]
    [InlineData("表示极其深切关注难民的处境；", "表示关切")]
    [InlineData("表示赞赏已足额缴付摊款的会员国；", "表示赞赏")]
    [InlineData("表示深切感谢东道国；", "表示感谢")]
    [InlineData("感到遗憾的是，管理国尚未作出回应；", "表示遗憾")]
    [InlineData("表示坚信对话的价值；", "表示深信")]
    [InlineData("坚信实现可持续发展至关重要；", "深信")]
    [InlineData("表示完全支持秘书长的努力；", "表示支持")]
    [InlineData("再次表示邀请各国参加；", "邀请")] // 表示 + a verb without a 表示 facet gives the verb
    [InlineData("表示打算继续审议该机制；", "表示")] // 表示 + no known complement
    // longest match (§9.3)
    [InlineData("注意到人权理事会咨询委员会的报告；", "注意到")]
    [InlineData("强调指出大会的作用；", "强调指出")]
    [InlineData("强调普遍定期审议的重要性；", "强调")]
    [InlineData("着重指出，为实现普遍尊重需要合作；", "着重指出")]
    [InlineData("特别指出问责的重要性；", "特别指出")]
    [InlineData("特别确认审查会议的承诺；", "确认")] // 特别 alone is a modifier
    [InlineData("认识到各国负有责任；", "认识到")]
    [InlineData("感到鼓舞的是，有些国家增加了援助；", "感到鼓舞")]
    // leading white space, quotes and brackets
    [InlineData("\t又请秘书长提交报告；", "请")]
    [InlineData("\u3000\u3000重申其承诺；", "重申")]
    [InlineData("  “决定继续处理此案。", "决定")]
    [InlineData("（决定继续处理此案。", "决定")]
    [InlineData("\\决定继续处理此案。", "决定")]
    [InlineData("又 决定 继续处理此事。", "决定")]
    // not a verb: null
    [InlineData("", null)]
    [InlineData("   ", null)]
    [InlineData("又", null)]
    [InlineData("叼请所有国家奉行多边主义；", null)] // a misprint is not corrected
    [InlineData("对秘书长给予常设咨询委员会的支持表示满意；", null)] // a preposition
    [InlineData("根据大会1955年12月15日第1000(ES-I)号决议；", null)]
    [InlineData("预算批款共计3 138 290 000美元；", null)]
    [InlineData("2022年和2023年的批款；", null)]
    [InlineData("我们的目标是消除贫困；", null)] // 我们 skipped, 的目标 is no verb
    [InlineData("我们，各国元首和政府首脑，", null)]
    [InlineData("遗憾的是，法院的资源有限；", null)] // 遗憾 is a verb only after 表示/深表/感到
    [InlineData("特别报告员应向大会报告；", null)]
    [InlineData("各地区委员会应加强合作；", null)] // 各地 is not a manner adverb: no verb after it
    [InlineData("加强国际合作符合各国的利益；", null)] // 加强 is not an operative verb
    [InlineData("感到满足；", null)]
    public void FindsTheLeadingVerb(string text, string? expected)
    {
        var verb = OperativeVerbs.LeadingVerb(text);

        verb.Should().Be(expected);
        if (verb is not null)
        {
            OperativeVerbs.Known.Should().Contain(verb);
        }
    }

    [Fact]
    public void KnownIsDistinctAndStartsWithTheMostFrequentVerbs()
    {
        OperativeVerbs.Known.Should().OnlyHaveUniqueItems();
        OperativeVerbs.Known.Should().StartWith(["鼓励", "请", "促请", "重申", "注意到", "欢迎", "确认", "决定"]);
        OperativeVerbs.Known.Should().Contain(["表示注意到", "表示关切", "表示赞赏", "表示", "吁请", "谴责", "呼吁", "强调指出"]);
        OperativeVerbs.Known.Should().NotContain(["又决定", "深表关切", "关切", "注意"], "modifiers and aliases are not facets");
    }

    [Fact]
    public void EveryKnownVerbIsFoundAtTheStartOfAParagraph()
    {
        foreach (var verb in OperativeVerbs.Known)
        {
            var expected = verb;
            OperativeVerbs.LeadingVerb(verb == "表示" ? "表示打算…" : $"{verb}…").Should().Be(expected, "{0} is a known verb", verb);
        }
    }

    [Fact]
    public void RejectsNull() =>
        FluentActions.Invoking(() => OperativeVerbs.LeadingVerb(null!)).Should().Throw<ArgumentNullException>();

    [Theory]
    [InlineData("000", new[] { null, null, "重申", "强调", "请", "重申", "决定", "请" })]
    [InlineData("001", new[] { "吁请", "强调", "吁请", "重申", "注意到", "强调", "请", "决定", "请", "决定" })]
    [InlineData("002", new[]
    {
        "重申", "认识到", "重申", "着重指出", "重申", "重申", "敦促", "表示关切", "决心", "吁请",
        "重申", "认为", "重申", "强调", "强调", "重申", "强调", "强调", "强调", "注意到",
        "请", "请", "敦促", "吁请", "吁请", "敦促", "重申", "敦促", "请", "要求",
        "要求", "注意到", "请", "请", "回顾", "回顾", "决定",
    })]
    [InlineData("003", new[] { "重申", "确认", "重申", "重申", "敦促", "重申", "认为", "重申", "强调", "强调", "强调", "促请", "敦促", "邀请", "鼓励", "请", "决定" })]
    [InlineData("004", new[] { "吁请", "重申", "强调", "请", "请" })]
    public void FindsTheVerbOfEveryOperativeParagraphOfTheSeeds(string id, string?[] expected)
    {
        var result = TestInput.ParseSeed(id);
        result.Errors.Should().BeEmpty();

        result.Resolution!.Operative.Select(c => OperativeVerbs.LeadingVerb(c.Text)).Should().Equal(expected);
    }
}
