using MathNet.Numerics.LinearAlgebra;
using ResolutionArchive.Parsing.Syntax;

namespace ResolutionArchive.Data.Voting;

/// <summary>One state placed on the map.</summary>
/// <param name="Iso3">ISO 3166-1 alpha-3 code.</param>
/// <param name="X">First coordinate (the first dimension of the scaling), in agreement distance units.</param>
/// <param name="Y">Second coordinate.</param>
/// <param name="Votes">The recorded votes of the period in which it was in a list (in favour, against or abstaining).</param>
public sealed record MapPoint(string Iso3, double X, double Y, int Votes);

/// <summary>A map of states by voting, and how much of the distances its two dimensions show.</summary>
/// <param name="Points">The states placed, by ISO3 code.</param>
/// <param name="Votes">The recorded votes of the body and period.</param>
/// <param name="Explained">The share of the positive eigenvalues' sum that the two dimensions carry, 0 to 1 (how
/// faithful the picture is).</param>
/// <param name="Left">States left out: in a list in fewer than <see cref="VotingMap.MinVotes"/> votes of the period.</param>
public sealed record VotingMapResult(IReadOnlyList<MapPoint> Points, int Votes, double Explained, int Left);

/// <summary>
/// A map of states by voting (docs/voting.md §11, issue 16 item 3): for a body and a period, each state placed in two
/// dimensions by classical multidimensional scaling (Torgerson) of its distance to every other — one minus their
/// agreement (§3: the share of the shared votes, in which both were in a list, where they took the same position).
/// The picture the field draws (cf. the ideal points of Bailey, Strezhnev and Voeten, 2017), from agreement alone: no
/// model of the votes, no direction given to the axes (their sign and rotation are arbitrary; the first axis is the
/// main line of division). The linear algebra is MathNet.Numerics' symmetric eigendecomposition.
/// </summary>
public static class VotingMap
{
    /// <summary>A state is placed when it was in a list in at least this many votes of the period.</summary>
    public const int MinVotes = 10;

    /// <summary>
    /// Two placed states that shared fewer votes than this have no reliable agreement: their distance is the mean of
    /// the known distances (a neutral value, documented in docs/voting.md §11).
    /// </summary>
    public const int MinShared = 5;

    /// <summary>Places the states for the votes of <paramref name="body"/> adopted from year <paramref name="from"/> to <paramref name="to"/> (inclusive).</summary>
    public static VotingMapResult Compute(VotingArchive archive, Body body, int from, int to)
    {
        ArgumentNullException.ThrowIfNull(archive);
        var votes = archive.Votes.Where(v => v.Body == body && v.Date is { } d && d.Year >= from && d.Year <= to).ToList();
        var cast = votes.SelectMany(v => v.Positions.Keys).GroupBy(k => k, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
        var states = cast.Where(c => c.Value >= MinVotes).Select(c => c.Key).Order(StringComparer.Ordinal).ToList();
        if (states.Count < 3)
        {
            return new VotingMapResult([], votes.Count, 0, cast.Count - states.Count);
        }

        var n = states.Count;
        var index = states.Select((s, i) => (s, i)).ToDictionary(x => x.s, x => x.i, StringComparer.Ordinal);
        var shared = new int[n, n];
        var same = new int[n, n];
        foreach (var vote in votes)
        {
            var listed = vote.Positions.Where(p => index.ContainsKey(p.Key)).Select(p => (I: index[p.Key], P: p.Value)).ToList();
            foreach (var (i, pi) in listed)
            {
                foreach (var (j, pj) in listed)
                {
                    shared[i, j]++;
                    if (pi == pj)
                    {
                        same[i, j]++;
                    }
                }
            }
        }

        var distance = Matrix<double>.Build.Dense(n, n, double.NaN);
        var known = new List<double>();
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < n; j++)
            {
                if (i == j)
                {
                    distance[i, j] = 0;
                }
                else if (shared[i, j] >= MinShared)
                {
                    distance[i, j] = 1 - ((double)same[i, j] / shared[i, j]);
                    known.Add(distance[i, j]);
                }
            }
        }

        var mean = known.Count > 0 ? known.Average() : 0;
        distance.MapInplace(d => double.IsNaN(d) ? mean : d);

        // classical scaling: B = −½ J D⁽²⁾ J with J = I − 11ᵀ/n; the coordinates are the top two eigenvectors × √λ
        var squared = distance.PointwisePower(2);
        var centre = Matrix<double>.Build.DenseIdentity(n) - Matrix<double>.Build.Dense(n, n, 1.0 / n);
        var b = -0.5 * centre * squared * centre;
        var eigen = b.Evd(Symmetricity.Symmetric);
        var values = eigen.EigenValues.Select(c => c.Real).ToArray();
        var order = Enumerable.Range(0, n).OrderByDescending(k => values[k]).ToArray();
        var positive = values.Where(v => v > 0).Sum();
        var (first, second) = (order[0], order[1]);
        var x = eigen.EigenVectors.Column(first) * Math.Sqrt(Math.Max(values[first], 0));
        var y = eigen.EigenVectors.Column(second) * Math.Sqrt(Math.Max(values[second], 0));
        // a fixed orientation, so that the same votes always draw the same picture: the state with the lowest code on the
        // non-negative side of each axis
        var sx = x[0] < 0 ? -1 : 1;
        var sy = y[0] < 0 ? -1 : 1;
        var points = states.Select((s, i) => new MapPoint(s, sx * x[i], sy * y[i], cast[s])).ToList();
        var explained = positive > 0 ? (Math.Max(values[first], 0) + Math.Max(values[second], 0)) / positive : 0;
        return new VotingMapResult(points, votes.Count, explained, cast.Count - states.Count);
    }
}
