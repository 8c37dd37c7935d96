using NodaTime;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Quantities;

namespace Volunteering.Domain.Aid;

/// <summary>A child's micro-wish (微心愿) was posted in a wish round (the first event of every wish stream).</summary>
/// <param name="WishId">The wish.</param>
/// <param name="Programme">The wish round.</param>
/// <param name="Beneficiary">The child's id.</param>
/// <param name="MaskedName">The child's name, masked.</param>
/// <param name="Community">The child's community.</param>
/// <param name="Item">What is wished for (a schoolbag, a dictionary, ...).</param>
/// <param name="EstimatedCost">Its estimated cost; positive, CNY.</param>
/// <param name="PostedBy">Who posted it.</param>
/// <param name="At">When.</param>
public sealed record WishPosted(
    WishId WishId,
    ProgrammeId Programme,
    BeneficiaryId Beneficiary,
    string MaskedName,
    string Community,
    string Item,
    Money EstimatedCost,
    StaffId PostedBy,
    Instant At) : MicroWishEvent;
