using NodaTime;
using Volunteering.Domain.Quantities;

namespace Volunteering.Domain.Aid;

/// <summary>One line of the public-notice list (公示名单): only what the rules allow to be published — the masked name,
/// the household size and the proposed amount — with the notice's days.</summary>
/// <param name="MaskedName">The beneficiary's name, masked (<c>王*明</c>).</param>
/// <param name="HouseholdSize">The household's size.</param>
/// <param name="Amount">The amount proposed (the first opinion's schedule in total).</param>
/// <param name="From">The notice's first day.</param>
/// <param name="Until">The notice's last day.</param>
public readonly record struct PublicNoticeEntry(string MaskedName, int HouseholdSize, Money Amount, LocalDate From, LocalDate Until);
