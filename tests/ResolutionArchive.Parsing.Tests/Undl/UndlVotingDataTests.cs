using System.IO.Compression;
using System.Text;
using ResolutionArchive.Parsing.Serialization;
using ResolutionArchive.Parsing.Undl;

namespace ResolutionArchive.Parsing.Tests.Undl;

/// <summary>
/// What the examples of input-formats §11 cannot show: the file is streamed vote by vote, a stored vote reads back to
/// the same record, and a stored vote is bounded when decompressed. The rules themselves are the examples
/// (<c>Specs/InputFormatSpecTests</c>).
/// </summary>
public sealed class UndlVotingDataTests
{
    private const string Header = "resolution,ms_code,ms_name,ms_vote,date,title";

    private static IEnumerable<string> Lines(int votes)
    {
        yield return Header;
        for (var v = 1; v <= votes; v++)
        {
            foreach (var (code, name, vote) in new[] { ("CHN", "CHINA", "Y"), ("USA", "UNITED STATES", "N"), ("FRA", "FRANCE", v % 2 == 0 ? "A" : "X") })
            {
                yield return $"A/RES/75/{v},{code},{name},{vote},2020-11-05,\"Title {v}, with a comma\"";
            }
        }
    }

    /// <summary>A reader over generated lines that counts how many the parser has taken.</summary>
    private sealed class CountingReader(IEnumerable<string> lines) : TextReader
    {
        private readonly IEnumerator<string> _lines = lines.GetEnumerator();
        private string _buffer = "";
        private int _position;

        public int LinesRead { get; private set; }

        public override int Read(char[] buffer, int index, int count)
        {
            if (_position == _buffer.Length)
            {
                if (!_lines.MoveNext())
                {
                    return 0;
                }

                _buffer = _lines.Current + "\n";
                _position = 0;
                LinesRead++;
            }

            var n = Math.Min(count, _buffer.Length - _position);
            _buffer.CopyTo(_position, buffer, index, n);
            _position += n;
            return n;
        }
    }

    [Fact]
    public void TheFileIsReadVoteByVoteNotWhole()
    {
        using var reader = new CountingReader(Lines(10_000));

        using var votes = UndlVotingData.Read(reader, "votes.csv").GetEnumerator();
        votes.MoveNext().Should().BeTrue();

        votes.Current.Symbol.Should().Be("A/RES/75/1");
        votes.Current.Result.Resolution!.Vote.Yes.Should().Equal("CHN");
        reader.LinesRead.Should().BeLessThan(1_000, "the first vote is yielded when its rows end, not at the end of the 30,001 lines");
    }

    [Fact]
    public void EveryStoredVoteReadsBackToTheSameRecord()
    {
        var text = string.Join('\n', Lines(50)) + "\n";

        var votes = UndlVotingData.Read(new StringReader(text), "votes.csv").ToList();

        votes.Should().HaveCount(50);
        foreach (var vote in votes)
        {
            vote.Excerpt.Take(2).Should().Equal((byte)0x1f, (byte)0x8b);
            var again = ResolutionSourceReader.Read(vote.Excerpt, "votes.csv");
            ResolutionJson.Serialize(again.Resolution!).Should().Be(ResolutionJson.Serialize(vote.Result.Resolution!), vote.Symbol);
            UndlVotingData.TextOf(vote.Excerpt)!.Split('\n')[0].Should().Be(Header);
            ResolutionSourceReader.FormatOf(vote.Excerpt).Should().Be("undl");
        }
    }

    [Fact]
    public void AStoredVoteThatDecompressesBeyondTheBoundIsRefused()
    {
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.SmallestSize, leaveOpen: true))
        {
            gzip.Write(Encoding.UTF8.GetBytes(Header + "\n"));
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 20; i++)
            {
                gzip.Write(zeros);
            }
        }

        var result = ResolutionSourceReader.Read(buffer.ToArray(), "bomb.csv.gz");

        buffer.Length.Should().BeLessThan(100_000);
        result.Succeeded.Should().BeFalse();
        result.Diagnostics.Single().ToString().Should().Be("bomb.csv.gz:1: expected a gzip stream of at most 16,777,216 bytes of the Library's voting data, found a damaged or larger one");
    }

    [Theory]
    [InlineData("seeds")]
    [InlineData("akn")]
    public void OtherFormatsAreNotTakenForVotingData(string kind)
    {
        var bytes = kind == "akn"
            ? Encoding.UTF8.GetBytes("<?xml version=\"1.0\"?><akomaNtoso xmlns=\"http://docs.oasis-open.org/legaldocml/ns/akn/3.0\"/>")
            : File.ReadAllBytes(Directory.GetFiles(Path.Combine(AppContext.BaseDirectory, "seeds"), "000_*.txt").Single());

        UndlVotingData.LooksLikeVotingData(bytes).Should().BeFalse();
        ResolutionSourceReader.FormatOf(bytes).Should().Be(kind == "akn" ? "akn" : "text");
    }
}
