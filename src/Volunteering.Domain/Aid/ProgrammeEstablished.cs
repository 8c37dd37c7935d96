using NodaTime;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Quantities;

namespace Volunteering.Domain.Aid;

/// <summary>A programme was established with its terms (see <see cref="ProgrammeTerms"/>): the first event of every
/// programme stream. Its fund account is opened on the ledger in the same batch.</summary>
/// <param name="ProgrammeId">The programme.</param>
/// <param name="Name">Its name.</param>
/// <param name="Kind">What it is for.</param>
/// <param name="ZoneId">Its time zone, a TZDB id such as <c>Asia/Shanghai</c>.</param>
/// <param name="PeriodUnit">The length of its budget periods.</param>
/// <param name="StandardKind">How its benefit standard sets an instalment.</param>
/// <param name="StandardAmount">The standard's amount per instalment (fixed, per member, or cap).</param>
/// <param name="EligibleKinds">The kinds of beneficiary that may apply.</param>
/// <param name="EligibleCategories">The hardship categories that may apply; empty for any.</param>
/// <param name="BeneficiaryCapPerPeriod">The most per beneficiary per period, or null for none.</param>
/// <param name="OncePerCausePerYear">Whether a beneficiary is aided once per cause per year at most.</param>
/// <param name="NoticeDays">How many days the public notice runs.</param>
/// <param name="UrgentLimit">The most one urgent grant may be; zero for none.</param>
/// <param name="At">When.</param>
public sealed record ProgrammeEstablished(
    ProgrammeId ProgrammeId,
    string Name,
    ProgrammeKind Kind,
    string ZoneId,
    AidPeriodUnit PeriodUnit,
    BenefitStandardKind StandardKind,
    Money StandardAmount,
    IReadOnlyList<BeneficiaryKind> EligibleKinds,
    IReadOnlyList<HardshipCategory> EligibleCategories,
    Money? BeneficiaryCapPerPeriod,
    bool OncePerCausePerYear,
    int NoticeDays,
    Money UrgentLimit,
    Instant At) : ProgrammeEvent;
