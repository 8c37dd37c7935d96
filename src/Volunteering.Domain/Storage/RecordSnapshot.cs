namespace Volunteering.Domain.Storage;

/// <summary>
/// A snapshot of an aggregate's state as of a version of its stream, so it can be loaded without reading the stream
/// from the start. Snapshots are an optimisation: a store may drop them, and readers must cope with none.
/// </summary>
/// <param name="Stream">The stream the state was folded from.</param>
/// <param name="Version">The stream version the state includes (every record up to and including it).</param>
/// <param name="State">The state, an immutable value the store's serializer knows.</param>
public sealed record RecordSnapshot(StreamName Stream, long Version, object State);
