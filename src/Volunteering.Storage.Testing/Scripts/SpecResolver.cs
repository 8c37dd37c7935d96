using NodaTime;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;

namespace Volunteering.Storage.Testing.Scripts;

/// <summary>
/// Turns <see cref="TransferSpec"/>s into <see cref="TransferRequest"/>s. It looks only at what was submitted and
/// applied before (never at a ledger), so every ledger a script runs on is given the same requests and can be compared.
/// </summary>
public sealed class SpecResolver
{
    private static readonly string?[] Memos = [null, "a", "b"];
    private readonly List<TransferRequest> _submitted = [];
    private readonly Dictionary<TransferId, long> _pendingAmounts = [];
    private readonly List<TransferId> _pendings = [];
    private readonly List<TransferId> _movements = [];
    private readonly HashSet<TransferId> _ids = [];

    /// <summary>Every transfer id resolved so far, including the related ids requests named (and possibly
    /// <see cref="TransferId"/>'s empty value for requests that name none).</summary>
    public IReadOnlyCollection<TransferId> Ids => _ids;

    /// <summary>The request <paramref name="spec"/> stands for now, noted as submitted. Call it once per submission,
    /// before submitting.</summary>
    /// <param name="spec">The spec.</param>
    /// <param name="now">The clock's current instant (pending expiries are relative to it).</param>
    /// <exception cref="ArgumentOutOfRangeException">An unknown kind of spec.</exception>
    public TransferRequest Resolve(TransferSpec spec, Instant now)
    {
        ArgumentNullException.ThrowIfNull(spec);
        var request = spec switch
        {
            PostSpec p => TransferRequest.Post(Id(p.Id), Account(p.Debit), Account(p.Credit), p.Amount, p.Code, Memos[p.Memo]),
            PendingSpec p => TransferRequest.Pending(Id(p.Id), Account(p.Debit), Account(p.Credit), p.Amount, p.Code,
                p.ExpirySeconds is { } s ? now + Duration.FromSeconds(s) : null),
            PostPendingSpec p => TransferRequest.PostPending(Id(p.Id), Related(p.Pending, _pendings), PostAmount(Related(p.Pending, _pendings), p.Mode, p.Amount)),
            VoidSpec v => TransferRequest.VoidPending(Id(v.Id), Related(v.Pending, _pendings)),
            ReverseSpec r => TransferRequest.Reverse(Id(r.Id), Related(r.Target, _movements)),
            RepeatSpec r => Repeat(r, now),
            _ => throw new ArgumentOutOfRangeException(nameof(spec), spec, "Unknown spec."),
        };
        Record(request);
        return request;
    }

    /// <summary>Notes a request submitted without a spec.</summary>
    /// <param name="request">The request.</param>
    public void Record(TransferRequest request)
    {
        _submitted.Add(request);
        _ids.Add(request.Id);
        _ids.Add(request.RelatedTransferId);
        if (request.Kind == TransferKind.Pending) _pendingAmounts[request.Id] = request.Amount;
    }

    /// <summary>Notes that a request was applied (answered <see cref="TransferResult.Ok"/>), so later specs can name it
    /// as their related transfer. Whoever runs the requests calls this.</summary>
    /// <param name="request">The request.</param>
    public void Applied(TransferRequest request)
    {
        if (request.Kind == TransferKind.Pending) _pendings.Add(request.Id);
        if (request.Kind is TransferKind.Post or TransferKind.PostPending) _movements.Add(request.Id);
    }

    /// <summary>A linked-batch member that always fails (the same account on both sides), noted as submitted.</summary>
    /// <param name="id">Its transfer's pool index.</param>
    public TransferRequest Poison(int id)
    {
        var poison = TransferRequest.Post(Id(id), Account(0), Account(0), 1, 1);
        Record(poison);
        return poison;
    }

    private static AccountId Account(int index) => LedgerScripts.Account(index);

    private static TransferId Id(int index) => LedgerScripts.Transfer(index);

    private static TransferId Related(int reference, List<TransferId> recent)
        => reference >= 0 ? Id(reference) : recent.Count == 0 ? Id(0) : recent[Math.Max(0, recent.Count + reference)];

    private long PostAmount(TransferId pending, int mode, long fixedAmount)
    {
        if (!_pendingAmounts.TryGetValue(pending, out var amount)) return fixedAmount;
        return mode switch
        {
            0 => amount,
            1 => Math.Max(1, amount / 2),
            2 => amount == long.MaxValue ? amount : amount + 1,
            _ => fixedAmount,
        };
    }

    private TransferRequest Repeat(RepeatSpec spec, Instant now)
    {
        if (_submitted.Count == 0) return TransferRequest.Post(Id(0), Account(0), Account(1), 1, 1);
        var r = _submitted[_submitted.Count - 1 - (spec.Back % _submitted.Count)];
        var memo = r.Memo == "b" ? "a" : "b";
        switch (spec.Mutation)
        {
            case 1 when r.Amount is > 0 and < long.MaxValue:
                return r.Kind switch
                {
                    TransferKind.Post => TransferRequest.Post(r.Id, r.DebitAccountId, r.CreditAccountId, r.Amount + 1, r.Code, r.Memo),
                    TransferKind.Pending => TransferRequest.Pending(r.Id, r.DebitAccountId, r.CreditAccountId, r.Amount + 1, r.Code, r.ExpiresAt, r.Memo),
                    _ => TransferRequest.PostPending(r.Id, r.RelatedTransferId, r.Amount + 1, r.Memo),
                };
            case 3 when r.Kind is TransferKind.Post or TransferKind.Pending:
                return r.Kind == TransferKind.Post
                    ? TransferRequest.Post(r.Id, r.DebitAccountId, r.CreditAccountId, r.Amount, r.Code + 1, r.Memo)
                    : TransferRequest.Pending(r.Id, r.DebitAccountId, r.CreditAccountId, r.Amount, r.Code + 1, r.ExpiresAt, r.Memo);
            case 4 when r.Kind is TransferKind.Post:
                return TransferRequest.Post(r.Id, r.CreditAccountId, r.DebitAccountId, r.Amount, r.Code, r.Memo);
            case 4 when r.Kind is TransferKind.PostPending or TransferKind.VoidPending or TransferKind.Reversal:
            {
                var other = r.RelatedTransferId == Id(0) ? Id(1) : Id(0);
                return r.Kind switch
                {
                    TransferKind.PostPending => TransferRequest.PostPending(r.Id, other, r.Amount, r.Memo),
                    TransferKind.VoidPending => TransferRequest.VoidPending(r.Id, other, r.Memo),
                    _ => TransferRequest.Reverse(r.Id, other, r.Memo),
                };
            }

            case 5 when r.Kind is TransferKind.Pending:
                return TransferRequest.Pending(r.Id, r.DebitAccountId, r.CreditAccountId, r.Amount, r.Code,
                    r.ExpiresAt is null ? now + Duration.FromHours(1) : null, r.Memo);
            case 6:
                return r.Kind == TransferKind.Post
                    ? TransferRequest.Pending(r.Id, r.DebitAccountId, r.CreditAccountId, r.Amount, r.Code)
                    : TransferRequest.Post(r.Id, Account(0), Account(1), 1, 1);
            case 0:
                return r;
            default:
                return r.Kind switch
                {
                    TransferKind.Post => TransferRequest.Post(r.Id, r.DebitAccountId, r.CreditAccountId, r.Amount, r.Code, memo),
                    TransferKind.Pending => TransferRequest.Pending(r.Id, r.DebitAccountId, r.CreditAccountId, r.Amount, r.Code, r.ExpiresAt, memo),
                    TransferKind.PostPending => TransferRequest.PostPending(r.Id, r.RelatedTransferId, r.Amount, memo),
                    TransferKind.VoidPending => TransferRequest.VoidPending(r.Id, r.RelatedTransferId, memo),
                    _ => TransferRequest.Reverse(r.Id, r.RelatedTransferId, memo),
                };
        }
    }
}
