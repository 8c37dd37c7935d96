using Ardalis.GuardClauses;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Quantities;

namespace Volunteering.Domain.Aid;

/// <summary>An application for aid as it is submitted: the programme, the beneficiary, the cause, the amount asked
/// for, the member of staff handling it, and whether it involves a relative of staff or is urgent.</summary>
public sealed record AidRequest
{
    /// <summary>The longest cause code, in characters.</summary>
    public const int MaxCauseLength = 64;

    /// <summary>Describes an application.</summary>
    /// <param name="programme">The programme applied to; not empty.</param>
    /// <param name="beneficiary">Who the aid is for.</param>
    /// <param name="cause">Why: a short code such as <c>medical</c>, <c>education</c> or <c>disaster</c>, compared
    /// ordinally by the once-per-cause-per-year rule; not blank, at most <see cref="MaxCauseLength"/> characters, kept
    /// trimmed.</param>
    /// <param name="requested">The amount asked for in total; positive, CNY. The first opinion sets what is proposed.</param>
    /// <param name="handler">The member of staff who takes the application (经办人); not empty.</param>
    /// <param name="relatedStaff">The member of staff the applicant is a relative of, or null: such an application is
    /// flagged and needs a separate review, and that member of staff takes no part in it.</param>
    /// <param name="isUrgent">True for urgent small-amount aid, paid first and documented after.</param>
    /// <exception cref="ArgumentException">An id is empty, the cause blank or too long, or the amount not CNY.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="beneficiary"/> is null.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The amount is not positive.</exception>
    public AidRequest(ProgrammeId programme, AidBeneficiary beneficiary, string cause, Money requested, StaffId handler, StaffId? relatedStaff = null, bool isUrgent = false)
    {
        Guard.Against.Expression(static x => x.IsEmpty, programme, "A programme id must not be empty.", nameof(programme));
        Beneficiary = Guard.Against.Null(beneficiary);
        Cause = Guard.Against.NullOrWhiteSpace(cause).Trim();
        Guard.Against.OutOfRange(Cause.Length, nameof(cause), 1, MaxCauseLength);
        Requested = AidAmounts.Positive(requested, nameof(requested));
        Guard.Against.Expression(static x => x.IsEmpty, handler, "The handler's id must not be empty.", nameof(handler));
        if (relatedStaff is { IsEmpty: true }) throw new ArgumentException("The related member of staff's id must not be empty.", nameof(relatedStaff));
        Programme = programme;
        Handler = handler;
        RelatedStaff = relatedStaff;
        IsUrgent = isUrgent;
    }

    /// <summary>The programme.</summary>
    public ProgrammeId Programme { get; }

    /// <summary>The beneficiary.</summary>
    public AidBeneficiary Beneficiary { get; }

    /// <summary>The cause code, trimmed.</summary>
    public string Cause { get; }

    /// <summary>The amount asked for.</summary>
    public Money Requested { get; }

    /// <summary>The handler.</summary>
    public StaffId Handler { get; }

    /// <summary>The related member of staff, or null.</summary>
    public StaffId? RelatedStaff { get; }

    /// <summary>True when the application involves a relative of staff.</summary>
    public bool InvolvesStaffRelative => RelatedStaff is not null;

    /// <summary>True for urgent aid.</summary>
    public bool IsUrgent { get; }
}
