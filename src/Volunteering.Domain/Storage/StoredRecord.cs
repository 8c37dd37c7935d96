namespace Volunteering.Domain.Storage;

/// <summary>A record as an <see cref="IRecordStore"/> holds it: what was appended, plus the global position the store
/// gave it.</summary>
public sealed class StoredRecord
{
    /// <summary>Creates a stored record.</summary>
    /// <param name="position">The global position, 1 or more.</param>
    /// <param name="record">What was appended.</param>
    public StoredRecord(long position, NewRecord record)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(position, 1);
        ArgumentNullException.ThrowIfNull(record);
        Position = position;
        Record = record;
    }

    /// <summary>The position in the store's global order: strictly increasing in append order, across all streams.
    /// Positions need not be dense (a store may skip numbers), only increasing.</summary>
    public long Position { get; }

    /// <summary>What was appended: stream, version, payload, item key and links.</summary>
    public NewRecord Record { get; }

    /// <summary>The record's stream.</summary>
    public StreamName Stream => Record.Stream;

    /// <summary>The record's version in its stream.</summary>
    public long Version => Record.Version;

    /// <summary>The domain value.</summary>
    public object Payload => Record.Payload;

    /// <summary>The record's version in <paramref name="stream"/> (its own or a linked one), or 0 if it is not there.</summary>
    /// <param name="stream">The stream.</param>
    public long VersionIn(StreamName stream)
    {
        if (Record.Stream == stream) return Record.Version;
        foreach (var link in Record.Links)
        {
            if (link.Stream == stream) return link.Version;
        }

        return 0;
    }

    /// <summary><c>#position stream@version</c>.</summary>
    public override string ToString() => string.Concat("#", Position.ToString(System.Globalization.CultureInfo.InvariantCulture), " ", new StreamSlot(Stream, Version).ToString());
}
