using NodaTime;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Quantities;

namespace Volunteering.Domain.Aid;

/// <summary>One movement of aid money a report counts: a payment (a positive amount) or a payment's reversal (a
/// negative one), with the ledger transfer that made it, so the report can be reconciled with the ledger line by
/// line.</summary>
/// <param name="Application">The application.</param>
/// <param name="Beneficiary">The beneficiary.</param>
/// <param name="Payment">The payment.</param>
/// <param name="Transfer">The ledger transfer: the payment's, or its reversal's.</param>
/// <param name="Amount">Positive for a payment, negative for a reversal.</param>
/// <param name="At">The ledger entry's timestamp.</param>
public readonly record struct AidPaymentLine(AidApplicationId Application, BeneficiaryId Beneficiary, PaymentId Payment, TransferId Transfer, Money Amount, Instant At)
{
    /// <summary>True for a reversal.</summary>
    public bool IsReversal => Amount.IsNegative;
}
