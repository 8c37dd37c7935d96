namespace Volunteering.Storage.Testing.Scripts;

/// <summary>Void a pending transfer.</summary>
/// <param name="Id">The transfer's pool index.</param>
/// <param name="Pending">As in <see cref="PostPendingSpec.Pending"/>.</param>
public sealed record VoidSpec(int Id, int Pending) : TransferSpec;
