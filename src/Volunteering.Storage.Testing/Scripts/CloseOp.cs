namespace Volunteering.Storage.Testing.Scripts;

/// <summary>Close an account.</summary>
/// <param name="Account">The account's pool index.</param>
public sealed record CloseOp(int Account) : LedgerOp;
