using NodaTime;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Quantities;

namespace Volunteering.Domain.Activities;

/// <summary>The organisation verified a participation and its service time was credited to the time bank, once: the
/// event claims the item key <c>participation.verified/{participation id}</c> and is saved in one unit of work with the
/// ledger transfers.</summary>
/// <param name="ParticipationId">The participation.</param>
/// <param name="Volunteer">The volunteer credited.</param>
/// <param name="CreditedTime">The credited service time.</param>
/// <param name="Deposited">The part that went to the volunteer's account.</param>
/// <param name="ToPool">The part above the account cap that went to the community pool.</param>
/// <param name="At">When.</param>
public sealed record ParticipationVerified(ParticipationId ParticipationId, VolunteerId Volunteer, TimeCredit CreditedTime, TimeCredit Deposited, TimeCredit ToPool, Instant At) : ActivityEvent;
