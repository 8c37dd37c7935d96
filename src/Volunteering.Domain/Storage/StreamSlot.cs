namespace Volunteering.Domain.Storage;

/// <summary>A place in a stream: the stream and the version a record holds there (1 for the stream's first record).</summary>
/// <param name="Stream">The stream.</param>
/// <param name="Version">The version, 1 or more.</param>
public readonly record struct StreamSlot(StreamName Stream, long Version)
{
    /// <summary><c>stream@version</c>.</summary>
    public override string ToString() => string.Concat(Stream.Value, "@", Version.ToString(System.Globalization.CultureInfo.InvariantCulture));
}
