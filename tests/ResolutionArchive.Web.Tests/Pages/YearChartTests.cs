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
}
