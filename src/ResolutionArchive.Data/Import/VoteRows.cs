using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using ResolutionArchive.Data.Entities;

namespace ResolutionArchive.Data.Import;

/// <summary>
/// Writes the rows of table <c>Votes</c> of one record with one prepared <c>INSERT</c>, in the caller's transaction:
/// the same rows EF Core would write (its mapping: <c>Position</c> stored as the enum's name, configuration
/// <c>VoteConfiguration</c>), without its per-row bookkeeping (docs/performance.md "Voting at scale").
/// </summary>
internal static class VoteRows
{
    /// <summary>Inserts <paramref name="votes"/> for resolution <paramref name="resolutionId"/>.</summary>
    public static async Task InsertAsync(ArchiveDbContext db, int resolutionId, IReadOnlyList<VoteEntity> votes, CancellationToken cancellationToken)
    {
        if (votes.Count == 0)
        {
            return;
        }

        var connection = db.Database.GetDbConnection();
        await using var command = connection.CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        command.CommandText = "INSERT INTO Votes (ResolutionId, Ordinal, CountryIso3, Position, Name) VALUES ($r, $o, $c, $p, $n)";
        var (r, o, c, p, n) = (Add(command, "$r"), Add(command, "$o"), Add(command, "$c"), Add(command, "$p"), Add(command, "$n"));
        await command.PrepareAsync(cancellationToken);
        r.Value = resolutionId;
        foreach (var vote in votes)
        {
            o.Value = vote.Ordinal;
            c.Value = (object?)vote.CountryIso3 ?? DBNull.Value;
            p.Value = vote.Position.ToString();
            n.Value = (object?)vote.Name ?? DBNull.Value;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private static DbParameter Add(DbCommand command, string name)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = name;
        command.Parameters.Add(parameter);
        return parameter;
    }
}
