namespace Volunteering.Domain.Json;

/// <summary>
/// Writes records to a stream as JSON Lines: one compact envelope <c>{"type":…,"schemaVersion":…,"data":{…}}</c> per
/// line, each ended by <c>\n</c>, UTF-8 without a byte order mark. The format of exports and backup files;
/// <see cref="RecordEnvelopeReader"/> reads it back. Not thread-safe.
/// </summary>
public sealed class RecordEnvelopeWriter : IAsyncDisposable, IDisposable
{
    private static readonly byte[] NewLine = [(byte)'\n'];

    private readonly Stream _stream;
    private readonly JsonRecordSerializer _serializer;
    private readonly bool _leaveOpen;
    private bool _disposed;

    /// <summary>Creates a writer.</summary>
    /// <param name="stream">A writable stream.</param>
    /// <param name="serializer">The serializer that knows the payload types; null for <see cref="JsonRecordSerializer.Default"/>.</param>
    /// <param name="leaveOpen">True to leave the stream open when the writer is disposed.</param>
    /// <exception cref="ArgumentException">The stream is not writable.</exception>
    public RecordEnvelopeWriter(Stream stream, JsonRecordSerializer? serializer = null, bool leaveOpen = false)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanWrite) throw new ArgumentException("The stream must be writable.", nameof(stream));
        _stream = stream;
        _serializer = serializer ?? JsonRecordSerializer.Default;
        _leaveOpen = leaveOpen;
    }

    /// <summary>How many records have been written.</summary>
    public long Count { get; private set; }

    /// <summary>Writes one record as a line.</summary>
    /// <param name="payload">A payload of a type the serializer knows.</param>
    /// <param name="cancellationToken">Cancels the write.</param>
    /// <exception cref="NotSupportedException">The payload's type is not registered.</exception>
    /// <exception cref="ArgumentException">The payload cannot be stored.</exception>
    /// <exception cref="ObjectDisposedException">The writer was disposed.</exception>
    public async ValueTask WriteAsync(object payload, CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        var line = _serializer.SerializeEnvelope(payload);
        await _stream.WriteAsync(line, cancellationToken).ConfigureAwait(false);
        await _stream.WriteAsync(NewLine, cancellationToken).ConfigureAwait(false);
        Count++;
    }

    /// <summary>Flushes the stream.</summary>
    /// <param name="cancellationToken">Cancels the flush.</param>
    public async ValueTask FlushAsync(CancellationToken cancellationToken = default)
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        await _stream.FlushAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Flushes, and closes the stream unless it was to be left open.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        await _stream.FlushAsync().ConfigureAwait(false);
        if (!_leaveOpen) await _stream.DisposeAsync().ConfigureAwait(false);
    }

    /// <summary>Flushes, and closes the stream unless it was to be left open.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        _stream.Flush();
        if (!_leaveOpen) _stream.Dispose();
    }
}
