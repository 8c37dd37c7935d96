namespace Volunteering.Domain.Storage;

/// <summary>Shared batch checks, so every adapter reads a batch the same way.</summary>
public static class RecordBatch
{
    /// <summary>
    /// Checks a batch's shape and works out what the store must verify: for each stream the batch touches (in order of
    /// first appearance), the version it expects that stream to be at; and the first key the batch claims twice.
    /// </summary>
    /// <param name="batch">The batch.</param>
    /// <returns>The expectations and keys.</returns>
    /// <exception cref="ArgumentNullException">The batch or a record is null.</exception>
    /// <exception cref="ArgumentException">The batch is empty, or a stream's versions within it do not follow on.</exception>
    public static BatchPlan Plan(IReadOnlyList<NewRecord> batch)
    {
        ArgumentNullException.ThrowIfNull(batch);
        if (batch.Count == 0) throw new ArgumentException("An append needs at least one record.", nameof(batch));
        var expectations = new List<StreamSlot>(Math.Min(batch.Count * 3, 4096));
        var next = new Dictionary<StreamName, long>();
        var items = new List<ItemKey>(batch.Count);
        var seen = new HashSet<ItemKey>();
        ItemKey repeated = default;
        for (var i = 0; i < batch.Count; i++)
        {
            var record = batch[i] ?? throw new ArgumentNullException(nameof(batch), $"Record {i} is null.");
            foreach (var slot in record.Slots())
            {
                if (next.TryGetValue(slot.Stream, out var expected))
                {
                    if (slot.Version != expected)
                    {
                        throw new ArgumentException(
                            $"Record {i} sits at {slot}, but the batch's previous record in {slot.Stream} makes it version {expected}.", nameof(batch));
                    }
                }
                else
                {
                    expectations.Add(new StreamSlot(slot.Stream, slot.Version - 1));
                }

                next[slot.Stream] = slot.Version + 1;
            }

            if (!record.Item.IsNone)
            {
                items.Add(record.Item);
                if (!seen.Add(record.Item) && repeated.IsNone) repeated = record.Item;
            }
        }

        return new BatchPlan(expectations, items, repeated);
    }
}
