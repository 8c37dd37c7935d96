using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.LoveBank;

/// <summary>An outlet (a station's counter, a love supermarket) was opened; it holds stock.</summary>
/// <param name="Outlet">The outlet.</param>
/// <param name="Name">Its name.</param>
/// <param name="At">When.</param>
public sealed record OutletOpened(OutletId Outlet, string Name, Instant At) : CatalogueEvent;
