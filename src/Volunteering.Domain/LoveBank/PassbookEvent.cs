namespace Volunteering.Domain.LoveBank;

/// <summary>An event in a passbook's stream (<see cref="Passbook"/>). Every movement of points is a ledger transfer
/// stored in the same batch as its event, which names its source and the rule version that produced it.</summary>
public abstract record PassbookEvent;
