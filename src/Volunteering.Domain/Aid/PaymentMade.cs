using NodaTime;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Quantities;

namespace Volunteering.Domain.Aid;

/// <summary>An instalment (or part of one) was paid: a ledger transfer from the fund to the beneficiary's account,
/// whose id is derived from the payment id and which is saved in the same batch. The record claims the item key
/// <c>aid.payment/{payment id}</c>, so a payment id is used once in a store.</summary>
/// <param name="PaymentId">The payment.</param>
/// <param name="Instalment">The instalment's number, from 1.</param>
/// <param name="Amount">The amount paid; positive, CNY.</param>
/// <param name="At">The ledger entry's timestamp.</param>
public sealed record PaymentMade(PaymentId PaymentId, int Instalment, Money Amount, Instant At) : AidApplicationEvent;
