namespace Volunteering.Storage.Testing.Scripts;

/// <summary>Open an account (<see cref="Volunteering.Domain.Ledger.DoubleEntryLedger.OpenAccount"/>).</summary>
/// <param name="Account">The account's pool index.</param>
/// <param name="Asset">The asset index: 0 time credit, 1 points (see <see cref="LedgerScripts.AssetOf"/>).</param>
/// <param name="Floor">The floor, or null for none.</param>
/// <param name="Ceiling">The ceiling, or null for none. A floor above the ceiling is a programmer error the driver
/// skips.</param>
/// <param name="Owner">0 for a system account, 1 for <see cref="LedgerScripts.Owner"/>.</param>
/// <param name="Code">The account code.</param>
public sealed record OpenOp(int Account, int Asset, long? Floor, long? Ceiling, int Owner, int Code) : LedgerOp;
