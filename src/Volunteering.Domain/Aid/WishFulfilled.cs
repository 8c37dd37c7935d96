using NodaTime;

namespace Volunteering.Domain.Aid;

/// <summary>The claiming donor fulfilled the wish in kind; a photo or receipt is referenced.</summary>
/// <param name="Evidence">A reference to the photo or receipt (a file or archive key), not the image.</param>
/// <param name="At">When.</param>
public sealed record WishFulfilled(string Evidence, Instant At) : MicroWishEvent;
