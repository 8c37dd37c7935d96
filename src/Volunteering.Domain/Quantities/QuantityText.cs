namespace Volunteering.Domain.Quantities;

/// <summary>Text helpers the quantity types share: the one supported format, unsigned digit runs, and turning a sign
/// and a magnitude into a <see cref="long"/> (including <see cref="long.MinValue"/>).</summary>
internal static class QuantityText
{
    /// <summary>The magnitude of <see cref="long.MinValue"/> as an unsigned value (2^63).</summary>
    public const ulong NegativeLimit = (ulong)long.MaxValue + 1;

    /// <summary>Accepts an empty format or <c>"G"</c>; throws <see cref="FormatException"/> for anything else.</summary>
    public static void ValidateFormat(ReadOnlySpan<char> format, string typeName)
    {
        if (!format.IsEmpty && !format.SequenceEqual("G"))
        {
            throw new FormatException($"Format '{format}' is not supported by {typeName}; use null or \"G\".");
        }
    }

    /// <summary>One or more ASCII digits, no sign, no separators, value within <see cref="ulong"/>.</summary>
    public static bool TryParseDigits(ReadOnlySpan<char> digits, out ulong value)
    {
        value = 0;
        if (digits.IsEmpty)
        {
            return false;
        }

        foreach (var c in digits)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            var digit = (ulong)(c - '0');
            if (value > (ulong.MaxValue - digit) / 10)
            {
                return false;
            }

            value = (value * 10) + digit;
        }

        return true;
    }

    /// <summary>The signed value of a magnitude, or false when it is outside the range of <see cref="long"/>.</summary>
    public static bool TryApplySign(ulong magnitude, bool negative, out long value)
    {
        if (negative)
        {
            if (magnitude > NegativeLimit)
            {
                value = 0;
                return false;
            }

            value = magnitude == NegativeLimit ? long.MinValue : -(long)magnitude;
            return true;
        }

        if (magnitude > long.MaxValue)
        {
            value = 0;
            return false;
        }

        value = (long)magnitude;
        return true;
    }
}
