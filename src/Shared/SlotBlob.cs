using Volunteering.Domain.Storage;

namespace Volunteering.Storage;

/// <summary>
/// The <c>records.links</c> column: a record's links in their order, each as two unsigned LEB128 varints (the stream's
/// id in <c>streams</c>, then the version), or NULL when the record has none. The same slots are also rows of
/// <c>stream_slots</c>, which is what stream reads and version checks use; this column only gives a record back its
/// links, in order, without a second lookup.
/// </summary>
internal static class SlotBlob
{
    /// <summary>The most bytes one link takes: two 64-bit varints.</summary>
    internal const int MaxBytesPerLink = 20;

    /// <summary>Writes links as (id, version) varint pairs.</summary>
    /// <param name="ids">The stream id of each link.</param>
    /// <param name="links">The links.</param>
    /// <param name="buffer">At least <see cref="MaxBytesPerLink"/> bytes per link.</param>
    /// <returns>How many bytes were written.</returns>
    internal static int Write(ReadOnlySpan<long> ids, IReadOnlyList<StreamSlot> links, Span<byte> buffer)
    {
        var length = 0;
        for (var i = 0; i < links.Count; i++)
        {
            length += WriteVarint((ulong)ids[i], buffer[length..]);
            length += WriteVarint((ulong)links[i].Version, buffer[length..]);
        }

        return length;
    }

    /// <summary>Reads (id, version) pairs.</summary>
    /// <param name="blob">What <see cref="Write"/> wrote.</param>
    /// <returns>The pairs, in order.</returns>
    /// <exception cref="FormatException">The bytes are not whole varint pairs.</exception>
    internal static (long Id, long Version)[] Read(ReadOnlySpan<byte> blob)
    {
        var pairs = new List<(long, long)>(2);
        var offset = 0;
        while (offset < blob.Length)
        {
            var id = ReadVarint(blob, ref offset);
            var version = ReadVarint(blob, ref offset);
            pairs.Add((id, version));
        }

        return [.. pairs];
    }

    private static int WriteVarint(ulong value, Span<byte> buffer)
    {
        var i = 0;
        while (value >= 0x80)
        {
            buffer[i++] = (byte)(value | 0x80);
            value >>= 7;
        }

        buffer[i++] = (byte)value;
        return i;
    }

    private static long ReadVarint(ReadOnlySpan<byte> blob, ref int offset)
    {
        ulong value = 0;
        for (var shift = 0; shift < 64; shift += 7)
        {
            if (offset >= blob.Length) throw new FormatException("The links column ends inside a number.");
            var b = blob[offset++];
            value |= (ulong)(b & 0x7F) << shift;
            if (b < 0x80) return value <= long.MaxValue ? (long)value : throw new FormatException("A number in the links column is out of range.");
        }

        throw new FormatException("A number in the links column is longer than 64 bits.");
    }
}
