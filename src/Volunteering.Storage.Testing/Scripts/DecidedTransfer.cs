using Volunteering.Domain.Ledger;

namespace Volunteering.Storage.Testing.Scripts;

/// <summary>A transfer request a script step submitted, and the ledger's answer.</summary>
/// <param name="Request">The request.</param>
/// <param name="Result">The answer.</param>
public readonly record struct DecidedTransfer(TransferRequest Request, TransferResult Result);
