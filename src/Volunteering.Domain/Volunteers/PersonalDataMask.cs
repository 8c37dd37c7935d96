using Ardalis.GuardClauses;

namespace Volunteering.Domain.Volunteers;

/// <summary>
/// Masks identifying numbers for summaries and reports (脱敏). Each hidden character becomes <c>*</c>, so the length
/// stays visible but the hidden characters do not. Characters are UTF-16 code units.
/// </summary>
public static class PersonalDataMask
{
    /// <summary>The masking character.</summary>
    public const char MaskChar = '*';

    /// <summary>Masks an ID number: numbers of 11 characters or more show only their first 6 and last 4
    /// (<c>320102********1234</c>), so at most 10 characters are ever shown; numbers of 3 to 10 characters show only
    /// their last 2 (<c>*******78</c>); numbers of 1 or 2 characters are hidden entirely.</summary>
    /// <param name="idNumber">The number; not null (empty gives empty).</param>
    /// <exception cref="ArgumentNullException"><paramref name="idNumber"/> is null.</exception>
    public static string IdNumber(string idNumber)
    {
        Guard.Against.Null(idNumber);
        return idNumber.Length > 10 ? Keep(idNumber, 6, 4) : Keep(idNumber, 0, idNumber.Length > 2 ? 2 : 0);
    }

    /// <summary>Masks a phone number: numbers of 8 characters or more show only their first 3 and last 4
    /// (<c>139****0000</c>); numbers of 3 to 7 characters show only their last 2; numbers of 1 or 2 characters are hidden
    /// entirely.</summary>
    /// <param name="phone">The number; not null (empty gives empty).</param>
    /// <exception cref="ArgumentNullException"><paramref name="phone"/> is null.</exception>
    public static string Phone(string phone)
    {
        Guard.Against.Null(phone);
        return phone.Length >= 8 ? Keep(phone, 3, 4) : Keep(phone, 0, phone.Length > 2 ? 2 : 0);
    }

    private static string Keep(string text, int head, int tail)
        => string.Create(text.Length, (text, head, tail), static (span, state) =>
        {
            var (source, h, t) = state;
            for (var i = 0; i < span.Length; i++) span[i] = i < h || i >= source.Length - t ? source[i] : MaskChar;
        });
}
