using Ardalis.GuardClauses;
using NodaTime;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;
using Volunteering.Domain.Quantities;

namespace Volunteering.Domain.Aid;

/// <summary>
/// Moves aid money on a ledger, in CNY fen (<see cref="Asset.MoneyCny"/>). A programme's fund
/// (<see cref="FundAccountId"/>, floor 0) receives donations and allocations from donors' accounts
/// (<see cref="DonorAccountId"/>, ceiling 0: a donor's balance is minus what it gave) and pays beneficiaries' accounts
/// (<see cref="BeneficiaryAccountId"/>, one per beneficiary and programme, floor 0). A payment is reversed by a ledger
/// reversal, never deleted.
/// </summary>
/// <remarks>
/// <para>Every transfer id is derived from the domain id that caused it (the contribution id, the payment id), so a
/// repeated or raced command names the same transfer and the ledger's idempotency applies on top of the aggregate's
/// own. Transfers are submitted as one-member linked batches, so a refusal journals nothing and burns no id.</para>
/// <para>Accounts are opened when first needed, only once the movement is known to fit (the fund is open, not frozen,
/// and holds the amount), so a refusal leaves the ledger as it was. Not thread-safe, like the ledger.</para>
/// </remarks>
public sealed class AidFunds
{
    private const int FundPurpose = 0x4A01;
    private const int DonorPurpose = 0x4A02;
    private const int BeneficiaryPurpose = 0x4A03;
    private const int ContributionPurpose = 0x4A04;
    private const int PaymentPurpose = 0x4A05;
    private const int ReversalPurpose = 0x4A06;

    /// <summary>Moves money on a ledger.</summary>
    /// <param name="ledger">The ledger (for a store, <see cref="Storage.PersistentLedger.Ledger"/>).</param>
    public AidFunds(DoubleEntryLedger ledger) => Ledger = Guard.Against.Null(ledger);

    /// <summary>The ledger.</summary>
    public DoubleEntryLedger Ledger { get; }

    /// <summary>A programme's fund account.</summary>
    /// <param name="programme">The programme; not empty.</param>
    public static AccountId FundAccountId(ProgrammeId programme)
    {
        Guard.Against.Expression(static x => x.IsEmpty, programme, "A programme id must not be empty.", nameof(programme));
        return new AccountId(DerivedId.From(programme.Value, FundPurpose));
    }

    /// <summary>A donor's account (one for all programmes).</summary>
    /// <param name="donor">The donor; not empty.</param>
    public static AccountId DonorAccountId(DonorId donor)
    {
        Guard.Against.Expression(static x => x.IsEmpty, donor, "A donor id must not be empty.", nameof(donor));
        return new AccountId(DerivedId.From(donor.Value, DonorPurpose));
    }

    /// <summary>A beneficiary's account within a programme.</summary>
    /// <param name="programme">The programme; not empty.</param>
    /// <param name="beneficiary">The beneficiary; not empty.</param>
    public static AccountId BeneficiaryAccountId(ProgrammeId programme, BeneficiaryId beneficiary)
    {
        Guard.Against.Expression(static x => x.IsEmpty, programme, "A programme id must not be empty.", nameof(programme));
        Guard.Against.Expression(static x => x.IsEmpty, beneficiary, "A beneficiary id must not be empty.", nameof(beneficiary));
        return new AccountId(DerivedId.Combine(beneficiary.Value, programme.Value, BeneficiaryPurpose));
    }

    /// <summary>The transfer id of a contribution.</summary>
    /// <param name="contribution">The contribution; not empty.</param>
    public static TransferId ContributionTransferId(ContributionId contribution)
    {
        Guard.Against.Expression(static x => x.IsEmpty, contribution, "A contribution id must not be empty.", nameof(contribution));
        return new TransferId(DerivedId.From(contribution.Value, ContributionPurpose));
    }

    /// <summary>The transfer id of a payment.</summary>
    /// <param name="payment">The payment; not empty.</param>
    public static TransferId PaymentTransferId(PaymentId payment)
    {
        Guard.Against.Expression(static x => x.IsEmpty, payment, "A payment id must not be empty.", nameof(payment));
        return new TransferId(DerivedId.From(payment.Value, PaymentPurpose));
    }

    /// <summary>The transfer id of a payment's reversal.</summary>
    /// <param name="payment">The payment; not empty.</param>
    public static TransferId ReversalTransferId(PaymentId payment)
    {
        Guard.Against.Expression(static x => x.IsEmpty, payment, "A payment id must not be empty.", nameof(payment));
        return new TransferId(DerivedId.From(payment.Value, ReversalPurpose));
    }

    /// <summary>Opens a programme's fund account (money, floor 0, owned by the programme) if it is not open.</summary>
    /// <param name="programme">The programme.</param>
    /// <returns><see cref="AidResult.Ok"/>; <see cref="AidResult.LedgerRejected"/> when an account with the id exists
    /// with other settings.</returns>
    public AidResult OpenFund(ProgrammeId programme)
    {
        var opened = Ledger.OpenAccount(new OpenAccountRequest(FundAccountId(programme), Asset.MoneyCny, programme.Value, (int)AidAccountCode.Fund, 0, null));
        return opened is AccountResult.Ok or AccountResult.Exists ? AidResult.Ok : AidResult.LedgerRejected;
    }

    /// <summary>The fund's posted balance, or zero when its account is not open.</summary>
    /// <param name="programme">The programme.</param>
    public Money FundBalance(ProgrammeId programme)
        => Ledger.TryGetAccount(FundAccountId(programme), out var fund) ? Money.FromFen(fund.Balance) : Money.Zero;

    /// <summary>Moves a contribution from the donor's account (opened if missing) to the fund.</summary>
    /// <param name="programme">The programme, whose fund is open.</param>
    /// <param name="contribution">The contribution; its transfer id is derived from it.</param>
    /// <param name="donor">The donor.</param>
    /// <param name="source">A donation or an allocation (the transfer's code).</param>
    /// <param name="amount">The amount; positive, CNY.</param>
    /// <param name="memo">The transfer's memo (no personal data); cut to <see cref="TransferRequest.MaxMemoLength"/>.</param>
    /// <returns><see cref="AidResult.Ok"/> with the entry's timestamp; <see cref="AidResult.ContributionIdTaken"/> when the
    /// transfer exists already (the programme checks its own contributions first, so it is another's);
    /// <see cref="AidResult.LedgerRejected"/>.</returns>
    public AidLedgerOutcome Receive(ProgrammeId programme, ContributionId contribution, DonorId donor, FundSource source, Money amount, string memo)
    {
        AidAmounts.Positive(amount, nameof(amount));
        if (!Enum.IsDefined(source)) throw new ArgumentOutOfRangeException(nameof(source), source, "Not a defined fund source.");
        var id = ContributionTransferId(contribution);
        var code = source == FundSource.Donation ? AidTransferCode.Donation : AidTransferCode.Allocation;
        var request = TransferRequest.Post(id, DonorAccountId(donor), FundAccountId(programme), amount.Fen, (int)code, Memo(memo));
        if (Ledger.TryGetTransfer(id, out _)) return new AidLedgerOutcome(AidResult.ContributionIdTaken, TransferResult.Exists, default); // not this programme's: it knows its own
        if (!Ledger.TryGetAccount(FundAccountId(programme), out var fund)) return new AidLedgerOutcome(AidResult.LedgerRejected, TransferResult.CreditAccountNotFound, default);
        if (fund.IsFrozen || fund.IsClosed) return new AidLedgerOutcome(AidResult.LedgerRejected, fund.IsClosed ? TransferResult.CreditAccountClosed : TransferResult.CreditAccountFrozen, default);
        var opened = Ledger.OpenAccount(new OpenAccountRequest(DonorAccountId(donor), Asset.MoneyCny, donor.Value, (int)AidAccountCode.Donor, null, 0));
        if (opened is not (AccountResult.Ok or AccountResult.Exists)) return new AidLedgerOutcome(AidResult.LedgerRejected, TransferResult.Ok, default);
        return Submit(request, AidResult.ContributionIdTaken);
    }

    /// <summary>Pays a beneficiary from the fund; the beneficiary's account is opened if missing, once the fund is known
    /// to hold the amount.</summary>
    /// <param name="programme">The programme.</param>
    /// <param name="beneficiary">The beneficiary.</param>
    /// <param name="payment">The payment; its transfer id is derived from it.</param>
    /// <param name="amount">The amount; positive, CNY.</param>
    /// <param name="memo">The transfer's memo (no personal data); cut to <see cref="TransferRequest.MaxMemoLength"/>.</param>
    /// <returns><see cref="AidResult.Ok"/> with the entry's timestamp; <see cref="AidResult.FundInsufficient"/>;
    /// <see cref="AidResult.PaymentIdTaken"/> when the transfer exists already (the application checks its own payments
    /// first, so it is another's); <see cref="AidResult.LedgerRejected"/>.</returns>
    public AidLedgerOutcome Pay(ProgrammeId programme, BeneficiaryId beneficiary, PaymentId payment, Money amount, string memo)
    {
        AidAmounts.Positive(amount, nameof(amount));
        var id = PaymentTransferId(payment);
        var fundId = FundAccountId(programme);
        var accountId = BeneficiaryAccountId(programme, beneficiary);
        var request = TransferRequest.Post(id, fundId, accountId, amount.Fen, (int)AidTransferCode.AidPayment, Memo(memo));
        if (Ledger.TryGetTransfer(id, out _)) return new AidLedgerOutcome(AidResult.PaymentIdTaken, TransferResult.Exists, default); // not this application's: it knows its own
        if (!Ledger.TryGetAccount(fundId, out var fund)) return new AidLedgerOutcome(AidResult.LedgerRejected, TransferResult.DebitAccountNotFound, default);
        if (fund.IsFrozen || fund.IsClosed) return new AidLedgerOutcome(AidResult.LedgerRejected, fund.IsClosed ? TransferResult.DebitAccountClosed : TransferResult.DebitAccountFrozen, default);
        if (fund.Available < amount.Fen) return new AidLedgerOutcome(AidResult.FundInsufficient, TransferResult.ExceedsFloor, default);
        var opened = Ledger.OpenAccount(new OpenAccountRequest(accountId, Asset.MoneyCny, beneficiary.Value, (int)AidAccountCode.Beneficiary, 0, null));
        if (opened is not (AccountResult.Ok or AccountResult.Exists)) return new AidLedgerOutcome(AidResult.LedgerRejected, TransferResult.Ok, default);
        return Submit(request, AidResult.PaymentIdTaken);
    }

    /// <summary>Reverses a payment: the fund is credited back and the beneficiary's account debited by what it moved.</summary>
    /// <param name="payment">The payment to reverse; the reversal's id is derived from it.</param>
    /// <param name="memo">The reversal's memo (the reason, without personal data); cut to
    /// <see cref="TransferRequest.MaxMemoLength"/>.</param>
    /// <returns><see cref="AidResult.Ok"/> with the reversal's timestamp (also for a repeat);
    /// <see cref="AidResult.LedgerRejected"/> (no such transfer, reversed under another id, a frozen account, ...).</returns>
    public AidLedgerOutcome Reverse(PaymentId payment, string memo)
        => Submit(TransferRequest.Reverse(ReversalTransferId(payment), PaymentTransferId(payment), Memo(memo)), AidResult.LedgerRejected);

    private AidLedgerOutcome Submit(TransferRequest request, AidResult whenIdTaken)
    {
        Span<TransferResult> results = stackalloc TransferResult[1];
        var result = Ledger.SubmitLinked([request], results);
        if (result is TransferResult.Ok or TransferResult.Exists && Ledger.TryGetTransfer(request.Id, out var applied))
        {
            return new AidLedgerOutcome(AidResult.Ok, result, applied.Timestamp);
        }

        var code = result switch
        {
            TransferResult.ExceedsFloor when request.Kind == TransferKind.Post => AidResult.FundInsufficient,
            >= TransferResult.ExistsWithDifferentKind and <= TransferResult.IdAlreadyFailed => whenIdTaken,
            _ => AidResult.LedgerRejected,
        };
        return new AidLedgerOutcome(code, result, default);
    }

    private static string Memo(string memo)
    {
        Guard.Against.Null(memo);
        if (memo.Length <= TransferRequest.MaxMemoLength) return memo;
        var cut = TransferRequest.MaxMemoLength;
        if (char.IsHighSurrogate(memo[cut - 1])) cut--; // never split a surrogate pair
        return memo[..cut];
    }
}
