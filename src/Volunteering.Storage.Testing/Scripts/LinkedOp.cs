namespace Volunteering.Storage.Testing.Scripts;

/// <summary>Submit a linked batch (<see cref="Volunteering.Domain.Ledger.DoubleEntryLedger.SubmitLinked"/>): all members
/// apply or none does.</summary>
/// <param name="Members">The members, in order.</param>
/// <param name="PoisonAt">When not negative, a member that always fails (the same account on both sides) is inserted
/// before member <paramref name="PoisonAt"/> (or after the last when it equals the member count).</param>
public sealed record LinkedOp(IReadOnlyList<TransferSpec> Members, int PoisonAt) : LedgerOp
{
    /// <summary>The members written out, for counterexamples.</summary>
    public override string ToString() => $"LinkedOp {{ PoisonAt = {PoisonAt}, Members = [{string.Join(", ", Members.Select(static m => m.ToString()))}] }}";
}
