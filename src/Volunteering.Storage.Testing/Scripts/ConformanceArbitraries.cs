using FsCheck;

namespace Volunteering.Storage.Testing.Scripts;

/// <summary>For the conformance kit's ledger properties, which run against real databases in CI: shorter scripts
/// (up to 24 operations after the openings) than <see cref="LedgerArbitraries"/>.</summary>
public static class ConformanceArbitraries
{
    /// <summary>The most random operations in a script.</summary>
    public const int MaxOps = 24;

    /// <summary>Scripts of up to <see cref="MaxOps"/> operations.</summary>
    public static Arbitrary<LedgerScript> Scripts() => LedgerGen.Scripts(MaxOps);
}
