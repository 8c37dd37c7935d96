namespace Volunteering.Domain.LoveBank;

/// <summary>What a line of a passbook statement records.</summary>
public enum PassbookLineKind
{
    /// <summary>Points earned by a contribution (or a starting grant).</summary>
    Earned = 0,

    /// <summary>An award reversed (its source was reversed or corrected).</summary>
    Reversed = 1,

    /// <summary>Points deducted by rule.</summary>
    Deducted = 2,

    /// <summary>Points expired.</summary>
    Expired = 3,

    /// <summary>Points reserved for a redemption (still in the balance, no longer available).</summary>
    Reserved = 4,

    /// <summary>A redemption fulfilled: the reserved points are spent.</summary>
    Spent = 5,

    /// <summary>A reservation cancelled or lapsed: its points are available again.</summary>
    Released = 6,

    /// <summary>Points received by an exchange.</summary>
    ExchangedIn = 7,

    /// <summary>Points given by an exchange.</summary>
    ExchangedOut = 8,
}
