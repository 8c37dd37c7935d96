namespace Volunteering.Domain.Storage;

/// <summary>
/// A record to append to an <see cref="IRecordStore"/>: a payload placed at a version of its own stream, optionally
/// also placed in other streams (<see cref="Links"/>, e.g. a ledger entry in the journal and in the two accounts it
/// touches), optionally claiming an idempotency key.
/// </summary>
/// <remarks>
/// The writer names every version: the first record of a batch in a stream must sit at the stream's current version
/// + 1 (that is the expected-version check), and a batch's records in a stream follow on densely. Payloads are
/// immutable domain values; durable stores turn them into bytes with an <see cref="IRecordSerializer"/>.
/// </remarks>
public sealed class NewRecord
{
    /// <summary>Creates a record.</summary>
    /// <param name="stream">The stream the record belongs to.</param>
    /// <param name="version">Its version there, 1 or more.</param>
    /// <param name="payload">The domain value stored; not null.</param>
    /// <param name="item">The idempotency key the record claims, or default for none.</param>
    /// <param name="links">Other streams the record is placed in, each at a version; none may repeat a stream.</param>
    /// <exception cref="ArgumentException">A stream is empty, a version is below 1, a stream repeats, or the item key is
    /// malformed.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="payload"/> is null.</exception>
    public NewRecord(StreamName stream, long version, object payload, ItemKey item = default, IReadOnlyList<StreamSlot>? links = null)
    {
        ArgumentNullException.ThrowIfNull(payload);
        if (stream.IsEmpty) throw new ArgumentException("A record needs a stream.", nameof(stream));
        ArgumentOutOfRangeException.ThrowIfLessThan(version, 1);
        if (!item.IsNone) item.Validate(nameof(item));
        links ??= [];
        for (var i = 0; i < links.Count; i++)
        {
            var link = links[i];
            if (link.Stream.IsEmpty) throw new ArgumentException($"Link {i} has no stream.", nameof(links));
            if (link.Version < 1) throw new ArgumentException($"Link {i} ({link}) has a version below 1.", nameof(links));
            if (link.Stream == stream) throw new ArgumentException($"Link {i} repeats the record's own stream {stream}.", nameof(links));
            for (var j = 0; j < i; j++)
            {
                if (links[j].Stream == link.Stream) throw new ArgumentException($"Links {j} and {i} name the same stream {link.Stream}.", nameof(links));
            }
        }

        Stream = stream;
        Version = version;
        Payload = payload;
        Item = item;
        Links = links;
    }

    /// <summary>The stream the record belongs to.</summary>
    public StreamName Stream { get; }

    /// <summary>The record's version in <see cref="Stream"/>.</summary>
    public long Version { get; }

    /// <summary>The domain value.</summary>
    public object Payload { get; }

    /// <summary>The idempotency key, or default for none.</summary>
    public ItemKey Item { get; }

    /// <summary>Other streams the record is placed in; empty when none.</summary>
    public IReadOnlyList<StreamSlot> Links { get; }

    /// <summary>Every place the record takes: its own stream first, then the links.</summary>
    public IEnumerable<StreamSlot> Slots()
    {
        yield return new StreamSlot(Stream, Version);
        foreach (var link in Links) yield return link;
    }
}
