namespace Volunteering.Storage.Testing.Scripts;

/// <summary>One step of a <see cref="LedgerScript"/>. The derived records name accounts and transfers by pool index
/// (see <see cref="LedgerScripts"/>); <see cref="LedgerScriptDriver"/> turns them into ledger calls.</summary>
public abstract record LedgerOp;
