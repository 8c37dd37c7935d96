using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Aid;

/// <summary>The first opinion (初审意见) proposed aid: the instalments to approve, as the notice will publish them.</summary>
/// <param name="By">Who gave it.</param>
/// <param name="Instalments">The proposed schedule: due dates and amounts, due dates not decreasing.</param>
/// <param name="Note">The opinion's text.</param>
/// <param name="At">When.</param>
public sealed record FirstOpinionGiven(StaffId By, IReadOnlyList<AidInstalment> Instalments, string Note, Instant At) : AidApplicationEvent;
