using System.Globalization;
using NodaTime;
using NodaTime.Text;

namespace Volunteering.Domain.Volunteers;

/// <summary>Checks a resident identity card number (GB 11643-1999): 17 digits and a check character (0-9 or X) over
/// the ISO 7064 MOD 11-2 weights, with the date of birth as <c>yyyyMMdd</c> in characters 7 to 14.</summary>
public static class ResidentIdNumber
{
    private static readonly int[] Weights = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
    private const string CheckCharacters = "10X98765432";

    /// <summary>True when the number has the right form and check character (upper- or lower-case X).</summary>
    /// <param name="number">The number.</param>
    public static bool HasValidChecksum(string? number)
    {
        if (number is null || number.Length != 18) return false;
        var sum = 0;
        for (var i = 0; i < 17; i++)
        {
            if (!char.IsAsciiDigit(number[i])) return false;
            sum += (number[i] - '0') * Weights[i];
        }

        return char.ToUpperInvariant(number[17]) == CheckCharacters[sum % 11];
    }

    /// <summary>The date of birth the number encodes, or null when it is not a valid date.</summary>
    /// <param name="number">An 18-character number.</param>
    public static LocalDate? BirthDateOf(string? number)
    {
        if (number is null || number.Length != 18) return null;
        var result = LocalDatePattern.CreateWithInvariantCulture("yyyyMMdd").Parse(number.Substring(6, 8));
        return result.Success ? result.Value : null;
    }

    /// <summary>Completes 17 digits with their check character (for tests and data entry).</summary>
    /// <param name="first17">The first 17 digits.</param>
    /// <exception cref="ArgumentException">The text is not 17 ASCII digits.</exception>
    public static string WithCheckCharacter(string first17)
    {
        ArgumentNullException.ThrowIfNull(first17);
        if (first17.Length != 17 || !first17.All(char.IsAsciiDigit)) throw new ArgumentException("Give exactly 17 digits.", nameof(first17));
        var sum = 0;
        for (var i = 0; i < 17; i++) sum += (first17[i] - '0') * Weights[i];
        return string.Concat(first17, CheckCharacters[sum % 11].ToString(CultureInfo.InvariantCulture));
    }
}
