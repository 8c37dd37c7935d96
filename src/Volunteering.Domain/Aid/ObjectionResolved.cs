using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Aid;

/// <summary>An objection was re-reviewed (复核) and upheld or dismissed; an upheld objection rejects the application in
/// the same batch.</summary>
/// <param name="Sequence">The objection's number.</param>
/// <param name="Reviewer">Who re-reviewed it.</param>
/// <param name="Upheld">True when the objection was upheld.</param>
/// <param name="Finding">What the re-review found.</param>
/// <param name="At">When.</param>
public sealed record ObjectionResolved(int Sequence, StaffId Reviewer, bool Upheld, string Finding, Instant At) : AidApplicationEvent;
