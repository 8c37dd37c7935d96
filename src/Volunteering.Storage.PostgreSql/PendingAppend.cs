using Volunteering.Domain.Storage;

namespace Volunteering.Storage.PostgreSql;

/// <summary>
/// One caller's <see cref="IRecordStore.AppendAsync"/> waiting for the store's writer: the batch, its plan and
/// serialized payloads, and the task the caller awaits. While it is queued the caller's token can cancel it (then it is
/// never written); once the writer has taken it into a transaction it runs to the end, so a cancelled append either
/// wrote nothing (and threw) or wrote everything (and answered).
/// </summary>
internal sealed class PendingAppend
{
    private const int Queued = 0;
    private const int Taken = 1;
    private const int Cancelled = 2;

    private readonly TaskCompletionSource<AppendResult> _completion = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly CancellationTokenRegistration _registration;
    private int _state;

    internal PendingAppend(IReadOnlyList<NewRecord> batch, BatchPlan plan, SerializedPayload[] payloads, CancellationToken cancellationToken)
    {
        Batch = batch;
        Plan = plan;
        Payloads = payloads;
        if (cancellationToken.CanBeCanceled)
        {
            _registration = cancellationToken.UnsafeRegister(static (state, token) => ((PendingAppend)state!).Cancel(token), this);
        }
    }

    internal IReadOnlyList<NewRecord> Batch { get; }

    internal BatchPlan Plan { get; }

    internal SerializedPayload[] Payloads { get; }

    /// <summary>What the caller awaits.</summary>
    internal Task<AppendResult> Task => _completion.Task;

    /// <summary>Takes the append into a transaction; false if its caller cancelled it first.</summary>
    internal bool TryTake() => Interlocked.CompareExchange(ref _state, Taken, Queued) == Queued;

    /// <summary>Answers the caller.</summary>
    internal void Complete(AppendResult result)
    {
        _registration.Dispose();
        _completion.TrySetResult(result);
    }

    /// <summary>Fails the caller's append: nothing of it was written, or (for an error at commit) it is unknown.</summary>
    internal void Fail(Exception exception)
    {
        _registration.Dispose();
        _completion.TrySetException(exception);
    }

    private void Cancel(CancellationToken token)
    {
        if (Interlocked.CompareExchange(ref _state, Cancelled, Queued) == Queued) _completion.TrySetCanceled(token);
    }
}
