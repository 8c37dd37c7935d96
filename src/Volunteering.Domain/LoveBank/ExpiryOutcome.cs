namespace Volunteering.Domain.LoveBank;

/// <summary>The outcome of running points expiry (or lapsing reservations) for a passbook.</summary>
/// <param name="Code"><see cref="LoveBankResult.Ok"/> when something expired, <see cref="LoveBankResult.AlreadyDone"/>
/// when nothing was due, or <see cref="LoveBankResult.PassbookNotFound"/>.</param>
/// <param name="Points">Points expired (or returned from lapsed reservations).</param>
/// <param name="Count">Lots expired (or reservations lapsed).</param>
public sealed record ExpiryOutcome(LoveBankResult Code, long Points, int Count);
