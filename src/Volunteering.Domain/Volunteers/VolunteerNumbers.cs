using System.Security.Cryptography;
using System.Text;
using Ardalis.GuardClauses;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Storage;

namespace Volunteering.Domain.Volunteers;

/// <summary>
/// Volunteer numbers (志愿者编号): 1 to 32 ASCII letters, digits and '-', compared ordinally, unique within a scheme.
/// Uniqueness is enforced by the store: a registration claims the <see cref="ItemKey"/> <see cref="KeyOf"/> gives, and
/// a store holds at most one record per key, so two registrations of one number in one scheme can never both be
/// stored, whatever the writers.
/// </summary>
public static class VolunteerNumbers
{
    /// <summary>The item-key scope of volunteer numbers, <c>volunteer.number</c>.</summary>
    public const string ItemScope = "volunteer.number";

    /// <summary>The longest number, in characters.</summary>
    public const int MaxLength = 32;

    /// <summary>True when <paramref name="number"/> is a valid volunteer number.</summary>
    /// <param name="number">The candidate.</param>
    public static bool IsValid(string? number)
        => !string.IsNullOrEmpty(number) && number.Length <= MaxLength && number.All(c => char.IsAsciiLetterOrDigit(c) || c == '-');

    /// <summary>The idempotency key a registration of <paramref name="number"/> in <paramref name="scheme"/> claims: scope
    /// <see cref="ItemScope"/>, id the first 16 bytes of SHA-256 over <c>volunteer-number\n{scheme:D}\n{number}</c> (UTF-8)
    /// as a big-endian GUID marked version 8. Deterministic: the same scheme and number always give the same key.</summary>
    /// <param name="scheme">The scheme; not empty.</param>
    /// <param name="number">A valid number.</param>
    /// <exception cref="ArgumentException">The scheme is empty or the number invalid.</exception>
    public static ItemKey KeyOf(SchemeId scheme, string number)
    {
        Guard.Against.Expression(static x => x.IsEmpty, scheme, "The scheme id must not be empty.", nameof(scheme));
        if (!IsValid(number)) throw new ArgumentException($"A volunteer number is 1 to {MaxLength} ASCII letters, digits and '-'; got \"{number}\".", nameof(number));
        Span<byte> hash = stackalloc byte[32];
        SHA256.HashData(Encoding.UTF8.GetBytes(string.Concat("volunteer-number\n", scheme.ToString(), "\n", number)), hash);
        hash[6] = (byte)((hash[6] & 0x0F) | 0x80);
        hash[8] = (byte)((hash[8] & 0x3F) | 0x80);
        return new ItemKey(ItemScope, new Guid(hash[..16], bigEndian: true));
    }
}
