using NodaTime;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Quantities;

namespace Volunteering.Domain.Aid;

/// <summary>One payment of an application, and its reversal if it was reversed (a reversed payment stays in the
/// record). Read-only to callers; change it through <see cref="AidApplication"/>.</summary>
public sealed class AidPayment
{
    internal AidPayment(PaymentMade e)
    {
        Id = e.PaymentId;
        Instalment = e.Instalment;
        Amount = e.Amount;
        PaidAt = e.At;
    }

    /// <summary>The payment id.</summary>
    public PaymentId Id { get; }

    /// <summary>The instalment it pays, from 1.</summary>
    public int Instalment { get; }

    /// <summary>The amount paid.</summary>
    public Money Amount { get; }

    /// <summary>When it was paid (the ledger entry's timestamp).</summary>
    public Instant PaidAt { get; }

    /// <summary>True once reversed.</summary>
    public bool IsReversed => Reversal is not null;

    /// <summary>Its reversal, or null.</summary>
    public PaymentReversed? Reversal { get; private set; }

    /// <summary>The ledger transfer that paid it.</summary>
    public TransferId TransferId => AidFunds.PaymentTransferId(Id);

    internal void Reverse(PaymentReversed e) => Reversal = e;
}
