namespace BigDL.DataSets;

/// <summary>Cuts a stream into consecutive groups of a batch's size, the last one holding what is left.</summary>
internal static class Groups
{
    /// <summary>
    /// The groups of <paramref name="size"/> items of <paramref name="source"/>, as one list refilled for each group
    /// (read it before asking for the next).
    /// </summary>
    public static IEnumerable<List<TItem>> Of<TItem>(IEnumerable<TItem> source, int size)
    {
        var pending = new List<TItem>(size);
        foreach (var item in source)
        {
            pending.Add(item);
            if (pending.Count < size) continue;
            yield return pending;
            pending.Clear();
        }
        if (pending.Count > 0) yield return pending;
    }
}
