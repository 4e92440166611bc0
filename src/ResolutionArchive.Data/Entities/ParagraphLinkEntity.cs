namespace ResolutionArchive.Data.Entities;

/// <summary>
/// One of a paragraph's closest counterparts in another record (table <c>ParagraphLinks</c>, docs/lineage.md §2): its
/// similarity (<see cref="Lineage.ParagraphSimilarity"/>) at or above the threshold; each paragraph keeps its
/// <see cref="Lineage.LineageStore.TopK"/> best. Deleted with either paragraph.
/// </summary>
public sealed class ParagraphLinkEntity
{
    /// <summary>The paragraph.</summary>
    public int ParagraphId { get; set; }

    /// <summary>Its counterpart, a paragraph of another record.</summary>
    public int CounterpartId { get; set; }

    /// <summary>Similarity, from <see cref="Lineage.ParagraphSimilarity.Threshold"/> to 1.</summary>
    public double Score { get; set; }
}
