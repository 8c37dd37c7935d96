using System.Text;
using Volunteering.Domain.Ledger;
using Volunteering.Domain.Storage;

namespace Volunteering.Domain.Json.Tests;

/// <summary>JSON Lines files of envelopes: what the writer writes, the reader reads back, in order, whatever the
/// stream's chunking; bad lines are refused with their line number and field.</summary>
public class RecordEnvelopeFileTests
{
    private static List<LedgerEvent> Journal() => LedgerEntryFixtures.Story.Select(static f => LedgerEntryFixtures.Expected[f]).ToList();

    [Fact]
    public async Task A_written_journal_reads_back_in_order()
    {
        using var stream = new MemoryStream();
        await using (var writer = new RecordEnvelopeWriter(stream, leaveOpen: true))
        {
            foreach (var entry in Journal()) await writer.WriteAsync(entry);
            Assert.Equal(16, writer.Count);
        }

        var lines = Encoding.UTF8.GetString(stream.ToArray()).Split('\n');
        stream.Position = 0;
        var read = await ReadAll(new RecordEnvelopeReader(stream));

        Assert.Equal(17, lines.Length); // 16 lines, each ended by \n
        Assert.Equal("", lines[^1]);
        Assert.All(lines[..^1], static l => Assert.StartsWith("{\"type\":\"ledger.entry\",\"schemaVersion\":1,\"data\":{", l, StringComparison.Ordinal));
        Assert.Equal(Journal(), read.Select(static r => (LedgerEvent)r.Payload));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(4096)]
    public async Task Lines_split_across_reads_are_joined(int readSize)
    {
        var entries = Enumerable.Range(1, 300).Select(i => Journal()[i % 16] with { Position = i }).ToList();
        var bytes = entries.SelectMany(static e => JsonRecordSerializer.Default.SerializeEnvelope(e).Append((byte)'\n')).ToArray();

        var read = await ReadAll(new RecordEnvelopeReader(new TrickleStream(bytes, readSize)));

        Assert.Equal(entries, read.Select(static r => (LedgerEvent)r.Payload));
    }

    [Fact]
    public async Task A_byte_order_mark_CRLF_line_ends_blank_lines_and_a_missing_final_newline_are_accepted()
    {
        var one = Encoding.UTF8.GetString(JsonRecordSerializer.Default.SerializeEnvelope(Journal()[0]));
        var two = Encoding.UTF8.GetString(JsonRecordSerializer.Default.SerializeEnvelope(Journal()[1]));
        var text = "\uFEFF" + one + "\r\n\r\n  \n" + two;

        var read = await ReadAll(new RecordEnvelopeReader(new MemoryStream(Encoding.UTF8.GetBytes(text))));

        Assert.Equal(Journal()[..2], read.Select(static r => (LedgerEvent)r.Payload));
    }

    [Fact]
    public async Task A_bad_line_is_refused_with_its_line_number_and_field()
    {
        var good = Encoding.UTF8.GetString(JsonRecordSerializer.Default.SerializeEnvelope(Journal()[0]));
        var bad = good.Replace("\"asset\":1", "\"asset\":0", StringComparison.Ordinal);
        var stream = new MemoryStream(Encoding.UTF8.GetBytes(good + "\n\n" + bad + "\n"));
        var seen = new List<RecordEnvelope>();

        var ex = await Assert.ThrowsAsync<RecordFormatException>(async () =>
        {
            await foreach (var record in new RecordEnvelopeReader(stream).ReadAllAsync()) seen.Add(record);
        });

        Assert.Single(seen);
        Assert.Equal("$.data.asset", ex.Path);
        Assert.StartsWith("line 3: ledger.entry v1: asset must be", ex.Message, StringComparison.Ordinal);
        Assert.EndsWith("(at $.data.asset)", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_line_over_the_limit_is_refused_without_reading_it_whole()
    {
        var small = new JsonRecordSerializerBuilder().RegisterStandardTypes().WithMaxRecordBytes(1024).Build();
        var text = "{\"type\":\"ledger.entry\",\"schemaVersion\":1,\"data\":{\"memo\":\"" + new string('m', 1_000_000) + "\"}}\n";
        var stream = new TrickleStream(Encoding.UTF8.GetBytes(text), 4096);

        var ex = await Assert.ThrowsAsync<RecordFormatException>(() => ReadAll(new RecordEnvelopeReader(stream, small)));

        Assert.Equal("$", ex.Path);
        Assert.Contains("line 1: the line is longer than 2048 bytes", ex.Message, StringComparison.Ordinal);
        Assert.True(stream.BytesRead < 20_000, $"read {stream.BytesRead} bytes");
    }

    [Fact]
    public async Task The_writer_refuses_unknown_payloads_and_closes_its_stream()
    {
        var stream = new MemoryStream();
        var writer = new RecordEnvelopeWriter(stream);

        await Assert.ThrowsAsync<NotSupportedException>(async () => await writer.WriteAsync(42));
        await writer.DisposeAsync();

        Assert.Equal(0, writer.Count);
        Assert.False(stream.CanWrite);
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await writer.WriteAsync(Journal()[0]));
        Assert.Throws<ArgumentException>(() => new RecordEnvelopeReader(new UnreadableStream()));
    }

    private static async Task<List<RecordEnvelope>> ReadAll(RecordEnvelopeReader reader)
    {
        var all = new List<RecordEnvelope>();
        await foreach (var record in reader.ReadAllAsync()) all.Add(record);
        return all;
    }

    /// <summary>Returns at most a few bytes per read, to split lines at every possible place.</summary>
    private sealed class TrickleStream(byte[] data, int readSize) : MemoryStream(data, writable: false)
    {
        public long BytesRead { get; private set; }

        public override int Read(byte[] buffer, int offset, int count)
        {
            var n = base.Read(buffer, offset, Math.Min(count, readSize));
            BytesRead += n;
            return n;
        }

        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
        {
            var n = base.Read(buffer.Span[..Math.Min(buffer.Length, readSize)]);
            BytesRead += n;
            return ValueTask.FromResult(n);
        }
    }

    private sealed class UnreadableStream : MemoryStream
    {
        public override bool CanRead => false;
    }
}
