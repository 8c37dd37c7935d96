using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Aid;

/// <summary>A reviewer recorded a review (a home visit, an assessment) of the application.</summary>
/// <param name="Reviewer">The reviewer.</param>
/// <param name="Kind">An initial review, or the separate review of an application involving a relative of staff.</param>
/// <param name="Finding">What the reviewer found.</param>
/// <param name="At">When.</param>
public sealed record ApplicationReviewed(StaffId Reviewer, ReviewKind Kind, string Finding, Instant At) : AidApplicationEvent;
