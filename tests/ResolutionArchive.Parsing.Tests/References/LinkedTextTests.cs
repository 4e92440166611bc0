using ResolutionArchive.Parsing.References;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Parsing.Tests.References;

/// <summary><see cref="LinkedText.Split"/>: links and emphasis cut into properly nested segments and runs.</summary>
public sealed class LinkedTextTests
{
    private static string Render(string text, IReadOnlyList<Emphasis> emphasis, params (int, int)[] links) =>
        string.Concat(LinkedText.Split(text, emphasis, links).Select(s =>
        {
            var inner = string.Concat(s.Runs.Select(r => r.Emphasised ? $"<b>{r.Text}</b>" : r.Text));
            return s.Link is { } i ? $"<a{i}>{inner}</a>" : inner;
        }));

    [Fact]
    public void Plain_text_is_one_segment() => Render("回顾", []).Should().Be("回顾");

    [Fact]
    public void A_link_inside_plain_text() =>
        Render("又回顾大会第 76/159 号决议", [], (7, 6)).Should().Be("又回顾大会第 <a0>76/159</a> 号决议");

    [Fact]
    public void Emphasis_and_a_link_apart() =>
        Render("重申第 70/1 号决议", [new Emphasis(0, 2, "重申")], (4, 4)).Should().Be("<b>重申</b>第 <a0>70/1</a> 号决议");

    [Fact]
    public void Emphasis_overlapping_the_start_of_a_link() =>
        Render("abcdef", [new Emphasis(0, 3, "abc")], (2, 3)).Should().Be("<b>ab</b><a0><b>c</b>de</a>f");

    [Fact]
    public void A_link_inside_emphasis() =>
        Render("abcdef", [new Emphasis(0, 6, "abcdef")], (2, 2)).Should().Be("<b>ab</b><a0><b>cd</b></a><b>ef</b>");

    [Fact]
    public void Adjacent_links_stay_two_segments() =>
        Render("abcd", [], (0, 2), (2, 2)).Should().Be("<a0>ab</a><a1>cd</a>");

    [Fact]
    public void Out_of_range_or_overlapping_spans_are_ignored() =>
        Render("abcd", [new Emphasis(3, 5, "x")], (1, 2), (2, 1), (3, 9)).Should().Be("a<a0>bc</a>d");

    [Fact]
    public void The_runs_give_the_text_back()
    {
        var text = "回顾大会在 2021 年第 76/164 号决议中";
        var segments = LinkedText.Split(text, [new Emphasis(0, 4, "回顾大会")], [(13, 6)]);

        string.Concat(segments.SelectMany(s => s.Runs).Select(r => r.Text)).Should().Be(text);
    }
}
