using NodaTime;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Quantities;

namespace Volunteering.Domain.Aid;

/// <summary>Money was put into the programme's fund: a ledger transfer from the donor's account to the fund, whose id
/// is derived from the contribution id and which is saved in the same batch.</summary>
/// <param name="ContributionId">The contribution.</param>
/// <param name="Donor">The donor or allocating body.</param>
/// <param name="Source">A donation or an allocation.</param>
/// <param name="Amount">The amount; positive, CNY.</param>
/// <param name="At">The ledger entry's timestamp.</param>
public sealed record FundsReceived(ContributionId ContributionId, DonorId Donor, FundSource Source, Money Amount, Instant At) : ProgrammeEvent;
