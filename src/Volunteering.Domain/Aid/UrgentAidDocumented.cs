using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Aid;

/// <summary>Urgent aid paid first was documented after, by someone other than who authorised it.</summary>
/// <param name="By">Who documented it.</param>
/// <param name="Evidence">A reference to the documents (a file or archive key), not the documents.</param>
/// <param name="Note">The documentation's text.</param>
/// <param name="At">When.</param>
public sealed record UrgentAidDocumented(StaffId By, string Evidence, string Note, Instant At) : AidApplicationEvent;
