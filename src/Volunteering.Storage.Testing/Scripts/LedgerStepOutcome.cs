namespace Volunteering.Storage.Testing.Scripts;

/// <summary>What one writer answered to one step of a script (see <see cref="LedgerScriptDriver"/>). Two outcomes are
/// equal when their results are equal and they decided the same requests with the same answers, in order.</summary>
/// <param name="Result">The step's answer: an <see cref="Volunteering.Domain.Ledger.AccountResult"/> for account
/// operations, a <see cref="Volunteering.Domain.Ledger.TransferResult"/> for a submission or a linked batch, the number
/// of reservations released (an <see cref="int"/>) for an advance with expiry, or null for an advance without expiry and
/// for a step skipped as a programmer error (a floor above the ceiling).</param>
/// <param name="Decided">The transfer requests the step decided, with their answers: the one request of a submission,
/// every member of a linked batch that applied, nothing otherwise (members of a failed batch are not decided on their
/// own).</param>
public sealed record LedgerStepOutcome(object? Result, IReadOnlyList<DecidedTransfer> Decided)
{
    /// <summary>Equal results and the same decided requests and answers, in order.</summary>
    /// <param name="other">The other outcome.</param>
    public bool Equals(LedgerStepOutcome? other)
        => other is not null && Equals(Result, other.Result) && Decided.SequenceEqual(other.Decided);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Result, Decided.Count);

    /// <summary>The result and the decided requests, for assertion messages.</summary>
    public override string ToString()
        => $"{Result?.ToString() ?? "(none)"} [{string.Join(", ", Decided.Select(static d => $"{d.Request.Kind} {d.Request.Id}: {d.Result}"))}]";
}
