namespace Volunteering.Storage.Testing.Scripts;

/// <summary>Advance the script's clock, then optionally release due reservations
/// (<see cref="Volunteering.Domain.Ledger.DoubleEntryLedger.ExpirePending"/>).</summary>
/// <param name="Seconds">How far to advance, 0 or more.</param>
/// <param name="Expire">Whether to run the expiry.</param>
public sealed record AdvanceOp(int Seconds, bool Expire) : LedgerOp;
