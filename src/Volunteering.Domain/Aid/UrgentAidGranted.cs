using NodaTime;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Quantities;

namespace Volunteering.Domain.Aid;

/// <summary>Urgent aid was granted as one instalment due at once, committed to the budget and paid in the same batch
/// (a <see cref="PaymentMade"/> follows it); its documentation is due afterwards.</summary>
/// <param name="AuthorisedBy">Who authorised it (not the handler).</param>
/// <param name="Amount">The amount; at most the programme's urgent limit.</param>
/// <param name="DueOn">The day it was granted, in the programme's zone: its one instalment's due date.</param>
/// <param name="At">When.</param>
public sealed record UrgentAidGranted(StaffId AuthorisedBy, Money Amount, LocalDate DueOn, Instant At) : AidApplicationEvent;
