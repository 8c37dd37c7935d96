using System.Globalization;
using System.Runtime.CompilerServices;
using Volunteering.Domain.Storage;

namespace Volunteering.Domain.Json;

/// <summary>
/// Reads records from a JSON Lines stream written by <see cref="RecordEnvelopeWriter"/>: one envelope per line (blank
/// lines and <c>\r\n</c> line ends are accepted, as is a byte order mark at the start). A line longer than the
/// serializer's <see cref="JsonRecordSerializer.MaxRecordBytes"/> plus <see cref="JsonRecordSerializer.EnvelopeOverheadBytes"/>
/// is refused without being buffered whole.
/// </summary>
public sealed class RecordEnvelopeReader
{
    private const int ChunkBytes = 64 * 1024;

    private readonly Stream _stream;
    private readonly JsonRecordSerializer _serializer;

    /// <summary>Creates a reader.</summary>
    /// <param name="stream">A readable stream.</param>
    /// <param name="serializer">The serializer that knows the payload types; null for <see cref="JsonRecordSerializer.Default"/>.</param>
    /// <exception cref="ArgumentException">The stream is not readable.</exception>
    public RecordEnvelopeReader(Stream stream, JsonRecordSerializer? serializer = null)
    {
        ArgumentNullException.ThrowIfNull(stream);
        if (!stream.CanRead) throw new ArgumentException("The stream must be readable.", nameof(stream));
        _stream = stream;
        _serializer = serializer ?? JsonRecordSerializer.Default;
    }

    /// <summary>Reads every record, in file order.</summary>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The records.</returns>
    /// <exception cref="RecordFormatException">A line is not a valid envelope; the message starts with the line number
    /// and <see cref="RecordFormatException.Path"/> names the field. Records before it have been returned.</exception>
    public async IAsyncEnumerable<RecordEnvelope> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var maxLine = _serializer.MaxRecordBytes + JsonRecordSerializer.EnvelopeOverheadBytes;
        var buffer = new byte[Math.Min(ChunkBytes, maxLine + 2)];
        int start = 0, end = 0;
        long lineNumber = 0;
        var eof = false;
        while (true)
        {
            // Every complete line in the buffer.
            int newline;
            while ((newline = Array.IndexOf(buffer, (byte)'\n', start, end - start)) >= 0)
            {
                lineNumber++;
                var envelope = ReadLine(buffer, start, newline - start, lineNumber);
                start = newline + 1;
                if (envelope is { } record) yield return record;
            }

            if (eof)
            {
                if (end > start)
                {
                    lineNumber++;
                    if (ReadLine(buffer, start, end - start, lineNumber) is { } last) yield return last;
                }

                yield break;
            }

            // Make room: move the partial line to the front, grow if it fills the buffer.
            if (start > 0)
            {
                Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                end -= start;
                start = 0;
            }

            if (end == buffer.Length)
            {
                if (buffer.Length > maxLine + 1)
                {
                    throw new RecordFormatException(
                        string.Create(CultureInfo.InvariantCulture, $"line {lineNumber + 1}: the line is longer than {maxLine} bytes"), "$");
                }

                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, maxLine + 2L));
            }

            var read = await _stream.ReadAsync(buffer.AsMemory(end), cancellationToken).ConfigureAwait(false);
            if (read == 0) eof = true;
            end += read;
        }
    }

    private RecordEnvelope? ReadLine(byte[] buffer, int offset, int length, long lineNumber)
    {
        var line = buffer.AsSpan(offset, length);
        if (lineNumber == 1 && line.StartsWith("\uFEFF"u8)) line = line[3..];
        if (line.EndsWith("\r"u8)) line = line[..^1];
        if (line.Trim(" \t"u8).IsEmpty) return null;
        try
        {
            return _serializer.DeserializeEnvelope(line);
        }
        catch (RecordFormatException ex)
        {
            var message = ex.Path is { } path && ex.Message.EndsWith($" (at {path})", StringComparison.Ordinal)
                ? ex.Message[..^($" (at {path})".Length)]
                : ex.Message;
            throw new RecordFormatException(string.Create(CultureInfo.InvariantCulture, $"line {lineNumber}: {message}"), ex.Path, ex);
        }
    }
}
