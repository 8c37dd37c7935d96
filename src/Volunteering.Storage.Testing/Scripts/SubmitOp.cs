namespace Volunteering.Storage.Testing.Scripts;

/// <summary>Submit one transfer request (<see cref="Volunteering.Domain.Ledger.DoubleEntryLedger.Submit"/>).</summary>
/// <param name="Spec">What to submit, resolved by <see cref="SpecResolver"/>.</param>
public sealed record SubmitOp(TransferSpec Spec) : LedgerOp;
