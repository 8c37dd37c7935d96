namespace Volunteering.Storage.Testing.Scripts;

/// <summary>What to submit, in pool indexes; <see cref="SpecResolver.Resolve"/> turns it into a
/// <see cref="Volunteering.Domain.Ledger.TransferRequest"/> from the history of what was submitted before.</summary>
public abstract record TransferSpec;
