namespace Volunteering.Storage.Testing.Scripts;

/// <summary>A pending transfer: reserve an amount.</summary>
/// <param name="Id">The transfer's pool index.</param>
/// <param name="Debit">The debit account's pool index.</param>
/// <param name="Credit">The credit account's pool index.</param>
/// <param name="Amount">The amount; positive.</param>
/// <param name="Code">The transfer code.</param>
/// <param name="ExpirySeconds">Seconds after the clock's time of submission when it expires (0 or less is already due:
/// the ledger refuses it), or null for never.</param>
public sealed record PendingSpec(int Id, int Debit, int Credit, long Amount, int Code, int? ExpirySeconds) : TransferSpec;
