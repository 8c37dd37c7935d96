namespace Volunteering.Storage.Testing.Scripts;

/// <summary>One record of a <see cref="RecordScript"/> batch, in pool indexes; versions are worked out when the batch is
/// run, relative to where the streams are then, so most batches are right and some are deliberately off.</summary>
/// <param name="Stream">The record's stream: pool index 0 to <see cref="RecordScriptGen.StreamPool"/> − 1.</param>
/// <param name="Shift">Added to the version the stream is due for: 0 for a right version, otherwise a version conflict
/// (on the stream's first record in the batch) or a malformed batch (on a later one).</param>
/// <param name="Key">The key: negative for none, otherwise pool index 0 to <see cref="RecordScriptGen.KeyPool"/> − 1
/// (even indexes in scope <c>transfer</c>, odd ones in <c>account</c>, pairs sharing a GUID).</param>
/// <param name="Links">Streams the record is linked into, by pool index; its own stream and repeats are dropped.</param>
/// <param name="LinkShift">Added to the version due for the first link.</param>
public sealed record RecordDraft(int Stream, int Shift, int Key, IReadOnlyList<int> Links, int LinkShift)
{
    /// <summary>The draft on one line, links written out.</summary>
    public override string ToString() => $"s{Stream}{(Shift == 0 ? string.Empty : $"{Shift:+0;-0}")} key {Key} links [{string.Join(",", Links)}]{(LinkShift == 0 ? string.Empty : $"{LinkShift:+0;-0}")}";
}
