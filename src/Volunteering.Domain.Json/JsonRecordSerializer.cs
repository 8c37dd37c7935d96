using System.Buffers;
using System.Collections.Frozen;
using System.Globalization;
using System.Text;
using Volunteering.Domain.Json.Internal;
using Volunteering.Domain.Storage;

namespace Volunteering.Domain.Json;

/// <summary>
/// The standard <see cref="IRecordSerializer"/>: payloads as compact UTF-8 JSON objects, each with a registered type
/// name and schema version, read back strictly. Thread-safe; build one with <see cref="CreateBuilder"/> or use
/// <see cref="Default"/>.
/// </summary>
/// <remarks>
/// <para><b>Stored data</b> (<see cref="Serialize"/> / <see cref="Deserialize"/>) is the bare data object; the store
/// keeps the type name and version beside it. <b>Envelopes</b> (<see cref="SerializeEnvelope"/> /
/// <see cref="DeserializeEnvelope"/>) are self-describing documents for files and exports:
/// <c>{"type":"ledger.entry","schemaVersion":1,"data":{…}}</c>.</para>
/// <para>Reading never returns a half-built value: any problem (an unknown type or version, malformed or truncated
/// JSON, a wrong JSON type, a number out of range, an unknown enum name, a missing required field, a repeated or
/// unknown field, trailing content, data over <see cref="MaxRecordBytes"/>) throws <see cref="RecordFormatException"/>
/// whose <see cref="RecordFormatException.Path"/> names the field, e.g. <c>$.amount</c> or <c>$.data.amount</c>.</para>
/// <para>Serialization uses a per-thread pooled <see cref="Utf8JsonWriter"/> and hand-written or source-generated
/// code; nothing uses reflection. The schema of every standard type is in <c>docs/schema.md</c>.</para>
/// </remarks>
public sealed class JsonRecordSerializer : IRecordSerializer
{
    /// <summary>The default limit on a record's data, in bytes: 1 MiB.</summary>
    public const int DefaultMaxRecordBytes = 1024 * 1024;

    /// <summary>How many bytes an envelope may add around its data (the <c>type</c>, <c>schemaVersion</c> and
    /// <c>data</c> properties and white space).</summary>
    public const int EnvelopeOverheadBytes = 1024;

    private const string EnvelopeContext = "record envelope";
    private const int MaxPooledBufferBytes = 64 * 1024;

    private static readonly JsonEncodedText TypeProperty = JsonEncodedText.Encode("type");
    private static readonly JsonEncodedText SchemaVersionProperty = JsonEncodedText.Encode("schemaVersion");
    private static readonly JsonEncodedText DataProperty = JsonEncodedText.Encode("data");

    [ThreadStatic]
    private static PooledWriter? t_writer;

    private readonly FrozenDictionary<Type, RecordType> _byPayloadType;
    private readonly FrozenDictionary<string, RecordType> _byName;
    private readonly FrozenDictionary<RecordType, byte[]> _envelopePrefixes;

    internal JsonRecordSerializer(IReadOnlyList<RecordType> recordTypes, int maxRecordBytes)
    {
        RecordTypes = recordTypes;
        MaxRecordBytes = maxRecordBytes;
        _byPayloadType = recordTypes.ToFrozenDictionary(static t => t.PayloadType);
        _byName = recordTypes.ToFrozenDictionary(static t => t.TypeName, StringComparer.Ordinal);
        _envelopePrefixes = recordTypes.ToFrozenDictionary(
            static t => t,
            static t => Encoding.UTF8.GetBytes(string.Create(
                CultureInfo.InvariantCulture, $"{{\"type\":\"{t.TypeName}\",\"schemaVersion\":{t.CurrentVersion},\"data\":")));
    }

    /// <summary>The serializer for every standard record type (<see cref="StandardRecordTypes.All"/>), with the
    /// default limits.</summary>
    public static JsonRecordSerializer Default { get; } = CreateBuilder().Build();

    /// <summary>The registered record types, in registration order.</summary>
    public IReadOnlyList<RecordType> RecordTypes { get; }

    /// <summary>The largest data a record may have, in bytes; larger data is refused when written and when read. An
    /// envelope may be up to <see cref="EnvelopeOverheadBytes"/> larger.</summary>
    public int MaxRecordBytes { get; }

    /// <summary>A builder that already holds the standard record types: register more, then
    /// <see cref="JsonRecordSerializerBuilder.Build"/>.</summary>
    /// <returns>The builder.</returns>
    public static JsonRecordSerializerBuilder CreateBuilder() => new JsonRecordSerializerBuilder().RegisterStandardTypes();

    /// <summary>The record type registered under a type name, or null.</summary>
    /// <param name="typeName">The type name.</param>
    public RecordType? FindType(string typeName)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        return _byName.GetValueOrDefault(typeName);
    }

    /// <summary>The record type registered for a payload type (matched exactly), or null.</summary>
    /// <param name="payloadType">The payload's CLR type.</param>
    public RecordType? FindType(Type payloadType)
    {
        ArgumentNullException.ThrowIfNull(payloadType);
        return _byPayloadType.GetValueOrDefault(payloadType);
    }

    /// <summary>Serializes a payload as its type's current schema version.</summary>
    /// <param name="payload">A payload of a registered type.</param>
    /// <returns>The type name, schema version and UTF-8 JSON bytes (a fresh array the caller owns).</returns>
    /// <exception cref="NotSupportedException">The payload's type is not registered.</exception>
    /// <exception cref="ArgumentException">The payload cannot be stored: it breaks its schema (for example an empty
    /// transfer id on a transfer entry) or its data would exceed <see cref="MaxRecordBytes"/>.</exception>
    public SerializedPayload Serialize(object payload)
    {
        var type = TypeOf(payload);
        var pooled = RentWriter();
        try
        {
            var data = WriteData(type, payload, pooled);
            return new SerializedPayload(type.TypeName, type.CurrentVersion, data.ToArray());
        }
        finally
        {
            ReturnWriter(pooled);
        }
    }

    /// <summary>Reads a payload from stored data.</summary>
    /// <param name="typeName">The stored type name.</param>
    /// <param name="schemaVersion">The stored schema version.</param>
    /// <param name="data">The stored UTF-8 JSON bytes.</param>
    /// <returns>The payload, fully built and checked (upgraded to today's type when the version is older).</returns>
    /// <exception cref="ArgumentNullException"><paramref name="typeName"/> is null.</exception>
    /// <exception cref="RecordFormatException">The type is unknown, the version unsupported, or the data malformed; the
    /// message and <see cref="RecordFormatException.Path"/> name the field (the path is null for an unknown type or
    /// version, which are not part of the JSON).</exception>
    public object Deserialize(string typeName, int schemaVersion, ReadOnlySpan<byte> data)
    {
        ArgumentNullException.ThrowIfNull(typeName);
        var type = Resolve(typeName, schemaVersion, typePath: null, versionPath: null);
        if (data.Length > MaxRecordBytes)
        {
            throw RecordErrors.Create(Context(type, schemaVersion), JsonPath.Root,
                string.Create(CultureInfo.InvariantCulture, $"the data is {data.Length} bytes, over the limit of {MaxRecordBytes}"));
        }

        var reader = new Utf8JsonReader(data, JsonSettings.ReaderOptions);
        return ReadDocument(type, schemaVersion, ref reader, JsonPath.Root);
    }

    /// <summary>Serializes a payload as a self-describing envelope
    /// <c>{"type":"ledger.entry","schemaVersion":1,"data":{…}}</c>, one compact line of UTF-8 JSON.</summary>
    /// <param name="payload">A payload of a registered type.</param>
    /// <returns>The envelope's bytes.</returns>
    /// <exception cref="NotSupportedException">The payload's type is not registered.</exception>
    /// <exception cref="ArgumentException">The payload cannot be stored (see <see cref="Serialize"/>).</exception>
    public byte[] SerializeEnvelope(object payload)
    {
        var type = TypeOf(payload);
        var pooled = RentWriter();
        try
        {
            var data = WriteData(type, payload, pooled);
            var prefix = _envelopePrefixes[type];
            var envelope = new byte[prefix.Length + data.Length + 1];
            prefix.CopyTo(envelope, 0);
            data.CopyTo(envelope.AsSpan(prefix.Length));
            envelope[^1] = (byte)'}';
            return envelope;
        }
        finally
        {
            ReturnWriter(pooled);
        }
    }

    /// <summary>Writes a payload as an envelope object to a writer (for example as one element of an exported
    /// array).</summary>
    /// <param name="writer">The writer, positioned where a value may go.</param>
    /// <param name="payload">A payload of a registered type.</param>
    /// <exception cref="NotSupportedException">The payload's type is not registered.</exception>
    /// <exception cref="ArgumentException">The payload cannot be stored (see <see cref="Serialize"/>).</exception>
    public void WriteEnvelope(Utf8JsonWriter writer, object payload)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var type = TypeOf(payload);
        var pooled = RentWriter();
        try
        {
            var data = WriteData(type, payload, pooled);
            writer.WriteStartObject();
            writer.WriteString(TypeProperty, type.TypeName);
            writer.WriteNumber(SchemaVersionProperty, type.CurrentVersion);
            writer.WritePropertyName(DataProperty);
            writer.WriteRawValue(data, skipInputValidation: true);
            writer.WriteEndObject();
        }
        finally
        {
            ReturnWriter(pooled);
        }
    }

    /// <summary>Reads a self-describing envelope <c>{"type":…,"schemaVersion":…,"data":{…}}</c> (properties in any
    /// order, each exactly once, nothing else; a leading UTF-8 byte order mark is allowed).</summary>
    /// <param name="json">The envelope's UTF-8 JSON.</param>
    /// <returns>The type name, the stored schema version and the payload.</returns>
    /// <exception cref="RecordFormatException">The envelope or its data is malformed, or the type or version is not
    /// readable; <see cref="RecordFormatException.Path"/> names the field: <c>$.type</c>, <c>$.schemaVersion</c>,
    /// <c>$.data</c>, <c>$.data.amount</c>, ….</exception>
    public RecordEnvelope DeserializeEnvelope(ReadOnlySpan<byte> json)
    {
        if (json.StartsWith("\uFEFF"u8)) json = json[3..];
        if (json.Length > MaxRecordBytes + EnvelopeOverheadBytes)
        {
            throw RecordErrors.Create(EnvelopeContext, JsonPath.Root, string.Create(CultureInfo.InvariantCulture,
                $"the envelope is {json.Length} bytes, over the limit of {MaxRecordBytes + EnvelopeOverheadBytes}"));
        }

        var reader = new Utf8JsonReader(json, JsonSettings.ReaderOptions);
        string? typeName = null;
        var schemaVersion = 0;
        var hasVersion = false;
        int dataStart = -1, dataEnd = -1;
        var at = JsonPath.Root;
        try
        {
            if (!reader.Read()) throw RecordErrors.Create(EnvelopeContext, at, "there is no JSON value (the input is empty)");
            if (reader.TokenType != JsonTokenType.StartObject)
            {
                throw RecordErrors.Create(EnvelopeContext, at, $"an envelope must be a JSON object; got {RecordErrors.Describe(ref reader)}");
            }

            while (true)
            {
                at = JsonPath.Root;
                if (!reader.Read()) throw RecordErrors.Create(EnvelopeContext, at, "the object is not closed");
                if (reader.TokenType == JsonTokenType.EndObject) break;
                if (reader.ValueTextEquals(TypeProperty.EncodedUtf8Bytes))
                {
                    at = "$.type";
                    if (typeName is not null) throw RecordErrors.Create(EnvelopeContext, at, "type appears more than once");
                    reader.Read();
                    typeName = ReadTypeName(ref reader);
                }
                else if (reader.ValueTextEquals(SchemaVersionProperty.EncodedUtf8Bytes))
                {
                    at = "$.schemaVersion";
                    if (hasVersion) throw RecordErrors.Create(EnvelopeContext, at, "schemaVersion appears more than once");
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt32(out schemaVersion) || schemaVersion < 1)
                    {
                        throw RecordErrors.Create(EnvelopeContext, at,
                            $"schemaVersion must be a whole number from 1 to {int.MaxValue}; got {RecordErrors.Describe(ref reader)}");
                    }

                    hasVersion = true;
                }
                else if (reader.ValueTextEquals(DataProperty.EncodedUtf8Bytes))
                {
                    at = "$.data";
                    if (dataStart >= 0) throw RecordErrors.Create(EnvelopeContext, at, "data appears more than once");
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.StartObject)
                    {
                        throw RecordErrors.Create(EnvelopeContext, at, $"data must be a JSON object; got {RecordErrors.Describe(ref reader)}");
                    }

                    dataStart = (int)reader.TokenStartIndex;
                    reader.Skip();
                    dataEnd = (int)reader.BytesConsumed;
                }
                else
                {
                    throw RecordErrors.Create(EnvelopeContext, JsonPath.Property(JsonPath.Root, ref reader),
                        "is not an envelope field; an envelope has exactly type, schemaVersion and data");
                }
            }

            at = JsonPath.Root;
            if (reader.Read()) throw RecordErrors.Create(EnvelopeContext, at, "there is more after the envelope object");
        }
        catch (JsonException ex)
        {
            throw RecordErrors.Create(EnvelopeContext, at, "the JSON is malformed: " + ex.Message, ex);
        }

        if (typeName is null) throw RecordErrors.Create(EnvelopeContext, "$.type", "type is required");
        if (!hasVersion) throw RecordErrors.Create(EnvelopeContext, "$.schemaVersion", "schemaVersion is required");
        if (dataStart < 0) throw RecordErrors.Create(EnvelopeContext, "$.data", "data is required");

        var type = Resolve(typeName, schemaVersion, "$.type", "$.schemaVersion");
        var data = json[dataStart..dataEnd];
        if (data.Length > MaxRecordBytes)
        {
            throw RecordErrors.Create(Context(type, schemaVersion), "$.data",
                string.Create(CultureInfo.InvariantCulture, $"the data is {data.Length} bytes, over the limit of {MaxRecordBytes}"));
        }

        var dataReader = new Utf8JsonReader(data, JsonSettings.ReaderOptions);
        var payload = ReadDocument(type, schemaVersion, ref dataReader, "$.data");
        return new RecordEnvelope(type.TypeName, schemaVersion, payload);
    }

    private static string ReadTypeName(ref Utf8JsonReader reader)
    {
        if (reader.TokenType == JsonTokenType.String && reader.ValueSpan.Length <= RecordType.MaxTypeNameLength * 6)
        {
            try
            {
                return reader.GetString()!;
            }
            catch (InvalidOperationException ex)
            {
                throw RecordErrors.Create(EnvelopeContext, "$.type", "type is not valid text", ex);
            }
        }

        if (reader.TokenType == JsonTokenType.String)
        {
            throw RecordErrors.Create(EnvelopeContext, "$.type",
                string.Create(CultureInfo.InvariantCulture, $"type is longer than {RecordType.MaxTypeNameLength} characters"));
        }

        throw RecordErrors.Create(EnvelopeContext, "$.type", $"type must be a string; got {RecordErrors.Describe(ref reader)}");
    }

    private static object ReadDocument(RecordType type, int schemaVersion, ref Utf8JsonReader reader, string path)
    {
        try
        {
            if (!reader.Read()) throw RecordErrors.Create(Context(type, schemaVersion), path, "there is no JSON value (the data is empty)");
        }
        catch (JsonException ex)
        {
            throw RecordErrors.Create(Context(type, schemaVersion), path, "the JSON is malformed: " + ex.Message, ex);
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw RecordErrors.Create(Context(type, schemaVersion), path, $"the data must be a JSON object; got {RecordErrors.Describe(ref reader)}");
        }

        var value = type.ReadData(schemaVersion, ref reader, path);
        try
        {
            if (reader.Read()) throw RecordErrors.Create(Context(type, schemaVersion), path, "there is more after the data object");
        }
        catch (JsonException ex)
        {
            throw RecordErrors.Create(Context(type, schemaVersion), path, "there is more after the data object: " + ex.Message, ex);
        }

        return value;
    }

    private static string Context(RecordType type, int schemaVersion)
        => string.Create(CultureInfo.InvariantCulture, $"{type.TypeName} v{schemaVersion}");

    private RecordType TypeOf(object payload)
    {
        ArgumentNullException.ThrowIfNull(payload);
        return _byPayloadType.GetValueOrDefault(payload.GetType())
            ?? throw new NotSupportedException(
                $"No record type is registered for {payload.GetType().FullName}; the serializer knows {string.Join(", ", RecordTypes)}.");
    }

    private RecordType Resolve(string typeName, int schemaVersion, string? typePath, string? versionPath)
    {
        if (!_byName.TryGetValue(typeName, out var type))
        {
            throw new RecordFormatException(
                $"Unknown record type \"{JsonPath.Shorten(typeName)}\"; this serializer knows {string.Join(", ", _byName.Keys.Order(StringComparer.Ordinal))}.",
                typePath);
        }

        if (!type.CanRead(schemaVersion))
        {
            throw new RecordFormatException(
                string.Create(CultureInfo.InvariantCulture,
                    $"{type.TypeName}: schema version {schemaVersion} is not supported; readable versions are {string.Join(", ", type.ReadableVersions)}."),
                versionPath);
        }

        return type;
    }

    /// <summary>Writes the payload's data into the pooled buffer and checks it: one object, within the size limit.</summary>
    private ReadOnlySpan<byte> WriteData(RecordType type, object payload, PooledWriter pooled)
    {
        type.WriteData(pooled.Writer, payload);
        pooled.Writer.Flush();
        var data = pooled.Buffer.WrittenSpan;
        if (data.IsEmpty || data[0] != (byte)'{' || pooled.Writer.CurrentDepth != 0)
        {
            throw new InvalidOperationException($"The writer of {type} must write exactly one JSON object.");
        }

        if (data.Length > MaxRecordBytes)
        {
            throw new ArgumentException(
                string.Create(CultureInfo.InvariantCulture, $"The {type.TypeName} payload serializes to {data.Length} bytes, over the limit of {MaxRecordBytes}."),
                nameof(payload));
        }

        return data;
    }

    private static PooledWriter RentWriter()
    {
        var pooled = t_writer;
        if (pooled is null) return new PooledWriter();
        t_writer = null; // a nested call on this thread (a writer that serializes) gets its own
        return pooled;
    }

    private static void ReturnWriter(PooledWriter pooled)
    {
        if (pooled.Buffer.Capacity > MaxPooledBufferBytes) return;
        pooled.Buffer.ResetWrittenCount();
        pooled.Writer.Reset(pooled.Buffer);
        t_writer = pooled;
    }

    private sealed class PooledWriter
    {
        public PooledWriter()
        {
            Buffer = new ArrayBufferWriter<byte>(1024);
            Writer = new Utf8JsonWriter(Buffer, JsonSettings.WriterOptions);
        }

        public ArrayBufferWriter<byte> Buffer { get; }

        public Utf8JsonWriter Writer { get; }
    }
}
