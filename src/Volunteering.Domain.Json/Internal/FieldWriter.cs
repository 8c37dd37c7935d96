using System.Collections.Immutable;
using NodaTime;
using NodaTime.Text;
using Volunteering.Domain.Activities;
using Volunteering.Domain.Quantities;

namespace Volunteering.Domain.Json.Internal;

/// <summary>
/// Writes the fields of one flat record object for the domain-event record types, refusing (with
/// <see cref="ArgumentException"/> naming the field) any value that the matching <see cref="FieldReader"/> accessor
/// would not read back equal: a null required string, an empty id, an undefined enum member, a default category or
/// array, a date outside the ISO calendar, text with an unpaired surrogate.
/// </summary>
internal sealed class FieldWriter(Utf8JsonWriter writer, string typeName)
{
    public void Id(string name, Guid value)
    {
        if (value == Guid.Empty) throw Refuse(name, "must not be the empty GUID");
        writer.WriteString(name, value);
    }

    public void OptionalId(string name, Guid? value)
    {
        if (value is { } id) Id(name, id);
        else writer.WriteNull(name);
    }

    public void Text(string name, string? value)
    {
        if (value is null) throw Refuse(name, "must not be null");
        CheckText(name, value);
        writer.WriteString(name, value);
    }

    public void NonBlankText(string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) throw Refuse(name, "must not be null, empty or white space");
        Text(name, value);
    }

    public void OptionalText(string name, string? value)
    {
        if (value is null)
        {
            writer.WriteNull(name);
            return;
        }

        Text(name, value);
    }

    public void Int32(string name, int value, int min = int.MinValue, int max = int.MaxValue)
    {
        if (value < min || value > max) throw Refuse(name, $"must be from {min} to {max}; got {value}");
        writer.WriteNumber(name, value);
    }

    public void Int64(string name, long value, long min = long.MinValue)
    {
        if (value < min) throw Refuse(name, $"must be from {min} to {long.MaxValue}; got {value}");
        writer.WriteNumber(name, value);
    }

    /// <summary>An amount of CNY as a whole number of fen, from <paramref name="min"/>; another currency is refused.</summary>
    public void Fen(string name, Money value, long min = 0)
    {
        if (value.Currency != CurrencyCode.Cny) throw Refuse(name, $"must be in CNY (stored as fen); got {value.Currency}");
        Int64(name, value.Fen, min);
    }

    /// <summary>An optional amount of CNY as fen, or <c>null</c> for none.</summary>
    public void OptionalFen(string name, Money? value, long min = 0)
    {
        if (value is { } amount) Fen(name, amount, min);
        else writer.WriteNull(name);
    }

    /// <summary>An array of enum member names.</summary>
    public void Enums<T>(string name, IReadOnlyList<T>? values)
        where T : struct, Enum
    {
        if (values is null) throw Refuse(name, "must not be null");
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            if (!EnumNames<T>.Instance.TryGetName(value, out var text)) throw Refuse(name, $"holds {value}, which is not a declared {EnumNames<T>.TypeName} member");
            writer.WriteStringValue(text);
        }

        writer.WriteEndArray();
    }

    /// <summary>A nested object whose fields <paramref name="write"/> writes.</summary>
    public void Object(string name, Action<FieldWriter> write)
    {
        writer.WriteStartObject(name);
        write(new FieldWriter(writer, string.Concat(typeName, " ", name)));
        writer.WriteEndObject();
    }

    /// <summary>An array of nested objects, each written by <paramref name="write"/>.</summary>
    public void Objects<T>(string name, IReadOnlyList<T>? items, Action<FieldWriter, T> write)
    {
        if (items is null) throw Refuse(name, "must not be null");
        writer.WriteStartArray(name);
        foreach (var item in items)
        {
            if (item is null) throw Refuse(name, "must not hold null");
            writer.WriteStartObject();
            write(new FieldWriter(writer, string.Concat(typeName, " ", name)), item);
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    public void OptionalInt32(string name, int? value, int min = int.MinValue, int max = int.MaxValue)
    {
        if (value is { } number) Int32(name, number, min, max);
        else writer.WriteNull(name);
    }

    public void Boolean(string name, bool value) => writer.WriteBoolean(name, value);

    public void Minutes(string name, TimeCredit value)
    {
        if (value.Minutes < 0) throw Refuse(name, $"must not be negative; got {value.Minutes} minutes");
        writer.WriteNumber(name, value.Minutes);
    }

    public void Instant(string name, Instant value) => InstantJson.Write(writer, JsonEncodedText.Encode(name), value);

    public void OptionalInstant(string name, Instant? value)
    {
        if (value is { } instant) Instant(name, instant);
        else writer.WriteNull(name);
    }

    public void Date(string name, LocalDate value)
    {
        if (value.Calendar != CalendarSystem.Iso) throw Refuse(name, $"must be in the ISO calendar; got {value.Calendar.Id}");
        writer.WriteString(name, LocalDatePattern.Iso.Format(value));
    }

    public void DateTime(string name, LocalDateTime value)
    {
        if (value.Calendar != CalendarSystem.Iso) throw Refuse(name, $"must be in the ISO calendar; got {value.Calendar.Id}");
        writer.WriteString(name, LocalDateTimePattern.ExtendedIso.Format(value));
    }

    public void Enum<T>(string name, T value)
        where T : struct, Enum
    {
        if (!EnumNames<T>.Instance.TryGetName(value, out var text)) throw Refuse(name, $"{value} is not a declared {EnumNames<T>.TypeName} member");
        writer.WriteString(name, text);
    }

    public void OptionalEnum<T>(string name, T? value)
        where T : struct, Enum
    {
        if (value is { } member) Enum(name, member);
        else writer.WriteNull(name);
    }

    /// <summary>A string of exactly <paramref name="length"/> lower-case hexadecimal digits (a hash).</summary>
    public void LowerHex(string name, string? value, int length)
    {
        if (value is null || value.Length != length || !value.All(static c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f'))
        {
            throw Refuse(name, $"must be {length} lower-case hexadecimal digits");
        }

        writer.WriteString(name, value);
    }

    public void Category(string name, ServiceCategory value)
    {
        if (value.IsEmpty) throw Refuse(name, "must not be the default (empty) service category");
        writer.WriteString(name, value.Code);
    }

    public void Categories(string name, IReadOnlyList<ServiceCategory>? values)
    {
        if (values is null) throw Refuse(name, "must not be null");
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            if (value.IsEmpty) throw Refuse(name, "must not hold the default (empty) service category");
            writer.WriteStringValue(value.Code);
        }

        writer.WriteEndArray();
    }

    public void Texts(string name, ImmutableArray<string> values, bool nonBlank = false)
    {
        if (values.IsDefault) throw Refuse(name, "must not be a default (uninitialised) array");
        Texts(name, (IReadOnlyList<string>)values, nonBlank);
    }

    public void Texts(string name, IReadOnlyList<string>? values, bool nonBlank = false)
    {
        if (values is null) throw Refuse(name, "must not be null");
        writer.WriteStartArray(name);
        foreach (var value in values)
        {
            if (value is null || (nonBlank && string.IsNullOrWhiteSpace(value))) throw Refuse(name, nonBlank ? "must not hold a null or blank string" : "must not hold null");
            CheckText(name, value);
            writer.WriteStringValue(value);
        }

        writer.WriteEndArray();
    }

    /// <summary>A nested object of non-blank strings, in the order given.</summary>
    public void TextObject(string name, params (string Field, string? Value)[] fields)
    {
        writer.WriteStartObject(name);
        foreach (var (field, value) in fields)
        {
            if (string.IsNullOrWhiteSpace(value)) throw Refuse(string.Concat(name, ".", field), "must not be null, empty or white space");
            CheckText(string.Concat(name, ".", field), value);
            writer.WriteString(field, value);
        }

        writer.WriteEndObject();
    }

    /// <summary>A refusal of a value that the record's schema does not allow.</summary>
    public ArgumentException Refuse(string field, string problem)
        => new($"{typeName}: {field} {problem}; the value cannot be stored.");

    private void CheckText(string name, string value)
    {
        for (var i = 0; i < value.Length; i++)
        {
            if (char.IsHighSurrogate(value[i]) && i + 1 < value.Length && char.IsLowSurrogate(value[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(value[i])) throw Refuse(name, "holds an unpaired surrogate, which UTF-8 cannot keep");
        }
    }
}
