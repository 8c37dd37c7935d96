namespace Volunteering.Domain.Aid;

/// <summary>
/// The base of every event an <see cref="AidApplication"/> raises: immutable records stored in the application's
/// stream <c>aid.application-{id}</c>, never edited (a reversal or a revocation is a new event). Events after the
/// first carry no application id: the application is the stream they are stored in. No event holds an unmasked name,
/// an ID number, an address or a phone number.
/// </summary>
public abstract record AidApplicationEvent;
