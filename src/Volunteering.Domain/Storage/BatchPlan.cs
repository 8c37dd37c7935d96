namespace Volunteering.Domain.Storage;

/// <summary>What a store must verify before writing a batch (see <see cref="RecordBatch.Plan"/>).</summary>
/// <param name="Expectations">For each stream the batch touches, in order of first appearance, the version the stream
/// must be at now (the batch's first version there, less one; 0 for a new stream).</param>
/// <param name="Items">The idempotency keys the batch claims, in order.</param>
/// <param name="RepeatedItem">The first key the batch claims twice, or default when none is repeated.</param>
public sealed record BatchPlan(IReadOnlyList<StreamSlot> Expectations, IReadOnlyList<ItemKey> Items, ItemKey RepeatedItem);
