namespace Volunteering.Storage.Testing.Scripts;

/// <summary>Freeze an account.</summary>
/// <param name="Account">The account's pool index.</param>
public sealed record FreezeOp(int Account) : LedgerOp;
