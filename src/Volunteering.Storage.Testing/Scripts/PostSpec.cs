namespace Volunteering.Storage.Testing.Scripts;

/// <summary>A post: move an amount at once.</summary>
/// <param name="Id">The transfer's pool index.</param>
/// <param name="Debit">The debit account's pool index.</param>
/// <param name="Credit">The credit account's pool index (may equal the debit: a request-only rejection).</param>
/// <param name="Amount">The amount; positive.</param>
/// <param name="Code">The transfer code.</param>
/// <param name="Memo">0 for no memo, 1 for "a", 2 for "b".</param>
public sealed record PostSpec(int Id, int Debit, int Credit, long Amount, int Code, int Memo) : TransferSpec;
