namespace Volunteering.Storage.Testing.Scripts;

/// <summary>Reverse a transfer.</summary>
/// <param name="Id">The reversal's pool index.</param>
/// <param name="Target">A negative value names the (−n)-th most recently applied post or post-pending; any other value
/// a pool index.</param>
public sealed record ReverseSpec(int Id, int Target) : TransferSpec;
