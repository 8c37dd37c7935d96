using NodaTime.Testing;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;
using Volunteering.Domain.Storage;

namespace Volunteering.Storage.Testing.Scripts;

/// <summary>
/// Runs <see cref="LedgerScript"/> operations through <see cref="PersistentLedger.ExecuteAsync{T}"/>, on one writer or
/// on several in lockstep (for example a writer on the adapter under test and one on the reference store). Each
/// transfer spec is resolved once, so every writer is given the same requests; what later specs may refer to ("the most
/// recent pending transfer") follows the first writer's answers.
/// </summary>
/// <remarks>Not thread-safe: one driver per script run.</remarks>
public sealed class LedgerScriptDriver
{
    private readonly SpecResolver _resolver = new();
    private readonly List<TransferRequest> _applied = [];

    /// <summary>Creates a driver.</summary>
    /// <param name="clock">The clock every writer's ledger was opened with; <see cref="AdvanceOp"/> moves it.</param>
    public LedgerScriptDriver(FakeClock clock)
    {
        ArgumentNullException.ThrowIfNull(clock);
        Clock = clock;
    }

    /// <summary>The clock the script moves.</summary>
    public FakeClock Clock { get; }

    /// <summary>Every transfer id the script has named so far (it may include <see cref="TransferId"/>'s empty
    /// value).</summary>
    public IReadOnlyCollection<TransferId> Ids => _resolver.Ids;

    /// <summary>The requests that applied (answered <see cref="TransferResult.Ok"/> on the first writer), in order.</summary>
    public IReadOnlyList<TransferRequest> AppliedRequests => _applied;

    /// <summary>Runs one operation on one writer.</summary>
    /// <param name="writer">The writer.</param>
    /// <param name="op">The operation.</param>
    /// <param name="cancellationToken">Cancels the store calls.</param>
    /// <returns>What the writer answered.</returns>
    public async Task<LedgerStepOutcome> ExecuteAsync(PersistentLedger writer, LedgerOp op, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writer);
        var outcomes = await ExecuteAsync([writer], op, cancellationToken).ConfigureAwait(false);
        return outcomes[0];
    }

    /// <summary>Runs one operation on each writer in turn, with the same requests.</summary>
    /// <param name="writers">One or more writers; each keeps its own ledger (on its own store, or sharing one).</param>
    /// <param name="op">The operation.</param>
    /// <param name="cancellationToken">Cancels the store calls.</param>
    /// <returns>What each writer answered, in the order of <paramref name="writers"/>.</returns>
    /// <exception cref="ArgumentException">No writers were given.</exception>
    public async Task<IReadOnlyList<LedgerStepOutcome>> ExecuteAsync(IReadOnlyList<PersistentLedger> writers, LedgerOp op, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(writers);
        ArgumentNullException.ThrowIfNull(op);
        if (writers.Count == 0) throw new ArgumentException("At least one writer is needed.", nameof(writers));
        var outcomes = new LedgerStepOutcome[writers.Count];
        switch (op)
        {
            case OpenOp o when !(o.Floor > o.Ceiling):
            {
                var opening = LedgerScripts.Opening(o);
                for (var w = 0; w < writers.Count; w++)
                {
                    outcomes[w] = new LedgerStepOutcome(await writers[w].ExecuteAsync(l => l.OpenAccount(opening), cancellationToken).ConfigureAwait(false), []);
                }

                break;
            }

            case SubmitOp s:
            {
                var request = _resolver.Resolve(s.Spec, Clock.GetCurrentInstant());
                for (var w = 0; w < writers.Count; w++)
                {
                    var result = await writers[w].ExecuteAsync(l => l.Submit(request), cancellationToken).ConfigureAwait(false);
                    outcomes[w] = new LedgerStepOutcome(result, [new DecidedTransfer(request, result)]);
                }

                if (outcomes[0].Decided[0].Result == TransferResult.Ok) Applied(request);
                break;
            }

            case LinkedOp l:
            {
                var batch = Batch(l);
                for (var w = 0; w < writers.Count; w++)
                {
                    var (code, results) = await writers[w].ExecuteAsync(
                        ledger =>
                        {
                            var r = new TransferResult[batch.Length];
                            return (ledger.SubmitLinked(batch, r), r);
                        },
                        cancellationToken).ConfigureAwait(false);
                    DecidedTransfer[] decided = code == TransferResult.Ok ? [.. batch.Zip(results, static (q, r) => new DecidedTransfer(q, r))] : [];
                    outcomes[w] = new LedgerStepOutcome(code, decided);
                }

                foreach (var d in outcomes[0].Decided)
                {
                    if (d.Result == TransferResult.Ok) Applied(d.Request);
                }

                break;
            }

            case AdvanceOp a:
            {
                Clock.AdvanceSeconds(a.Seconds);
                for (var w = 0; w < writers.Count; w++)
                {
                    object? expired = a.Expire ? await writers[w].ExecuteAsync(static l => l.ExpirePending(), cancellationToken).ConfigureAwait(false) : null;
                    outcomes[w] = new LedgerStepOutcome(expired, []);
                }

                break;
            }

            case FreezeOp f:
                await AccountChangeAsync(writers, outcomes, l => l.FreezeAccount(LedgerScripts.Account(f.Account)), cancellationToken).ConfigureAwait(false);
                break;
            case UnfreezeOp u:
                await AccountChangeAsync(writers, outcomes, l => l.UnfreezeAccount(LedgerScripts.Account(u.Account)), cancellationToken).ConfigureAwait(false);
                break;
            case CloseOp c:
                await AccountChangeAsync(writers, outcomes, l => l.CloseAccount(LedgerScripts.Account(c.Account)), cancellationToken).ConfigureAwait(false);
                break;
            case LimitsOp m when !(m.Floor > m.Ceiling):
                await AccountChangeAsync(writers, outcomes, l => l.ChangeLimits(LedgerScripts.Account(m.Account), m.Floor, m.Ceiling), cancellationToken).ConfigureAwait(false);
                break;
            default:
                Array.Fill(outcomes, new LedgerStepOutcome(null, []));
                break;
        }

        return outcomes;
    }

    private TransferRequest[] Batch(LinkedOp op)
    {
        var requests = new List<TransferRequest>();
        for (var i = 0; i <= op.Members.Count; i++)
        {
            if (i == op.PoisonAt) requests.Add(_resolver.Poison(op.Members.Count + i));
            if (i < op.Members.Count) requests.Add(_resolver.Resolve(op.Members[i], Clock.GetCurrentInstant()));
        }

        return [.. requests];
    }

    private static async Task AccountChangeAsync(IReadOnlyList<PersistentLedger> writers, LedgerStepOutcome[] outcomes, Func<DoubleEntryLedger, AccountResult> change, CancellationToken cancellationToken)
    {
        for (var w = 0; w < writers.Count; w++)
        {
            outcomes[w] = new LedgerStepOutcome(await writers[w].ExecuteAsync(change, cancellationToken).ConfigureAwait(false), []);
        }
    }

    private void Applied(TransferRequest request)
    {
        _resolver.Applied(request);
        _applied.Add(request);
    }
}
