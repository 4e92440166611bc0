using ResolutionArchive.Data.Entities;
using ResolutionArchive.Data.Voting;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Data.Tests.Voting;

/// <summary>The rules of docs/voting.md §1–§3 on small hand-made votes, and the archive read back from the importer's rows.</summary>
public sealed class VotingArchiveTests
{
    private static RecordedVote Vote(Body body, string key, params (string Iso3, VotePosition Position)[] positions) =>
        new(key, key, key, "标题", body, 1, new DateOnly(2021, 1, 1), positions.ToDictionary(p => p.Iso3, p => p.Position));

    [Fact]
    public void A_member_state_in_no_list_of_a_General_Assembly_vote_was_absent_and_of_a_Council_vote_is_not_listed()
    {
        var ga = Vote(Body.GA, "A/RES/1", ("CHN", VotePosition.InFavour), ("USA", VotePosition.Against), ("GBR", VotePosition.Abstaining));
        var hrc = Vote(Body.HRC, "A/HRC/RES/1", ("CHN", VotePosition.InFavour));

        ga.Of("CHN").Should().Be(CountryVote.InFavour);
        ga.Of("USA").Should().Be(CountryVote.Against);
        ga.Of("GBR").Should().Be(CountryVote.Abstaining);
        ga.Of("FRA").Should().Be(CountryVote.Absent);
        ga.Of("VAT").Should().Be(CountryVote.NotListed, "the Holy See is an observer state: it does not vote in the Assembly");
        ga.Of("PSE").Should().Be(CountryVote.NotListed);
        hrc.Of("FRA").Should().Be(CountryVote.NotListed, "the archive does not know the Council's membership");
        VotingArchive.IsMemberState("SSD").Should().BeTrue();
    }

    [Fact]
    public void The_majority_is_the_most_taken_position_and_a_tie_has_none()
    {
        Vote(Body.GA, "a", ("CHN", VotePosition.InFavour), ("USA", VotePosition.InFavour), ("GBR", VotePosition.Against)).Majority.Should().Be(VotePosition.InFavour);
        Vote(Body.GA, "b", ("CHN", VotePosition.Abstaining), ("USA", VotePosition.Abstaining), ("GBR", VotePosition.Against)).Majority.Should().Be(VotePosition.Abstaining);
        Vote(Body.GA, "c", ("CHN", VotePosition.InFavour), ("USA", VotePosition.Against)).Majority.Should().BeNull();
    }

    [Fact]
    public async Task Agreement_totals_and_sponsorships_over_the_stored_seed_votes_equal_the_hand_counts()
    {
        await using var database = await TestDatabase.CreateAsync();
        foreach (var prefix in Seeds.Prefixes)
        {
            await database.ImportSeedAsync(prefix);
        }

        var archive = await new VotingRecords().GetAsync(database.Context);

        archive.Votes.Select(v => v.Key).Should().Equal("A/HRC/RES/37/23", "A/HRC/RES/46/13", "A/HRC/RES/53/11");
        var mexico = VotingArchive.TotalsOf(archive.RecordOf("MEX"));
        mexico.Should().Be(new VotingTotals(Votes: 3, InFavour: 2, Against: 0, Abstaining: 1, Absent: 0, NotListed: 0, WithMajority: 2, Cast: 3));
        var usa = VotingArchive.TotalsOf(archive.RecordOf("USA"));
        usa.Should().Be(new VotingTotals(3, 0, 2, 0, 0, 1, 0, 2));
        var china = archive.AgreementsOf("CHN").ToDictionary(a => a.Iso3);
        china["MEX"].Should().Be(new Agreement("MEX", 3, 2));
        china["IND"].Should().Be(new Agreement("IND", 2, 1));
        china["USA"].Should().Be(new Agreement("USA", 2, 0));
        china.Should().NotContainKey("CHN");
        archive.Compare("CHN", "USA").Select(r => (r.Vote.Key, r.First, r.Second)).Should().Equal(
            ("A/HRC/RES/37/23", CountryVote.InFavour, CountryVote.Against),
            ("A/HRC/RES/46/13", CountryVote.InFavour, CountryVote.NotListed),
            ("A/HRC/RES/53/11", CountryVote.InFavour, CountryVote.Against));
        archive.SponsorshipsOf("CHN").Should().ContainSingle().Which.Should().Be(
            new Sponsorship("HRC/43/draft/03955e30", null, "43/...", "促进人权领域的互利合作", Body.HRC, null, false, null));
    }

    [Fact]
    public async Task The_votes_are_read_again_after_an_import_changes_the_revision()
    {
        await using var database = await TestDatabase.CreateAsync();
        var records = new VotingRecords();
        (await records.GetAsync(database.Context)).Votes.Should().BeEmpty();
        var before = await ArchiveRevision.ReadAsync(database.Context);

        await database.ImportSeedAsync("002");

        (await ArchiveRevision.ReadAsync(database.Context)).Should().BeGreaterThan(before);
        (await records.GetAsync(database.Context)).Votes.Should().ContainSingle().Which.Key.Should().Be("A/HRC/RES/53/11");
    }
}
