using FsCheck;

namespace Volunteering.Storage.Testing.Scripts;

/// <summary>For <c>[Property(Arbitrary = new[] { typeof(LedgerArbitraries) })]</c> on in-memory ledger tests: scripts
/// of up to 60 operations.</summary>
public static class LedgerArbitraries
{
    /// <summary>The most random operations in a script.</summary>
    public const int MaxOps = 60;

    /// <summary>Scripts of up to <see cref="MaxOps"/> operations.</summary>
    public static Arbitrary<LedgerScript> Scripts() => LedgerGen.Scripts(MaxOps);
}
