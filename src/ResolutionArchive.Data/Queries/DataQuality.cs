using Microsoft.EntityFrameworkCore;

namespace ResolutionArchive.Data.Queries;

/// <summary>One flag of the data-quality report: a warning the reader gave about a stored source file.</summary>
/// <param name="ResolutionKey">The record the source belongs to (its page is <c>/resolutions/{key}</c>).</param>
/// <param name="Title">That record's title; null when the record is gone.</param>
/// <param name="SourceId">The source file's id (<c>/sources/{id}</c> shows it with line numbers).</param>
/// <param name="FileName">The file name as given to the importer.</param>
/// <param name="Line">1-based line the warning points at.</param>
/// <param name="Message">What was expected and what was found.</param>
public sealed record DataQualityFlag(string ResolutionKey, string? Title, int SourceId, string FileName, int Line, string Message)
{
    /// <summary>The flag as the importer printed it: <c>FILE:LINE: warning: message</c>.</summary>
    public override string ToString() => $"{FileName}:{Line}: warning: {Message}";
}

/// <summary>
/// The data-quality report (docs/cli.md <c>check</c>, the site's <c>/data-quality</c>): every warning the readers gave
/// about the stored sources — names the registry does not know, counts that differ from their lists, votes without an
/// outcome, values that disagree, text the reader could not place — with the record and the source line of each.
/// </summary>
public static class DataQuality
{
    /// <summary>Every flag, or those of the record <paramref name="key"/>, by record key, file name and line.</summary>
    public static async Task<IReadOnlyList<DataQualityFlag>> ListAsync(ArchiveDbContext db, CancellationToken cancellationToken = default, string? key = null)
    {
        ArgumentNullException.ThrowIfNull(db);
        var flags = await db.DataQualityFlags.AsNoTracking()
            .Where(f => key == null || f.ResolutionKey == key)
            .Select(f => new { f.ResolutionKey, f.SourceId, f.FileName, f.Line, f.Message, f.Id })
            .ToListAsync(cancellationToken);
        var keys = flags.Select(f => f.ResolutionKey).Distinct().ToList();
        var titles = await db.Resolutions.AsNoTracking().Where(r => keys.Contains(r.Key))
            .Select(r => new { r.Key, r.Title }).ToDictionaryAsync(r => r.Key, r => r.Title, StringComparer.Ordinal, cancellationToken);
        return flags
            .OrderBy(f => f.ResolutionKey, StringComparer.Ordinal).ThenBy(f => f.FileName, StringComparer.Ordinal).ThenBy(f => f.Line).ThenBy(f => f.Id)
            .Select(f => new DataQualityFlag(f.ResolutionKey, titles.GetValueOrDefault(f.ResolutionKey), f.SourceId, f.FileName, f.Line, f.Message))
            .ToList();
    }
}
