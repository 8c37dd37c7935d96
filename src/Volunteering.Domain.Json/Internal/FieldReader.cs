using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using NodaTime.Text;
using Volunteering.Domain.Activities;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Quantities;
using Volunteering.Domain.Storage;

namespace Volunteering.Domain.Json.Internal;

/// <summary>
/// Reads the fields of one flat record object strictly, for the domain-event record types: the whole object is parsed
/// first (malformed JSON fails at the token), then every property name is checked (unknown or repeated names are
/// refused at their own path), and each typed accessor refuses a missing, null or ill-typed value naming
/// <c>path.field</c>. Nothing is built until the caller has read every field.
/// </summary>
internal sealed class FieldReader
{
    private readonly Dictionary<string, JsonElement> _values;
    private readonly string _context;
    private readonly string _path;

    private FieldReader(Dictionary<string, JsonElement> values, string context, string path)
    {
        _values = values;
        _context = context;
        _path = path;
    }

    /// <summary>Parses the object the reader is on (leaving it on the object's end) and checks its property names
    /// against <paramref name="fields"/>; then builds the value with <paramref name="build"/>.</summary>
    public static T Read<T>(ref Utf8JsonReader reader, string path, string context, IReadOnlySet<string> fields, Func<FieldReader, T> build)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        return build(Over(document.RootElement, path, context, fields));
    }

    /// <summary>A reader over a parsed object whose property names are checked against <paramref name="fields"/>.</summary>
    private static FieldReader Over(JsonElement root, string path, string context, IReadOnlySet<string> fields)
    {
        var values = new Dictionary<string, JsonElement>(StringComparer.Ordinal);
        foreach (var property in root.EnumerateObject())
        {
            string name;
            try
            {
                name = property.Name;
            }
            catch (InvalidOperationException ex)
            {
                throw RecordErrors.Create(context, path, "a property name is not valid text", ex);
            }

            var at = JsonPath.Property(path, name);
            if (!fields.Contains(name))
            {
                throw RecordErrors.Create(context, at, $"is not a field of {context} here; the fields are {string.Join(", ", fields.Order(StringComparer.Ordinal))}");
            }

            if (!values.TryAdd(name, property.Value))
            {
                throw RecordErrors.Create(context, at, $"{name} appears more than once");
            }
        }

        return new FieldReader(values, context, path);
    }

    /// <summary>A required nested object, read by <paramref name="build"/> with a reader whose paths are under the
    /// field's.</summary>
    public T Object<T>(string name, IReadOnlySet<string> fields, Func<FieldReader, T> build)
    {
        var value = Required(name);
        if (value.ValueKind != JsonValueKind.Object) throw Error(name, $"{name} must be an object; got {Describe(value)}");
        return build(Over(value, Path(name), _context, fields));
    }

    /// <summary>A required array of nested objects, each read by <paramref name="build"/>.</summary>
    public IReadOnlyList<T> Objects<T>(string name, IReadOnlySet<string> fields, Func<FieldReader, T> build)
    {
        var array = RequiredArray(name);
        var result = new List<T>(array.GetArrayLength());
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            var at = Index(name, i);
            if (item.ValueKind != JsonValueKind.Object) throw RecordErrors.Create(_context, Path(at), $"{at} must be an object; got {Describe(item)}");
            result.Add(build(Over(item, Path(at), _context, fields)));
            i++;
        }

        return result;
    }

    /// <summary>A required whole number from <paramref name="min"/> to <see cref="long.MaxValue"/>.</summary>
    public long Int64(string name, long min = long.MinValue)
    {
        var value = Required(name);
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var number) && IsPlainInteger(value) && number >= min) return number;
        throw Error(name, string.Create(CultureInfo.InvariantCulture, $"{name} must be a whole number from {min} to {long.MaxValue}; got {Describe(value)}"));
    }

    /// <summary>A required amount of CNY: a whole number of fen from <paramref name="min"/>.</summary>
    public Money Fen(string name, long min = 0)
    {
        var value = Required(name);
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var fen) && IsPlainInteger(value) && fen >= min) return Money.FromFen(fen);
        throw Error(name, string.Create(CultureInfo.InvariantCulture, $"{name} must be a whole number of fen from {min} to {long.MaxValue}; got {Describe(value)}"));
    }

    /// <summary>An optional amount of CNY: absent or null for none; otherwise as <see cref="Fen"/>.</summary>
    public Money? OptionalFen(string name, long min = 0) => TryOptional(name, out _) ? Fen(name, min) : null;

    /// <summary>A required array of enum member names, each by its exact name.</summary>
    public IReadOnlyList<T> Enums<T>(string name)
        where T : struct, Enum
    {
        var array = RequiredArray(name);
        var result = new T[array.GetArrayLength()];
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            var at = Index(name, i);
            if (item.ValueKind != JsonValueKind.String || !EnumNames<T>.Instance.TryParse(ReadText(item, at), out result[i]))
            {
                throw RecordErrors.Create(_context, Path(at), $"{at} must be a {EnumNames<T>.TypeName} name, one of {EnumNames<T>.Instance.NameList}; got {Describe(item)}");
            }

            i++;
        }

        return result;
    }

    /// <summary>A required id: a GUID string in the 36-character form, not the empty GUID.</summary>
    public Guid Id(string name)
    {
        var value = Required(name);
        return ReadId(value, name);
    }

    /// <summary>An optional id: absent or null for none; otherwise as <see cref="Id"/>.</summary>
    public Guid? OptionalId(string name)
        => TryOptional(name, out var value) ? ReadId(value, name) : null;

    public UnitId UnitId(string name) => new(Id(name));

    public UnitId? OptionalUnitId(string name) => OptionalId(name) is { } id ? new UnitId(id) : null;

    public TeamId TeamId(string name) => new(Id(name));

    public TeamId? OptionalTeamId(string name) => OptionalId(name) is { } id ? new TeamId(id) : null;

    public ActivityId ActivityId(string name) => new(Id(name));

    public ParticipationId ParticipationId(string name) => new(Id(name));

    public VolunteerId VolunteerId(string name) => new(Id(name));

    public SchemeId SchemeId(string name) => new(Id(name));

    public PassbookId PassbookId(string name) => new(Id(name));

    public CatalogueItemId CatalogueItemId(string name) => new(Id(name));

    public OutletId OutletId(string name) => new(Id(name));

    public RedemptionId RedemptionId(string name) => new(Id(name));

    /// <summary>A required string (any text, valid Unicode).</summary>
    public string Text(string name) => ReadText(Required(name), name);

    /// <summary>An optional string: absent or null for none.</summary>
    public string? OptionalText(string name) => TryOptional(name, out var value) ? ReadText(value, name) : null;

    /// <summary>A required string that must not be empty or white space.</summary>
    public string NonBlankText(string name)
    {
        var text = Text(name);
        if (string.IsNullOrWhiteSpace(text)) throw Error(name, $"{name} must not be empty or white space");
        return text;
    }

    /// <summary>A required whole number from <paramref name="min"/> to <paramref name="max"/>.</summary>
    public int Int32(string name, int min = int.MinValue, int max = int.MaxValue)
    {
        var value = Required(name);
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt32(out var number) && IsPlainInteger(value) && number >= min && number <= max)
        {
            return number;
        }

        throw Error(name, string.Create(CultureInfo.InvariantCulture, $"{name} must be a whole number from {min} to {max}; got {Describe(value)}"));
    }

    /// <summary>An optional whole number: absent or null for none; otherwise as <see cref="Int32"/>.</summary>
    public int? OptionalInt32(string name, int min = int.MinValue, int max = int.MaxValue)
        => TryOptional(name, out _) ? Int32(name, min, max) : null;

    /// <summary>A required <c>true</c> or <c>false</c>.</summary>
    public bool Boolean(string name)
    {
        var value = Required(name);
        return value.ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            _ => throw Error(name, $"{name} must be true or false; got {Describe(value)}"),
        };
    }

    /// <summary>A required time credit: a whole number of minutes, zero or more.</summary>
    public TimeCredit Minutes(string name)
    {
        var value = Required(name);
        if (value.ValueKind == JsonValueKind.Number && value.TryGetInt64(out var minutes) && IsPlainInteger(value) && minutes >= 0)
        {
            return TimeCredit.FromMinutes(minutes);
        }

        throw Error(name, $"{name} must be a whole number of minutes from 0 to {long.MaxValue}; got {Describe(value)}");
    }

    /// <summary>A required instant in NodaTime's extended ISO form, UTC.</summary>
    public Instant Instant(string name)
    {
        var value = Required(name);
        if (value.ValueKind == JsonValueKind.String)
        {
            var text = ReadText(value, name);
            var parsed = InstantPattern.ExtendedIso.Parse(text);
            if (parsed.Success) return parsed.Value;
        }

        throw Error(name, $"{name} must be {InstantJson.Expected}; got {Describe(value)}");
    }

    /// <summary>An optional instant: absent or null for none; otherwise as <see cref="Instant"/>.</summary>
    public Instant? OptionalInstant(string name) => TryOptional(name, out _) ? Instant(name) : null;

    /// <summary>A required ISO calendar date <c>uuuu-MM-dd</c>.</summary>
    public LocalDate Date(string name)
    {
        var value = Required(name);
        if (value.ValueKind == JsonValueKind.String)
        {
            var parsed = LocalDatePattern.Iso.Parse(ReadText(value, name));
            if (parsed.Success) return parsed.Value;
        }

        throw Error(name, $"{name} must be a date string in the form 2026-03-03 (ISO calendar); got {Describe(value)}");
    }

    /// <summary>A required ISO local date and time <c>uuuu-MM-ddTHH:mm:ss</c> with up to 9 fractional digits.</summary>
    public LocalDateTime DateTime(string name)
    {
        var value = Required(name);
        if (value.ValueKind == JsonValueKind.String)
        {
            var parsed = LocalDateTimePattern.ExtendedIso.Parse(ReadText(value, name));
            if (parsed.Success) return parsed.Value;
        }

        throw Error(name, $"{name} must be a local date and time string in the form 2026-03-03T14:00:00 (no offset, up to 9 fractional digits); got {Describe(value)}");
    }

    /// <summary>A required enum member, by its exact name.</summary>
    public T Enum<T>(string name)
        where T : struct, Enum
    {
        var value = Required(name);
        if (value.ValueKind == JsonValueKind.String && EnumNames<T>.Instance.TryParse(ReadText(value, name), out var member)) return member;
        throw Error(name, $"{name} must be a {EnumNames<T>.TypeName} name, one of {EnumNames<T>.Instance.NameList}; got {Describe(value)}");
    }

    /// <summary>An optional enum member: absent or null for none; otherwise as <see cref="Enum{T}"/>.</summary>
    public T? OptionalEnum<T>(string name)
        where T : struct, Enum
        => TryOptional(name, out _) ? Enum<T>(name) : null;

    /// <summary>A required string of exactly <paramref name="length"/> lower-case hexadecimal digits (a hash).</summary>
    public string LowerHex(string name, int length)
    {
        var value = Required(name);
        if (value.ValueKind == JsonValueKind.String)
        {
            var text = ReadText(value, name);
            if (text.Length == length && text.All(static c => char.IsAsciiDigit(c) || c is >= 'a' and <= 'f')) return text;
        }

        throw Error(name, string.Create(CultureInfo.InvariantCulture, $"{name} must be {length} lower-case hexadecimal digits; got {Describe(value)}"));
    }

    /// <summary>A required service category code.</summary>
    public ServiceCategory Category(string name) => ReadCategory(Required(name), name, name);

    /// <summary>A required array of service category codes.</summary>
    public IReadOnlyList<ServiceCategory> Categories(string name)
    {
        var array = RequiredArray(name);
        var result = new ServiceCategory[array.GetArrayLength()];
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            result[i] = ReadCategory(item, Index(name, i), name);
            i++;
        }

        return result;
    }

    /// <summary>A required array of strings (any text); with <paramref name="nonBlank"/>, none may be blank.</summary>
    public ImmutableArray<string> Texts(string name, bool nonBlank = false)
    {
        var array = RequiredArray(name);
        var builder = ImmutableArray.CreateBuilder<string>(array.GetArrayLength());
        var i = 0;
        foreach (var item in array.EnumerateArray())
        {
            var at = Index(name, i);
            if (item.ValueKind != JsonValueKind.String) throw RecordErrors.Create(_context, Path(at), $"{at} must be a string; got {Describe(item)}");
            var text = ReadText(item, at);
            if (nonBlank && string.IsNullOrWhiteSpace(text)) throw RecordErrors.Create(_context, Path(at), $"{at} must not be empty or white space");
            builder.Add(text);
            i++;
        }

        return builder.MoveToImmutable();
    }

    /// <summary>A required nested object of string fields, each required and not blank.</summary>
    public IReadOnlyList<string> TextObject(string name, params string[] fields)
    {
        var value = Required(name);
        if (value.ValueKind != JsonValueKind.Object) throw Error(name, $"{name} must be an object with {string.Join(", ", fields)}; got {Describe(value)}");
        var found = new string?[fields.Length];
        foreach (var property in value.EnumerateObject())
        {
            var field = property.Name;
            var at = string.Concat(name, ".", field);
            var i = Array.IndexOf(fields, field);
            if (i < 0) throw RecordErrors.Create(_context, JsonPath.Property(Path(name), field), $"is not a field of {name}; the fields are {string.Join(", ", fields)}");
            if (found[i] is not null) throw RecordErrors.Create(_context, Path(at), $"{at} appears more than once");
            if (property.Value.ValueKind != JsonValueKind.String) throw RecordErrors.Create(_context, Path(at), $"{at} must be a string; got {Describe(property.Value)}");
            var text = ReadText(property.Value, at);
            if (string.IsNullOrWhiteSpace(text)) throw RecordErrors.Create(_context, Path(at), $"{at} must not be empty or white space");
            found[i] = text;
        }

        for (var i = 0; i < fields.Length; i++)
        {
            if (found[i] is null) throw RecordErrors.Create(_context, Path(string.Concat(name, ".", fields[i])), $"{name}.{fields[i]} is required");
        }

        return found!;
    }

    /// <summary>An error at a field (for rules checked after reading).</summary>
    public RecordFormatException Error(string field, string problem) => RecordErrors.Create(_context, Path(field), problem);

    private JsonElement Required(string name)
    {
        if (!_values.TryGetValue(name, out var value)) throw Error(name, $"{name} is required");
        if (value.ValueKind == JsonValueKind.Null) throw Error(name, $"{name} must not be null");
        return value;
    }

    private bool TryOptional(string name, out JsonElement value)
        => _values.TryGetValue(name, out value) && value.ValueKind != JsonValueKind.Null;

    private JsonElement RequiredArray(string name)
    {
        var value = Required(name);
        if (value.ValueKind != JsonValueKind.Array) throw Error(name, $"{name} must be an array; got {Describe(value)}");
        return value;
    }

    private Guid ReadId(JsonElement value, string name)
    {
        if (value.ValueKind == JsonValueKind.String && value.TryGetGuid(out var id))
        {
            if (id == Guid.Empty) throw Error(name, $"{name} must not be the empty GUID");
            return id;
        }

        throw Error(name, $"{name} must be a GUID string in the 36-character form; got {Describe(value)}");
    }

    private ServiceCategory ReadCategory(JsonElement value, string at, string field)
    {
        if (value.ValueKind == JsonValueKind.String)
        {
            var code = ReadText(value, at);
            if (ServiceCategory.IsValid(code)) return new ServiceCategory(code);
        }

        throw RecordErrors.Create(_context, Path(at),
            $"{at} must be a service category code of 1 to {ServiceCategory.MaxLength} characters of a-z, 0-9 and '-'; got {Describe(value)} (in {field})");
    }

    private string ReadText(JsonElement value, string at)
    {
        if (value.ValueKind != JsonValueKind.String) throw RecordErrors.Create(_context, Path(at), $"{at} must be a string; got {Describe(value)}");
        try
        {
            return value.GetString()!;
        }
        catch (InvalidOperationException ex)
        {
            throw RecordErrors.Create(_context, Path(at), $"{at} is not valid text (invalid UTF-8 or an unpaired surrogate escape)", ex);
        }
    }

    private string Path(string at) => at.Contains('[', StringComparison.Ordinal) || at.Contains('.', StringComparison.Ordinal)
        ? string.Concat(_path, ".", at)
        : JsonPath.Property(_path, at);

    private static string Index(string name, int i) => string.Create(CultureInfo.InvariantCulture, $"{name}[{i}]");

    /// <summary>True when the number's text is a plain integer: no fraction, no exponent (System.Text.Json already
    /// refuses leading zeros).</summary>
    private static bool IsPlainInteger(JsonElement value)
    {
        var raw = value.GetRawText();
        return !raw.Contains('.', StringComparison.Ordinal) && !raw.Contains('e', StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>Describes a JSON value for "must be X; got Y" messages, never echoing more than a short prefix.</summary>
    internal static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.String => string.Concat("the string \"", JsonPath.Shorten(SafeString(value)), "\""),
        JsonValueKind.Number => string.Concat("the number ", JsonPath.Shorten(value.GetRawText())),
        JsonValueKind.True => "true",
        JsonValueKind.False => "false",
        JsonValueKind.Null => "null",
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        _ => value.ValueKind.ToString(),
    };

    private static string SafeString(JsonElement value)
    {
        try
        {
            return value.GetString() ?? string.Empty;
        }
        catch (InvalidOperationException)
        {
            return "\uFFFD";
        }
    }
}
