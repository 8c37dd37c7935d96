using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Aid;

/// <summary>The public notice (公示) of the proposed aid was published: the masked name, the household size and the
/// proposed amount are shown from <paramref name="From"/> to the day before <paramref name="EndsOn"/>.</summary>
/// <param name="By">Who published it.</param>
/// <param name="From">Its first day, in the programme's zone.</param>
/// <param name="EndsOn">The first day after it: objections are taken before it, the decision on it or later.</param>
/// <param name="At">When.</param>
public sealed record NoticePublished(StaffId By, LocalDate From, LocalDate EndsOn, Instant At) : AidApplicationEvent;
