using ResolutionArchive.Data.Entities;
using ResolutionArchive.Data.Voting;
using ResolutionArchive.Parsing.Syntax;
using ResolutionArchive.Web.Presentation;

namespace ResolutionArchive.Web.Tests.Pages;

/// <summary>
/// A country's votes per year (Presentation/YearChartSvg.cs): with a state's whole history since 1946 (the UN Digital
/// Library's voting data, issue 16) the year labels must not run into each other.
/// </summary>
public sealed class YearChartTests
{
    private static IEnumerable<(RecordedVote, CountryVote)> VotesIn(IEnumerable<int> years) =>
        years.Select(year => (new RecordedVote($"A/RES/{year}", $"A/RES/{year}", $"{year}", "t", Body.GA, null, new DateOnly(year, 12, 1), new Dictionary<string, VotePosition>()), CountryVote.InFavour));

    [Fact]
    public void Three_years_each_have_their_label_and_total()
    {
        var chart = YearChartSvg.For(VotesIn([2020, 2021, 2022]))!;

        chart.LabelStep.Should().Be(1);
        chart.ShowsTotals.Should().BeTrue();
        chart.Columns.Should().OnlyContain(c => c.Labelled);
    }

    [Fact]
    public void Seventy_seven_years_are_labelled_every_ten_years_and_no_two_labels_are_closer_than_their_width()
    {
        var chart = YearChartSvg.For(VotesIn(Enumerable.Range(1946, 77)))!;

        chart.Columns.Should().HaveCount(77);
        chart.LabelStep.Should().Be(10);
        chart.ShowsTotals.Should().BeFalse("a total under an 8-unit bar would run into the next");
        var labelled = chart.Columns.Where(c => c.Labelled).ToList();
        labelled.Select(c => c.Year).Should().Equal(1950, 1960, 1970, 1980, 1990, 2000, 2010, 2020);
        labelled.Zip(labelled.Skip(1)).Should().OnlyContain(pair => pair.Second.X - pair.First.X >= YearChartSvg.LabelRoom);
    }

    [Fact]
    public void A_gap_of_years_without_votes_does_not_bring_two_labels_together()
    {
        // the shape of South Africa's record in the Assembly: votes 1946–1973, not listed 1974–1993, votes again from 1994
        // (58 columns, step 5): 1970 and 1995 are labelled five columns apart
        var chart = YearChartSvg.For(VotesIn(Enumerable.Range(1946, 28).Concat(Enumerable.Range(1994, 30))))!;

        var labelled = chart.Columns.Where(c => c.Labelled).ToList();
        labelled.Should().NotBeEmpty();
        labelled.Zip(labelled.Skip(1)).Should().OnlyContain(pair => pair.Second.X - pair.First.X >= YearChartSvg.LabelRoom);
        labelled.Should().OnlyContain(c => c.Year % chart.LabelStep == 0);
    }

    [Fact]
    public void Of_two_neighbouring_columns_whose_years_divide_by_the_step_only_the_first_is_labelled()
    {
        // 60 columns (slot ≈ 10 units, step 5) in which 1960 and 1965 are neighbours: years divisible by the step, 10
        // units apart — labelling both (the rule before) drew "1960" over "1965"
        var years = Enumerable.Range(1900, 30).Concat([1960, 1965]).Concat(Enumerable.Range(1970, 28)).ToList();
        var chart = YearChartSvg.For(VotesIn(years))!;

        chart.LabelStep.Should().Be(5);
        var c1960 = chart.Columns.Single(c => c.Year == 1960);
        var c1965 = chart.Columns.Single(c => c.Year == 1965);
        (c1965.X - c1960.X).Should().BeLessThan(YearChartSvg.LabelRoom, "they are neighbouring columns");
        new[] { c1960.Labelled, c1965.Labelled }.Should().ContainSingle(l => l, "only one of them has room for its label");
        var labelled = chart.Columns.Where(c => c.Labelled).ToList();
        labelled.Zip(labelled.Skip(1)).Should().OnlyContain(pair => pair.Second.X - pair.First.X >= YearChartSvg.LabelRoom);
    }
}
