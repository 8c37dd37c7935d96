namespace Volunteering.Domain.Aid;

/// <summary>
/// The base of every event a <see cref="MicroWish"/> raises: immutable records stored in the wish's stream
/// <c>aid.wish-{id}</c>, never edited. Events after the first carry no wish id.
/// </summary>
public abstract record MicroWishEvent;
