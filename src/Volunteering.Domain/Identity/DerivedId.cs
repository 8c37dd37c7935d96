namespace Volunteering.Domain.Identity;

/// <summary>Derives stable ids from another id, so an operation retried with the same input names the same transfer or
/// account (and the ledger's idempotency applies). Not a hash: the purpose is mixed into the seed's bytes.</summary>
internal static class DerivedId
{
    public static Guid From(Guid seed, int purpose)
    {
        Span<byte> bytes = stackalloc byte[16];
        seed.TryWriteBytes(bytes);
        // Flip the bytes the purpose names; distinct purposes give distinct ids for one seed.
        bytes[0] ^= (byte)purpose;
        bytes[1] ^= (byte)(purpose >> 8);
        bytes[15] ^= 0x5A;
        return new Guid(bytes);
    }

    /// <summary>An id derived from two ids (a person within a scheme, say) and a purpose.</summary>
    public static Guid Combine(Guid first, Guid second, int purpose)
    {
        Span<byte> a = stackalloc byte[16];
        Span<byte> b = stackalloc byte[16];
        first.TryWriteBytes(a);
        second.TryWriteBytes(b);
        for (var i = 0; i < 16; i++) a[i] ^= (byte)(b[(i + 7) % 16] + i);
        return From(new Guid(a), purpose);
    }
}
