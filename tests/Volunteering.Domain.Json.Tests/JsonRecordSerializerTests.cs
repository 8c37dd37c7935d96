using System.Text;
using NodaTime;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;
using Volunteering.Domain.Storage;

namespace Volunteering.Domain.Json.Tests;

/// <summary>The registry: what <see cref="JsonRecordSerializer.Default"/> knows, how more types and older versions are
/// registered, and the guards around registration, writing and the pooled writers.</summary>
public class JsonRecordSerializerTests
{
    private static readonly LedgerEvent Entry = LedgerEntryFixtures.Expected["03-TransferPosted.json"];

    private static RecordType<Note> NoteV2 => RecordType.FromJsonTypeInfo("test.note", 2, NoteJsonContext.Default.Note)
        .WithReader(1, RecordType.ReaderFromJsonTypeInfo(NoteJsonContext.Default.NoteV1, static (NoteV1 v1) => new Note(v1.Text)));

    [Fact]
    public void The_default_serializer_knows_ledger_entry_version_1_and_implements_the_core_port()
    {
        var port = Assert.IsAssignableFrom<IRecordSerializer>(JsonRecordSerializer.Default);
        Assert.Equal(StandardRecordTypes.All, JsonRecordSerializer.Default.RecordTypes);
        var type = JsonRecordSerializer.Default.RecordTypes[0];

        Assert.Same(StandardRecordTypes.LedgerEntry, type);
        Assert.Equal("ledger.entry", type.TypeName);
        Assert.Equal(1, type.CurrentVersion);
        Assert.Equal(typeof(LedgerEvent), type.PayloadType);
        Assert.Equal([1], type.ReadableVersions);
        Assert.Same(type, JsonRecordSerializer.Default.FindType("ledger.entry"));
        Assert.Same(type, JsonRecordSerializer.Default.FindType(typeof(LedgerEvent)));
        Assert.Null(JsonRecordSerializer.Default.FindType("ledger.entries"));
        Assert.Equal(Entry, port.Deserialize("ledger.entry", 1, port.Serialize(Entry).Data.Span));
        Assert.Equal(1024 * 1024, JsonRecordSerializer.Default.MaxRecordBytes);
    }

    [Fact]
    public void An_unregistered_payload_is_not_supported_and_null_is_a_programmer_error()
    {
        Assert.Throws<NotSupportedException>(() => JsonRecordSerializer.Default.Serialize("a string"));
        Assert.Throws<NotSupportedException>(() => JsonRecordSerializer.Default.SerializeEnvelope(new Note("x")));
        Assert.Throws<ArgumentNullException>(() => JsonRecordSerializer.Default.Serialize(null!));
        Assert.Throws<ArgumentNullException>(() => JsonRecordSerializer.Default.Deserialize(null!, 1, "{}"u8));
    }

    [Fact]
    public void A_registered_type_writes_its_current_version_and_reads_its_older_one_with_defaults()
    {
        var serializer = JsonRecordSerializer.CreateBuilder().Register(NoteV2).Build();

        var stored = serializer.Serialize(new Note("call Liu Nainai", 2));
        var fromV1 = serializer.Deserialize("test.note", 1, "{\"text\":\"from before priorities\"}"u8);
        var fromEnvelopeV1 = serializer.DeserializeEnvelope("{\"type\":\"test.note\",\"schemaVersion\":1,\"data\":{\"text\":\"old\"}}"u8);

        Assert.Equal("test.note", stored.TypeName);
        Assert.Equal(2, stored.SchemaVersion);
        Assert.Equal("{\"text\":\"call Liu Nainai\",\"priority\":2}", Encoding.UTF8.GetString(stored.Data.Span));
        Assert.Equal(new Note("call Liu Nainai", 2), serializer.Deserialize(stored.TypeName, stored.SchemaVersion, stored.Data.Span));
        Assert.Equal(new Note("from before priorities", 0), fromV1);
        Assert.Equal(new RecordEnvelope("test.note", 1, new Note("old", 0)), fromEnvelopeV1);
        Assert.Equal(Entry, serializer.Deserialize("ledger.entry", 1, serializer.Serialize(Entry).Data.Span));
    }

    [Fact]
    public void A_field_of_a_newer_version_is_refused_in_an_older_record()
    {
        var serializer = JsonRecordSerializer.CreateBuilder().Register(NoteV2).Build();

        var ex = Assert.Throws<RecordFormatException>(() => serializer.Deserialize("test.note", 1, "{\"text\":\"x\",\"priority\":1}"u8));
        var envelopeEx = Assert.Throws<RecordFormatException>(() =>
            serializer.DeserializeEnvelope("{\"type\":\"test.note\",\"schemaVersion\":1,\"data\":{\"text\":\"x\",\"priority\":1}}"u8));
        var versionEx = Assert.Throws<RecordFormatException>(() => serializer.Deserialize("test.note", 3, "{\"text\":\"x\"}"u8));

        Assert.Equal("$.priority", ex.Path);
        Assert.Contains("priority", ex.Message, StringComparison.Ordinal);
        Assert.Equal("$.data.priority", envelopeEx.Path);
        Assert.Contains("readable versions are 1, 2", versionEx.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Errors_of_a_source_generated_reader_name_the_field_under_the_data_path()
    {
        var serializer = JsonRecordSerializer.CreateBuilder().Register(NoteV2).Build();

        var ex = Assert.Throws<RecordFormatException>(() =>
            serializer.DeserializeEnvelope("{\"type\":\"test.note\",\"schemaVersion\":2,\"data\":{\"text\":\"x\",\"priority\":\"high\"}}"u8));
        var missing = Assert.Throws<RecordFormatException>(() => serializer.Deserialize("test.note", 2, "{\"priority\":1}"u8));
        var nullText = Assert.Throws<RecordFormatException>(() => serializer.Deserialize("test.note", 2, "{\"text\":null}"u8));

        Assert.Equal("$.data.priority", ex.Path);
        Assert.StartsWith("test.note v2: ", ex.Message, StringComparison.Ordinal);
        Assert.Contains("text", missing.Message, StringComparison.Ordinal);
        Assert.Equal("$.text", nullText.Path);
    }

    [Fact]
    public void A_hand_written_reader_that_throws_a_guard_exception_gives_a_record_format_exception()
    {
        var type = new RecordType<Note>(
            "test.guarded",
            1,
            static (w, n) => { w.WriteStartObject(); w.WriteString("text", n.Text); w.WriteEndObject(); },
            static (ref Utf8JsonReader r, string path) =>
            {
                r.Skip();
                throw new ArgumentException("A note's text must not be blank.");
            });
        var serializer = new JsonRecordSerializerBuilder().Register(type).Build();

        var ex = Assert.Throws<RecordFormatException>(() => serializer.Deserialize("test.guarded", 1, "{\"text\":\" \"}"u8));

        Assert.Equal("$", ex.Path);
        Assert.Contains("must not be blank", ex.Message, StringComparison.Ordinal);
        Assert.IsType<ArgumentException>(ex.InnerException);
    }

    [Fact]
    public void A_reader_that_does_not_consume_its_object_is_a_programmer_error()
    {
        var type = new RecordType<Note>(
            "test.lazy",
            1,
            static (w, n) => { w.WriteStartObject(); w.WriteEndObject(); },
            static (ref Utf8JsonReader r, string path) => new Note("not read"));
        var serializer = new JsonRecordSerializerBuilder().Register(type).Build();

        Assert.Throws<InvalidOperationException>(() => serializer.Deserialize("test.lazy", 1, "{}"u8));
    }

    [Fact]
    public void A_writer_that_writes_anything_but_one_object_is_a_programmer_error()
    {
        var type = new RecordType<Note>("test.array", 1, static (w, n) => { w.WriteStartArray(); w.WriteEndArray(); }, static (ref Utf8JsonReader r, string path) => new Note("x"));
        var serializer = new JsonRecordSerializerBuilder().Register(type).Build();

        Assert.Throws<InvalidOperationException>(() => serializer.Serialize(new Note("x")));
        Assert.Equal(Entry, JsonRecordSerializer.Default.Deserialize("ledger.entry", 1, JsonRecordSerializer.Default.Serialize(Entry).Data.Span)); // the pool recovered
    }

    [Fact]
    public void A_payload_over_the_size_limit_is_refused_when_written()
    {
        var serializer = JsonRecordSerializer.CreateBuilder().Register(NoteV2).WithMaxRecordBytes(1024).Build();

        var ex = Assert.Throws<ArgumentException>(() => serializer.Serialize(new Note(new string('n', 2000))));

        Assert.Contains("over the limit of 1024", ex.Message, StringComparison.Ordinal);
        Assert.Equal(2, serializer.Serialize(new Note(new string('n', 900))).SchemaVersion);
    }

    [Theory]
    [InlineData("")]
    [InlineData("Ledger.entry")]
    [InlineData("1ledger")]
    [InlineData(".ledger")]
    [InlineData("ledger entry")]
    [InlineData("ledger_entry")]
    [InlineData("lédger")]
    public void An_invalid_type_name_is_refused(string typeName)
    {
        Assert.False(RecordType.IsValidTypeName(typeName));
        Assert.Throws<ArgumentException>(() => RecordType.FromJsonTypeInfo(typeName, 1, NoteJsonContext.Default.Note));
    }

    [Fact]
    public void Type_names_and_versions_are_checked_when_registered()
    {
        Assert.True(RecordType.IsValidTypeName(new string('a', 64)));
        Assert.False(RecordType.IsValidTypeName(new string('a', 65)));
        Assert.True(RecordType.IsValidTypeName("volunteer.profile-2"));
        Assert.Throws<ArgumentOutOfRangeException>(() => RecordType.FromJsonTypeInfo("test.note", 0, NoteJsonContext.Default.Note));

        var v2 = RecordType.FromJsonTypeInfo("test.note", 2, NoteJsonContext.Default.Note);
        var reader = RecordType.ReaderFromJsonTypeInfo(NoteJsonContext.Default.NoteV1, static (NoteV1 v1) => new Note(v1.Text));
        Assert.Throws<ArgumentOutOfRangeException>(() => v2.WithReader(2, reader));
        Assert.Throws<ArgumentOutOfRangeException>(() => v2.WithReader(3, reader));
        Assert.Throws<ArgumentOutOfRangeException>(() => v2.WithReader(0, reader));
        var withV1 = v2.WithReader(1, reader);
        Assert.Throws<ArgumentException>(() => withV1.WithReader(1, reader));
        Assert.Equal([2], v2.ReadableVersions); // WithReader leaves the original alone
        Assert.Equal([1, 2], withV1.ReadableVersions);
        Assert.False(v2.CanRead(1));
        Assert.True(withV1.CanRead(1));
        Assert.False(withV1.CanRead(-1));
        Assert.Equal("test.note v2 (Note)", withV1.ToString());
    }

    [Fact]
    public void The_builder_refuses_a_second_registration_of_a_name_or_a_payload_type()
    {
        var builder = JsonRecordSerializer.CreateBuilder();

        Assert.Throws<ArgumentException>(() => builder.Register(StandardRecordTypes.LedgerEntry));
        Assert.Throws<ArgumentException>(() => builder.Register(RecordType.FromJsonTypeInfo("ledger.entry", 3, NoteJsonContext.Default.Note)));
        Assert.Throws<ArgumentException>(() => builder.Register(new RecordType<LedgerEvent>("ledger.other", 1, static (w, e) => { }, static (ref Utf8JsonReader r, string p) => default)));
        Assert.Throws<ArgumentException>(() => builder.RegisterStandardTypes());
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.WithMaxRecordBytes(1023));
        Assert.Throws<ArgumentOutOfRangeException>(() => builder.WithMaxRecordBytes(1024 * 1024 * 1024 + 1));
    }

    [Fact]
    public void A_built_serializer_does_not_change_when_its_builder_does()
    {
        var builder = new JsonRecordSerializerBuilder().RegisterStandardTypes();
        var first = builder.Build();

        builder.Register(NoteV2).WithMaxRecordBytes(4096);

        Assert.Equal(StandardRecordTypes.All.Count, first.RecordTypes.Count);
        Assert.Equal(JsonRecordSerializer.DefaultMaxRecordBytes, first.MaxRecordBytes);
        Assert.Throws<NotSupportedException>(() => first.Serialize(new Note("x")));
        Assert.Equal(StandardRecordTypes.All.Count + 1, builder.Build().RecordTypes.Count);
    }

    [Fact]
    public void An_empty_serializer_knows_nothing()
    {
        var empty = new JsonRecordSerializerBuilder().Build();

        Assert.Empty(empty.RecordTypes);
        Assert.Throws<NotSupportedException>(() => empty.Serialize(Entry));
        Assert.Null(Assert.Throws<RecordFormatException>(() => empty.Deserialize("ledger.entry", 1, "{}"u8)).Path);
    }

    [Fact]
    public void Each_serialization_returns_its_own_array()
    {
        var first = JsonRecordSerializer.Default.Serialize(Entry).Data.ToArray();
        var second = JsonRecordSerializer.Default.Serialize(Entry);

        var firstAgain = JsonRecordSerializer.Default.Serialize(Entry with { Position = 4 });

        Assert.Equal(first, second.Data.ToArray());
        Assert.NotEqual(first, firstAgain.Data.ToArray());
        Assert.Equal(Entry, JsonRecordSerializer.Default.Deserialize("ledger.entry", 1, second.Data.Span));
    }

    [Fact]
    public void A_writer_that_serializes_another_payload_on_the_same_thread_gets_its_own_buffer()
    {
        var nesting = new RecordType<Note>(
            "test.nesting",
            1,
            static (w, n) =>
            {
                var inner = JsonRecordSerializer.Default.Serialize(Entry); // uses the pooled writer too
                w.WriteStartObject();
                w.WriteString("text", n.Text);
                w.WriteNumber("innerBytes", inner.Data.Length);
                w.WriteEndObject();
            },
            static (ref Utf8JsonReader r, string path) => { r.Skip(); return new Note("x"); });
        var serializer = new JsonRecordSerializerBuilder().Register(nesting).Build();

        var data = Encoding.UTF8.GetString(serializer.Serialize(new Note("outer")).Data.Span);

        Assert.StartsWith("{\"text\":\"outer\",\"innerBytes\":", data, StringComparison.Ordinal);
    }

    [Fact]
    public void Threads_serializing_at_once_each_get_their_own_bytes()
    {
        var entries = Enumerable.Range(1, 2000).Select(i => Entry with { Position = i, Memo = "memo " + i }).ToArray();
        var results = new LedgerEvent[entries.Length];

        Parallel.For(0, entries.Length, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var stored = JsonRecordSerializer.Default.Serialize(entries[i]);
            results[i] = (LedgerEvent)JsonRecordSerializer.Default.Deserialize(stored.TypeName, stored.SchemaVersion, stored.Data.Span);
        });

        Assert.Equal(entries, results);
    }

    [Fact]
    public void An_envelope_is_one_compact_line_with_type_version_and_data()
    {
        var entry = new LedgerEvent
        {
            Position = 1, Kind = LedgerEventKind.AccountFrozen, Timestamp = Instant.FromUtc(2026, 3, 3, 6, 0),
            AccountId = new AccountId(Guid.Parse("3f2a1c4e-8b7d-4e6f-9a01-2b3c4d5e6f70")), AccountVersion = 2, Asset = Asset.TimeCredit,
        };

        var text = Encoding.UTF8.GetString(JsonRecordSerializer.Default.SerializeEnvelope(entry));

        Assert.Equal(
            "{\"type\":\"ledger.entry\",\"schemaVersion\":1,\"data\":{\"position\":1,\"kind\":\"AccountFrozen\",\"timestamp\":\"2026-03-03T06:00:00Z\","
            + "\"accountId\":\"3f2a1c4e-8b7d-4e6f-9a01-2b3c4d5e6f70\",\"accountVersion\":2,\"asset\":1}}",
            text);
    }

    [Fact]
    public void An_envelope_may_start_with_a_byte_order_mark_and_hold_white_space()
    {
        var json = "\uFEFF{ \"data\" : " + Encoding.UTF8.GetString(JsonRecordSerializer.Default.Serialize(Entry).Data.Span)
                   + " ,\n\"schemaVersion\": 1, \"type\": \"ledger.entry\" }\n";

        var envelope = JsonRecordSerializer.Default.DeserializeEnvelope(Encoding.UTF8.GetBytes(json));

        Assert.Equal(Entry, envelope.Payload);
    }

    [Fact]
    public void An_envelope_over_the_limit_is_refused_at_the_root()
    {
        var small = new JsonRecordSerializerBuilder().RegisterStandardTypes().WithMaxRecordBytes(1024).Build();
        var json = "{\"type\":\"ledger.entry\",\"schemaVersion\":1,\"data\":{\"memo\":\"" + new string('m', 3000) + "\"}}";

        var ex = Assert.Throws<RecordFormatException>(() => small.DeserializeEnvelope(Encoding.UTF8.GetBytes(json)));

        Assert.Equal("$", ex.Path);
    }
}
