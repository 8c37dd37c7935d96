using System.Globalization;

namespace Volunteering.Domain.Json;

/// <summary>Collects record types and limits, then builds an immutable <see cref="JsonRecordSerializer"/>.
/// <see cref="JsonRecordSerializer.CreateBuilder"/> returns one that already holds the standard types.</summary>
public sealed class JsonRecordSerializerBuilder
{
    /// <summary>The smallest record size limit accepted, in bytes.</summary>
    public const int MinMaxRecordBytes = 1024;

    /// <summary>The largest record size limit accepted, in bytes (1 GiB).</summary>
    public const int MaxMaxRecordBytes = 1024 * 1024 * 1024;

    private readonly List<RecordType> _types = [];
    private int _maxRecordBytes = JsonRecordSerializer.DefaultMaxRecordBytes;

    /// <summary>Adds a record type.</summary>
    /// <param name="recordType">The type; its name and its payload type must both be new to this builder.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">The type name or the payload type is already registered.</exception>
    public JsonRecordSerializerBuilder Register(RecordType recordType)
    {
        ArgumentNullException.ThrowIfNull(recordType);
        foreach (var existing in _types)
        {
            if (string.Equals(existing.TypeName, recordType.TypeName, StringComparison.Ordinal))
            {
                throw new ArgumentException($"The type name {recordType.TypeName} is already registered ({existing}).", nameof(recordType));
            }

            if (existing.PayloadType == recordType.PayloadType)
            {
                throw new ArgumentException($"The payload type {recordType.PayloadType.FullName} is already registered as {existing.TypeName}.", nameof(recordType));
            }
        }

        _types.Add(recordType);
        return this;
    }

    /// <summary>Adds every type of <see cref="StandardRecordTypes.All"/>.</summary>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentException">A standard type is already registered.</exception>
    public JsonRecordSerializerBuilder RegisterStandardTypes()
    {
        foreach (var type in StandardRecordTypes.All) Register(type);
        return this;
    }

    /// <summary>Sets the largest data a record may have (default <see cref="JsonRecordSerializer.DefaultMaxRecordBytes"/>).</summary>
    /// <param name="maxRecordBytes">From <see cref="MinMaxRecordBytes"/> to <see cref="MaxMaxRecordBytes"/>.</param>
    /// <returns>This builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException">The limit is outside the accepted range.</exception>
    public JsonRecordSerializerBuilder WithMaxRecordBytes(int maxRecordBytes)
    {
        if (maxRecordBytes is < MinMaxRecordBytes or > MaxMaxRecordBytes)
        {
            throw new ArgumentOutOfRangeException(nameof(maxRecordBytes), maxRecordBytes,
                string.Create(CultureInfo.InvariantCulture, $"The record size limit must be from {MinMaxRecordBytes} to {MaxMaxRecordBytes} bytes."));
        }

        _maxRecordBytes = maxRecordBytes;
        return this;
    }

    /// <summary>Builds the serializer; later changes to this builder do not affect it.</summary>
    /// <returns>The serializer.</returns>
    public JsonRecordSerializer Build() => new([.. _types], _maxRecordBytes);
}
