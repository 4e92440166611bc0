using ResolutionArchive.Data.Lineage;
using ResolutionArchive.Parsing;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Data.Tests.Lineage;

/// <summary>
/// <see cref="ParagraphAlignment"/> (docs/lineage.md §3). The expected rows of the seed pairs were derived by reading
/// both texts side by side; each row is written as <c>kind A-anchor B-anchor</c> (<see cref="AlignmentRow.ToString"/>).
/// </summary>
public sealed class ParagraphAlignmentTests
{
    private static ParsedResolution Seed(string prefix)
    {
        var path = Seeds.PathOf(prefix);
        var result = ResolutionTextParser.Parse(File.ReadAllBytes(path), Path.GetFileName(path));
        return result.Resolution.Should().NotBeNull().And.Subject.As<ParsedResolution>();
    }

    private static List<string> Rows(IReadOnlyList<AlignmentRow> rows) => rows.Select(r => r.ToString()).ToList();

    private static AlignmentParagraph P(string anchor, string text, string? number = null) => new(anchor, number, text);

    // ── A/HRC/RES/37/23 (seed 004) → A/HRC/RES/46/13 (seed 000) ──────────────────────────────────────────────────────

    [Fact]
    public void The_preamble_of_37_23_aligns_with_46_13()
    {
        var rows = ParagraphAlignment.Align(ParagraphAlignment.PreambleOf(Seed("004")), ParagraphAlignment.PreambleOf(Seed("000")));

        Rows(rows).Should().Equal(
            "Changed pp1 pp1",      // 遵循《联合国宪章》， → …的宗旨和原则， (similarity exactly 0.5: 8 of 16 bigrams)
            "Changed pp2 pp2",      // 公民权利和政治权利 → 公民及政治权利
            "Changed pp3 pp3",      // 以往 moved within the sentence
            "Identical pp4 pp4",
            "Identical pp5 pp5",
            "Identical pp6 pp6",
            "Added - pp7",          // 承认多边主义办法和外交…
            "Added - pp8",          // 强调所有国家都有责任按照《宪章》… (rewritten beyond the threshold from 37/23 pp9)
            "Changed pp7 pp9",      // 应以…为指导 → 应遵循…
            "Removed pp8 -",        // 承认在日益相互关联的世界里…
            "Removed pp9 -",        // 强调各国依照《联合国宪章》有责任…
            "Moved pp11 pp10",      // 认为…: before 又强调 in 37/23, before 强调 in 46/13
            "Added - pp11",         // COVID-19 …生命和生计损失
            "Added - pp12",         // COVID-19 …污名化、仇外行为
            "Changed pp10 pp13",    // 又强调 → 强调
            "Identical pp12 pp14",
            "Added - pp15",         // 重申需要进一步加强人权理事会在促进技术援助…
            "Changed pp13 pp16",    // 又认识到， → 认识到; 涉及到 → 涵盖
            "Changed pp14 pp17",    // 还认识到 → 又认识到, …人类命运共同体 added
            "Removed pp15 -");      // 认识到必须构建…人类命运共同体
        rows.Single(r => r.A?.Anchor == "pp1").Similarity.Should().Be(0.5);
        rows.Where(r => r.Kind == AlignmentKind.Identical).Should().OnlyContain(r => r.A!.Text == r.B!.Text && r.Diff.Count == 0);
    }

    [Fact]
    public void The_operative_part_of_37_23_aligns_with_46_13_renumbered_after_the_new_paragraph_2()
    {
        var rows = ParagraphAlignment.Align(ParagraphAlignment.OperativeOf(Seed("004")), ParagraphAlignment.OperativeOf(Seed("000")));

        Rows(rows).Should().Equal(
            "Changed op1 op1",                 // 吁请…坚持多边主义 → 叼请…奉行多边主义 (the seed's 叼)
            "Added - op2",                     // …在人权领域开展建设性的真诚对话与合作
            "Changed op2 op3 renumbered",      // 技术援助与能力建设 …欢迎南北、南南及三方合作
            "Changed op3 op4 renumbered",      // 普遍定期审议
            "Changed op4 op5 renumbered",      // 请联合国有关人权机制及程序继续重视…
            "Removed op5 -",                   // 请人权理事会咨询委员会研究…
            "Added - op6",                     // COVID-19 疫苗
            "Added - op7",                     // 第四十九届会议 …两小时的会议
            "Added - op8");                    // 请联合国人权事务高级专员…会议简要报告
        rows.Where(r => r.Renumbered).Select(r => (r.A!.Number, r.B!.Number)).Should().Equal(("2", "3"), ("3", "4"), ("4", "5"));
    }

    [Fact]
    public void The_changed_operative_paragraph_4_of_37_23_has_the_exact_character_diff()
    {
        var rows = ParagraphAlignment.Align(ParagraphAlignment.OperativeOf(Seed("004")), ParagraphAlignment.OperativeOf(Seed("000")));

        rows.Single(r => r.A?.Anchor == "op4").Diff.Should().Equal(
            new DiffSegment("请联合国有关人权机制及程序继续重视在促进和保护所有人权方面", DiffKind.Unchanged),
            new DiffSegment("的", DiffKind.Deleted),
            new DiffSegment("合作共赢", DiffKind.Unchanged),
            new DiffSegment("的重要性", DiffKind.Inserted),
            new DiffSegment("；", DiffKind.Unchanged));
    }

    // ── A/RES/76/159 (seed 003) → A/HRC/RES/53/11 (seed 002) ─────────────────────────────────────────────────────────

    [Fact]
    public void The_preamble_of_76_159_aligns_with_53_11()
    {
        var rows = ParagraphAlignment.Align(ParagraphAlignment.PreambleOf(Seed("003")), ParagraphAlignment.PreambleOf(Seed("002")));

        Rows(rows).Should().Equal(
            "Changed pp1 pp1",      // 重申决心按照《联合国宪章》… → 重申致力于…
            "Changed pp2 pp2",      // 第 70/1 号决议
            "Added - pp3",          // 第 69/313 号决议, 《巴黎协定》
            "Changed pp3 pp4",      // 《联合国千年宣言》, 75/180 → 77/213, 47/9 → 50/4
            "Added - pp5",          // 第 41/128 号决议 (发展权利宣言)
            "Added - pp6",          // 第 48/141 号决议
            "Added - pp7",          // 第 33/134 号决议
            "Moved pp15 pp8",       // 第 2000/22 号决议: last in 76/159, eighth in 53/11
            "Added - pp9",          // 不结盟国家运动 巴库
            "Changed pp4 pp10",     // 德班
            "Added - pp11",
            "Added - pp12",
            "Added - pp13",
            "Added - pp14",
            "Added - pp15",         // COVID-19 and debt: pp11–pp15
            "Changed pp5 pp16",     // 增进 → 加强
            "Removed pp6 -",        // 又认识到促进和保护人权应以合作和真诚对话原则为基础… (rewritten as 53/11 pp17)
            "Removed pp7 -",        // 着重指出合作不仅关乎睦邻关系… (rewritten as 53/11 pp18)
            "Added - pp17",
            "Added - pp18",
            "Added - pp19",         // 《巴库宣言》
            "Changed pp8 pp20",     // 强调指出国际合作对于每个国家…
            "Removed pp9 -",        // 重申不同宗教、文化和文明之间… (rewritten as 53/11 pp27)
            "Added - pp21",
            "Added - pp22",
            "Added - pp23",         // 第 60/251 号决议
            "Moved pp11 pp24",      // 认识到加强国际合作和真诚对话…: the same text, before pp10's counterpart in 76/159, after it in 53/11
            "Added - pp25",
            "Added - pp26",         // 第 6/17 号决议
            "Added - pp27",
            "Identical pp10 pp28",  // 再次申明真诚的人权对话…
            "Changed pp12 pp29",    // 一视同仁 → 平等相待
            "Added - pp30",         // 文化多样性
            "Changed pp13 pp31",    // 又强调 → 强调
            "Changed pp14 pp32",    // 相互理解 → 相互谅解
            "Added - pp33");
        var moved = rows.Single(r => r.A?.Anchor == "pp11");
        (moved.Kind, moved.Similarity, moved.A!.Text == moved.B!.Text).Should().Be((AlignmentKind.Moved, 1.0, true));
        moved.Diff.Should().Equal(new DiffSegment(moved.A.Text, DiffKind.Unchanged));
    }

    [Fact]
    public void The_operative_part_of_76_159_aligns_with_53_11()
    {
        var rows = ParagraphAlignment.Align(ParagraphAlignment.OperativeOf(Seed("003")), ParagraphAlignment.OperativeOf(Seed("002")));

        Rows(rows).Should().Equal(
            "Changed op1 op1",
            "Changed op2 op2",                  // 确认 → 认识到
            "Changed op4 op3 renumbered",       // 各国有义务依照《联合国宪章》彼此合作
            "Added - op4",
            "Added - op5",
            "Moved op3 op6",                    // 不同文化和文明之间的对话 (similarity 0.507)
            "Changed op5 op7 renumbered",       // 敦促国际舞台上的所有行为体…
            "Added - op8",
            "Added - op9",
            "Added - op10",
            "Changed op6 op11 renumbered",      // 增进 → 加强国际合作
            "Changed op7 op12 renumbered",      // 认为按照《联合国宪章》… → 认为依照《宪章》…
            "Removed op8 -",                    // 重申促进、保护和充分实现… (rewritten as 53/11 op16)
            "Added - op13",
            "Added - op14",
            "Added - op15",
            "Added - op16",
            "Changed op9 op17 renumbered",      // 普遍定期审议
            "Changed op10 op18 renumbered",     // 都需要 → 需要
            "Removed op11 -",                   // 还强调国际合作的作用… (rewritten as 53/11 op19)
            "Removed op12 -",                   // 促请会员国…继续开展建设性对话 (rewritten as 53/11 op24)
            "Added - op19",
            "Added - op20",
            "Added - op21",
            "Added - op22",
            "Added - op23",
            "Added - op24",
            "Added - op25",
            "Changed op13 op26 renumbered",     // 复合型全球危机
            "Added - op27",
            "Added - op28",
            "Added - op29",
            "Added - op30",
            "Added - op31",
            "Added - op32",
            "Added - op33",
            "Changed op14 op34 renumbered",     // 邀请 → 请
            "Removed op15 -",                   // 南北合作、南南合作和三方合作 (rewritten as 53/11 op29)
            "Removed op16 -",
            "Removed op17 -",                   // 决定在大会第七十七届会议上继续审议这个问题。
            "Added - op35",
            "Added - op36",
            "Added - op37");
        rows.GroupBy(r => r.Kind).ToDictionary(g => g.Key, g => g.Count()).Should().BeEquivalentTo(new Dictionary<AlignmentKind, int>
        {
            [AlignmentKind.Changed] = 10, [AlignmentKind.Moved] = 1, [AlignmentKind.Added] = 26, [AlignmentKind.Removed] = 6,
        });
        rows.Count(r => r.Renumbered).Should().Be(8);
    }

    [Theory]
    [InlineData("004", "000")]
    [InlineData("003", "002")]
    [InlineData("001", "000")]
    public void Every_paragraph_appears_once_and_every_diff_spells_both_original_texts(string a, string b)
    {
        var ra = Seed(a);
        var rb = Seed(b);
        foreach (var (pa, pb) in new[] { (ParagraphAlignment.PreambleOf(ra), ParagraphAlignment.PreambleOf(rb)), (ParagraphAlignment.OperativeOf(ra), ParagraphAlignment.OperativeOf(rb)) })
        {
            var rows = ParagraphAlignment.Align(pa, pb);
            rows.Where(r => r.A is not null).Select(r => r.A!.Anchor).Should().BeEquivalentTo(pa.Select(p => p.Anchor)).And.OnlyHaveUniqueItems();
            rows.Where(r => r.B is not null).Select(r => r.B!.Anchor).Should().Equal(pb.Select(p => p.Anchor), "the rows follow B's order");
            foreach (var row in rows)
            {
                if (row.Kind is AlignmentKind.Changed or AlignmentKind.Moved)
                {
                    row.Similarity.Should().BeGreaterThanOrEqualTo(ParagraphSimilarity.Threshold);
                    string.Concat(row.Diff.Where(s => s.Kind != DiffKind.Inserted).Select(s => s.Text)).Should().Be(row.A!.Text);
                    string.Concat(row.Diff.Where(s => s.Kind != DiffKind.Deleted).Select(s => s.Text)).Should().Be(row.B!.Text);
                }
                else
                {
                    row.Diff.Should().BeEmpty();
                }
            }
        }
    }

    // ── Small cases made by hand ─────────────────────────────────────────────────────────────────────────────────────

    private const string Charter = "遵循《联合国宪章》的宗旨和原则，";
    private const string Declaration = "重申《世界人权宣言》和《维也纳宣言和行动纲领》，";
    private const string Treaties = "回顾所有有关国际人权条约，包括《公民及政治权利国际公约》，";
    private const string Dialogue = "强调人权领域的真诚对话与合作应具有建设性，";
    private const string Covid = "深为关切 2019 冠状病毒病大流行造成的生命和生计损失，";

    [Fact]
    public void A_paragraph_put_first_is_moved_and_the_others_stay_identical()
    {
        var rows = ParagraphAlignment.Align(
            [P("pp1", Charter), P("pp2", Declaration), P("pp3", Treaties)],
            [P("pp1", Treaties), P("pp2", Charter), P("pp3", Declaration)]);

        Rows(rows).Should().Equal("Moved pp3 pp1", "Identical pp1 pp2", "Identical pp2 pp3");
        rows[0].Diff.Should().Equal(new DiffSegment(Treaties, DiffKind.Unchanged));
    }

    [Fact]
    public void A_paragraph_after_a_new_one_keeps_its_text_and_changes_only_its_number()
    {
        var rows = ParagraphAlignment.Align(
            [P("op1", Charter, "1"), P("op2", Declaration, "2"), P("op3", Treaties, "3")],
            [P("op1", Charter, "1"), P("op2", Covid, "2"), P("op3", Declaration, "3"), P("op4", Treaties, "4")]);

        Rows(rows).Should().Equal("Identical op1 op1", "Added - op2", "Identical op2 op3 renumbered", "Identical op3 op4 renumbered");
        rows[2].Diff.Should().BeEmpty("a renumbered paragraph whose text did not change has nothing to mark");
    }

    [Fact]
    public void Paragraphs_with_nothing_in_common_are_removed_and_added()
    {
        Rows(ParagraphAlignment.Align([P("pp1", Charter), P("pp2", Dialogue)], [P("pp1", Covid)]))
            .Should().Equal("Removed pp1 -", "Removed pp2 -", "Added - pp1");
        Rows(ParagraphAlignment.Align([P("pp1", Charter)], [])).Should().Equal("Removed pp1 -");
        Rows(ParagraphAlignment.Align([], [P("pp1", Charter)])).Should().Equal("Added - pp1");
        ParagraphAlignment.Align([], []).Should().BeEmpty();
    }

    [Fact]
    public void A_paragraph_removed_between_two_kept_ones_is_shown_where_it_was()
    {
        Rows(ParagraphAlignment.Align([P("pp1", Charter), P("pp2", Covid), P("pp3", Declaration)], [P("pp1", Charter), P("pp2", Dialogue), P("pp3", Declaration)]))
            .Should().Equal("Identical pp1 pp1", "Removed pp2 -", "Added - pp2", "Identical pp3 pp3");
    }

    [Fact]
    public void One_changed_character_is_one_deletion_and_one_insertion_on_the_original_texts()
    {
        var rows = ParagraphAlignment.Align([P("op1", "吁请所有国家坚持多边主义；", "1")], [P("op1", "叼请所有国家坚持多边主义；", "1")]);

        Rows(rows).Should().Equal("Changed op1 op1");
        rows[0].Diff.Should().Equal(
            new DiffSegment("吁", DiffKind.Deleted),
            new DiffSegment("叼", DiffKind.Inserted),
            new DiffSegment("请所有国家坚持多边主义；", DiffKind.Unchanged));
        ParagraphAlignment.Diff("合作共赢，", "合作共贏，").Should().Equal(
            new DiffSegment("合作共", DiffKind.Unchanged),
            new DiffSegment("赢", DiffKind.Deleted),
            new DiffSegment("贏", DiffKind.Inserted),
            new DiffSegment("，", DiffKind.Unchanged));
    }

    [Fact]
    public void Width_and_white_space_alone_leave_a_paragraph_identical()
    {
        var rows = ParagraphAlignment.Align(
            [P("pp1", "深为关切 2019 冠状病毒病(COVID-19)大流行，")],
            [P("pp1", "深为关切２０１９冠状病毒病（ＣＯＶＩＤ－１９）\n大流行，")]);

        Rows(rows).Should().Equal("Identical pp1 pp1");
        rows[0].Diff.Should().BeEmpty();
    }

    [Fact]
    public void A_pair_below_the_threshold_is_never_aligned()
    {
        const string a = "遵循《联合国宪章》，";
        const string b = "遵循《联合国宪章》的宗旨和原则，以及国际法，";
        ParagraphSimilarity.Of(a, b).Should().BeLessThan(ParagraphSimilarity.Threshold);

        Rows(ParagraphAlignment.Align([P("pp1", a)], [P("pp1", b)])).Should().Equal("Removed pp1 -", "Added - pp1");
    }

    [Fact]
    public void The_alignment_takes_the_largest_total_similarity_not_the_first_match()
    {
        // pp1 of A resembles both of B's paragraphs; pairing it with B's pp1 would leave A's pp2 without a partner in order.
        var rows = ParagraphAlignment.Align(
            [P("pp1", "强调人权领域的真诚对话与合作，"), P("pp2", "强调人权领域的真诚对话与合作应具有建设性，")],
            [P("pp1", "强调人权领域的真诚对话与合作应具有建设性，")]);

        Rows(rows).Should().Equal("Removed pp1 -", "Identical pp2 pp1");
    }

    [Fact]
    public void A_character_outside_the_basic_plane_is_never_split()
    {
        var diff = ParagraphAlignment.Diff("𠀀合作", "𠀁合作");

        diff.Should().Equal(new DiffSegment("𠀀", DiffKind.Deleted), new DiffSegment("𠀁", DiffKind.Inserted), new DiffSegment("合作", DiffKind.Unchanged));
    }

    [Fact]
    public void A_short_common_run_between_two_changes_is_folded_into_them()
    {
        // 的 between two rewritten runs would cut the change into pieces that read as nonsense.
        ParagraphAlignment.Diff("一项宗旨的所有会员国", "宗旨之一的各国").Should().Equal(
            new DiffSegment("一项宗旨的所有会员", DiffKind.Deleted),
            new DiffSegment("宗旨之一的各", DiffKind.Inserted),
            new DiffSegment("国", DiffKind.Unchanged));
    }

    [Fact]
    public void Sub_paragraphs_follow_their_paragraph_with_their_own_anchor_and_printed_number()
    {
        var resolution = new ParsedResolution
        {
            Body = Body.HRC,
            Number = "1/1",
            Status = ResolutionStatus.Adopted,
            Title = "t",
            Preamble = [new Clause("pp1", ClauseKind.Preamble, null, Charter, [], [], [], 1)],
            Operative =
            [
                new Clause("op1", ClauseKind.Operative, "1", "决定：", [], [],
                    [new Point("op1-a", "(a)", "甲；", [], [new Point("op1-a-i", "(i)", "子；", [], [])]), new Point("op1-b", "(b)", "乙；", [], [])], 2),
                new Clause("op2", ClauseKind.Operative, "2", "请秘书长报告。", [], [], [], 5),
            ],
            Footnotes = [],
            Vote = Vote.NotStated,
            Sponsors = [],
        };

        ParagraphAlignment.PreambleOf(resolution).Should().Equal(new AlignmentParagraph("pp1", null, Charter));
        ParagraphAlignment.OperativeOf(resolution).Should().Equal(
            new AlignmentParagraph("op1", "1", "决定："),
            new AlignmentParagraph("op1-a", "1 (a)", "甲；"),
            new AlignmentParagraph("op1-a-i", "1 (a) (i)", "子；"),
            new AlignmentParagraph("op1-b", "1 (b)", "乙；"),
            new AlignmentParagraph("op2", "2", "请秘书长报告。"));
    }
}
