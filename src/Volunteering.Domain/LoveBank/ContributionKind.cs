namespace Volunteering.Domain.LoveBank;

/// <summary>What a contribution that earns points is.</summary>
public enum ContributionKind
{
    /// <summary>Verified volunteer service, in minutes: an activity participation or a confirmed time-bank service.</summary>
    VolunteerService = 0,

    /// <summary>Donated items, counted.</summary>
    DonatedItems = 1,

    /// <summary>Donated goods, by declared value in fen.</summary>
    DonatedGoods = 2,

    /// <summary>A professional service of a category (quantity 1 per service).</summary>
    ProfessionalService = 3,

    /// <summary>The referral of a new volunteer (the source is the new volunteer's id).</summary>
    Referral = 4,

    /// <summary>A named fixed bonus.</summary>
    Bonus = 5,

    /// <summary>The starting grant of a household passbook (the source is the passbook).</summary>
    StartingGrant = 6,
}
