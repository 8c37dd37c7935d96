using Ardalis.GuardClauses;
using Volunteering.Domain.Quantities;

namespace Volunteering.Domain.Aid;

/// <summary>
/// A programme's benefit standard (救助标准): the amount of one instalment for a beneficiary. A fixed amount and an
/// amount per household member are exact (an instalment must be that amount); a cap allows any amount up to it,
/// assessed case by case. The standard is checked on every instalment of a first opinion's schedule.
/// </summary>
public sealed record BenefitStandard
{
    private BenefitStandard(BenefitStandardKind kind, Money amount)
    {
        Kind = kind;
        Amount = amount;
    }

    /// <summary>How the amount is set.</summary>
    public BenefitStandardKind Kind { get; }

    /// <summary>The fixed amount, the amount per member, or the cap, per instalment; positive, CNY.</summary>
    public Money Amount { get; }

    /// <summary>A fixed amount per instalment.</summary>
    /// <param name="amount">The amount; positive, CNY.</param>
    /// <exception cref="ArgumentException">The amount is not CNY.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The amount is not positive.</exception>
    public static BenefitStandard Fixed(Money amount) => new(BenefitStandardKind.Fixed, AidAmounts.Positive(amount, nameof(amount)));

    /// <summary>An amount per household member per instalment.</summary>
    /// <param name="amountPerMember">The amount for each member; positive, CNY.</param>
    /// <exception cref="ArgumentException">The amount is not CNY.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The amount is not positive.</exception>
    public static BenefitStandard PerMember(Money amountPerMember) => new(BenefitStandardKind.PerMember, AidAmounts.Positive(amountPerMember, nameof(amountPerMember)));

    /// <summary>Any amount up to a cap per instalment.</summary>
    /// <param name="cap">The cap; positive, CNY.</param>
    /// <exception cref="ArgumentException">The cap is not CNY.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The cap is not positive.</exception>
    public static BenefitStandard UpTo(Money cap) => new(BenefitStandardKind.UpToCap, AidAmounts.Positive(cap, nameof(cap)));

    /// <summary>Any amount up to a multiple of a base amount, such as three times the local monthly minimum-living
    /// standard (低保标准); the cap kept is the product.</summary>
    /// <param name="baseAmount">The base amount; positive, CNY.</param>
    /// <param name="multiple">How many times the base; 1 or more.</param>
    /// <exception cref="ArgumentException">The base is not CNY.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The base is not positive or the multiple is below 1.</exception>
    /// <exception cref="OverflowException">The product is beyond the range of fen.</exception>
    public static BenefitStandard MultipleOf(Money baseAmount, int multiple)
    {
        AidAmounts.Positive(baseAmount, nameof(baseAmount));
        Guard.Against.OutOfRange(multiple, nameof(multiple), 1, int.MaxValue);
        return UpTo(Money.FromFen(checked(baseAmount.Fen * multiple)));
    }

    /// <summary>Rebuilds a standard from its stored kind and amount.</summary>
    internal static BenefitStandard Of(BenefitStandardKind kind, Money amount)
    {
        if (!Enum.IsDefined(kind)) throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a defined standard kind.");
        return new(kind, AidAmounts.Positive(amount, nameof(amount)));
    }

    /// <summary>The standard amount of one instalment for a household of <paramref name="householdSize"/>: the fixed
    /// amount, the amount per member times the size, or the cap.</summary>
    /// <param name="householdSize">The number of household members; 1 or more.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="householdSize"/> is below 1.</exception>
    /// <exception cref="OverflowException">The product is beyond the range of fen.</exception>
    public Money AmountFor(int householdSize)
    {
        Guard.Against.OutOfRange(householdSize, nameof(householdSize), 1, int.MaxValue);
        return Kind == BenefitStandardKind.PerMember ? Money.FromFen(checked(Amount.Fen * householdSize)) : Amount;
    }

    /// <summary>True when an instalment of <paramref name="instalment"/> meets the standard for a household of
    /// <paramref name="householdSize"/>: exactly <see cref="AmountFor"/> for a fixed or per-member standard, at most
    /// it for a cap.</summary>
    /// <param name="instalment">The instalment's amount (CNY).</param>
    /// <param name="householdSize">The number of household members; 1 or more.</param>
    public bool Allows(Money instalment, int householdSize)
    {
        var standard = AmountFor(householdSize);
        return Kind == BenefitStandardKind.UpToCap ? instalment.IsPositive && instalment <= standard : instalment == standard;
    }
}
