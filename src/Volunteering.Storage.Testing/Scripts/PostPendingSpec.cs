namespace Volunteering.Storage.Testing.Scripts;

/// <summary>Post all or part of a pending transfer.</summary>
/// <param name="Id">The transfer's pool index.</param>
/// <param name="Pending">A negative value names the (−n)-th most recently applied pending transfer; any other value a
/// pool index (which may be unknown, failed or not pending).</param>
/// <param name="Mode">0 the full pending amount, 1 half of it, 2 one more than it, 3 <paramref name="Amount"/>.</param>
/// <param name="Amount">The amount for mode 3, and when the pending transfer is unknown.</param>
public sealed record PostPendingSpec(int Id, int Pending, int Mode, long Amount) : TransferSpec;
