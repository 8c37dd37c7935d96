namespace Volunteering.Storage.Testing.Scripts;

/// <summary>Unfreeze an account.</summary>
/// <param name="Account">The account's pool index.</param>
public sealed record UnfreezeOp(int Account) : LedgerOp;
