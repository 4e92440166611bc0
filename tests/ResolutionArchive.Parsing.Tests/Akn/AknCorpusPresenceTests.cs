using Xunit.Sdk;

namespace ResolutionArchive.Parsing.Tests.Akn;

/// <summary>
/// Issue 14 item 15: a corpus-wide test skips with its reason where ../shared is missing, except under <c>CI=true</c>,
/// where .ci/run always has it beside the clone and a missing corpus must fail rather than pass unseen.
/// </summary>
public sealed class AknCorpusPresenceTests
{
    [Fact]
    public void AMissingCorpusFailsUnderCi()
    {
        var act = () => AknCorpus.CorporaOrSkip(underCi: true, "no-such-corpus");

        act.Should().Throw<InvalidOperationException>().WithMessage("CI=true but the AKN4UN corpus was not found: no folder shared/corpus/no-such-corpus above *");
    }

    [Fact]
    public void AMissingCorpusSkipsWithItsReasonElsewhere()
    {
        var act = () => AknCorpus.CorporaOrSkip(underCi: false, "no-such-corpus");

        // xunit.v3 marks a dynamic skip by the token $XunitDynamicSkip$ before the reason (its internal DynamicSkipToken);
        // the runner strips it and shows the reason alone.
        act.Should().Throw<SkipException>().WithMessage("$XunitDynamicSkip$the AKN4UN corpus was not found: no folder shared/corpus/no-such-corpus above *");
    }
}
