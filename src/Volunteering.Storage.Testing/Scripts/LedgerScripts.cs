using NodaTime;
using NodaTime.Testing;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;

namespace Volunteering.Storage.Testing.Scripts;

/// <summary>
/// The fixed names a <see cref="LedgerScript"/> refers to: account and transfer ids drawn from small pools by index (so
/// collisions, repeats and references to unknown ids happen often), the two assets, the one owner and the clock's start.
/// Everything is deterministic, so a failing script reads the same on every run.
/// </summary>
public static class LedgerScripts
{
    /// <summary>The instant every script's clock starts at: 2026-01-01T00:00:00Z.</summary>
    public static Instant Start { get; } = Instant.FromUtc(2026, 1, 1, 0, 0);

    /// <summary>The owner of accounts opened with <see cref="OpenOp.Owner"/> 1 (0 opens a system account, owner
    /// <see cref="Guid.Empty"/>).</summary>
    public static Guid Owner { get; } = new("5e1f0000-0000-0000-0000-000000000001");

    /// <summary>A fresh clock at <see cref="Start"/>; scripts move it with <see cref="AdvanceOp"/>.</summary>
    public static FakeClock NewClock() => new(Start);

    /// <summary>The account id of pool index <paramref name="index"/>: deterministic and never empty.</summary>
    /// <param name="index">Any index; scripts use 0 to <see cref="LedgerGen.AccountPool"/> − 1.</param>
    public static AccountId Account(int index) => new(new Guid(0x0A000000 + index, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1));

    /// <summary>The transfer id of pool index <paramref name="index"/>: deterministic, never empty, and never equal to
    /// an account id of the same index.</summary>
    /// <param name="index">Any index.</param>
    public static TransferId Transfer(int index) => new(new Guid(0x07000000 + index, 0, 0, 0, 0, 0, 0, 0, 0, 0, 2));

    /// <summary>The asset of asset index <paramref name="index"/>: 0 is time credit, anything else points.</summary>
    /// <param name="index">The index.</param>
    public static Asset AssetOf(int index) => index == 0 ? Asset.TimeCredit : Asset.Points;

    /// <summary>The opening request an <see cref="OpenOp"/> stands for.</summary>
    /// <param name="op">The operation.</param>
    /// <exception cref="ArgumentException">The operation's floor is above its ceiling (scripts generate that on purpose:
    /// it is a programmer error the ledger must refuse).</exception>
    public static OpenAccountRequest Opening(OpenOp op)
    {
        ArgumentNullException.ThrowIfNull(op);
        return new OpenAccountRequest(Account(op.Account), AssetOf(op.Asset), op.Owner == 0 ? Guid.Empty : Owner, op.Code, op.Floor, op.Ceiling);
    }
}
