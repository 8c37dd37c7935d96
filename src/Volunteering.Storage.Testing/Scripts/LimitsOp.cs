namespace Volunteering.Storage.Testing.Scripts;

/// <summary>Change an account's limits.</summary>
/// <param name="Account">The account's pool index.</param>
/// <param name="Floor">The new floor, or null for none.</param>
/// <param name="Ceiling">The new ceiling, or null for none. A floor above the ceiling is a programmer error the driver
/// skips.</param>
public sealed record LimitsOp(int Account, long? Floor, long? Ceiling) : LedgerOp;
