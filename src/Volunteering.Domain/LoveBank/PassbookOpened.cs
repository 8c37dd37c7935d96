using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.LoveBank;

/// <summary>A passbook was opened.</summary>
/// <param name="Passbook">The passbook.</param>
/// <param name="Scheme">The love-bank scheme.</param>
/// <param name="HolderKind">A person or a household.</param>
/// <param name="Holder">The holder's id (a <see cref="VolunteerId"/> value for a person, the host app's household id).</param>
/// <param name="At">When it was opened.</param>
public sealed record PassbookOpened(PassbookId Passbook, SchemeId Scheme, PassbookHolderKind HolderKind, Guid Holder, Instant At) : PassbookEvent;
