using System.Runtime.CompilerServices;
using System.Text;

namespace Volunteering.Domain.Json.Internal;

/// <summary>
/// The names of an enum's members as JSON strings, for writing and for strict reading: a value is read only from one
/// of its exact member names (case-sensitive). Numbers, numeric strings (<c>"5"</c>), comma-joined names and unknown
/// names are all refused, so a renumbered member can never be misread. No reflection beyond
/// <see cref="Enum.GetValues{TEnum}"/>, which is safe for trimming and AOT.
/// </summary>
/// <typeparam name="T">An enum whose underlying type is <see cref="int"/> and whose members lie in 0–1023.</typeparam>
internal sealed class EnumNames<T>
    where T : struct, Enum
{
    private const int MaxMemberValue = 1023;

    private readonly JsonEncodedText?[] _encodedByValue;
    private readonly byte[][] _utf8Names;
    private readonly string[] _names;
    private readonly T[] _values;
    private readonly int _longestName;

    private EnumNames()
    {
        if (Enum.GetUnderlyingType(typeof(T)) != typeof(int))
        {
            throw new InvalidOperationException($"{typeof(T).Name} must have int as its underlying type.");
        }

        _values = Enum.GetValues<T>();
        _names = new string[_values.Length];
        _utf8Names = new byte[_values.Length][];
        var max = 0;
        for (var i = 0; i < _values.Length; i++)
        {
            var value = ToInt(_values[i]);
            if (value is < 0 or > MaxMemberValue)
            {
                throw new InvalidOperationException($"{typeof(T).Name}.{_values[i]} = {value} is outside 0–{MaxMemberValue}.");
            }

            max = Math.Max(max, value);
            _names[i] = Enum.GetName(_values[i])!;
            _utf8Names[i] = Encoding.UTF8.GetBytes(_names[i]);
            _longestName = Math.Max(_longestName, _names[i].Length);
        }

        _encodedByValue = new JsonEncodedText?[max + 1];
        for (var i = 0; i < _values.Length; i++)
        {
            // The first name of an aliased value is the one written.
            _encodedByValue[ToInt(_values[i])] ??= JsonEncodedText.Encode(_names[i]);
        }
    }

    /// <summary>The table for <typeparamref name="T"/>.</summary>
    public static EnumNames<T> Instance { get; } = new();

    /// <summary>The enum's type name, for messages.</summary>
    public static string TypeName => typeof(T).Name;

    /// <summary>The member names, comma-separated, for messages.</summary>
    public string NameList => string.Join(", ", _names);

    /// <summary>True when <paramref name="value"/> is a declared member.</summary>
    public bool IsDefined(T value)
    {
        var i = ToInt(value);
        return (uint)i < (uint)_encodedByValue.Length && _encodedByValue[i] is not null;
    }

    /// <summary>The member's name as encoded JSON text; false for an undeclared value.</summary>
    public bool TryGetName(T value, out JsonEncodedText name)
    {
        var i = ToInt(value);
        if ((uint)i < (uint)_encodedByValue.Length && _encodedByValue[i] is { } text)
        {
            name = text;
            return true;
        }

        name = default;
        return false;
    }

    /// <summary>Reads a member from the string token the reader is on; false for anything that is not exactly a
    /// member name.</summary>
    public bool TryRead(ref Utf8JsonReader reader, out T value)
    {
        value = default;
        if (reader.TokenType != JsonTokenType.String) return false;
        if (!reader.ValueIsEscaped && !reader.HasValueSequence)
        {
            var span = reader.ValueSpan;
            for (var i = 0; i < _utf8Names.Length; i++)
            {
                if (span.SequenceEqual(_utf8Names[i]))
                {
                    value = _values[i];
                    return true;
                }
            }

            return false;
        }

        // Escaped (or split) text: at most 6 bytes per character, so anything longer cannot be a name.
        if ((reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length) > _longestName * 6L) return false;
        string text;
        try
        {
            text = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return false; // not valid UTF-8 / UTF-16: not a name
        }

        for (var i = 0; i < _names.Length; i++)
        {
            if (string.Equals(text, _names[i], StringComparison.Ordinal))
            {
                value = _values[i];
                return true;
            }
        }

        return false;
    }

    /// <summary>Reads a member from its exact name; false for anything else.</summary>
    public bool TryParse(string text, out T value)
    {
        for (var i = 0; i < _names.Length; i++)
        {
            if (string.Equals(text, _names[i], StringComparison.Ordinal))
            {
                value = _values[i];
                return true;
            }
        }

        value = default;
        return false;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int ToInt(T value) => Unsafe.As<T, int>(ref value);
}
