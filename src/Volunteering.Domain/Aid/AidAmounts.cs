using Volunteering.Domain.Quantities;

namespace Volunteering.Domain.Aid;

/// <summary>Guards for the money amounts of aid: every amount is Chinese yuan in whole fen (the ledger's
/// <see cref="Ledger.Asset.MoneyCny"/>).</summary>
internal static class AidAmounts
{
    /// <summary>Checks that <paramref name="amount"/> is CNY and positive.</summary>
    /// <exception cref="ArgumentException">The currency is not CNY.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The amount is zero or negative.</exception>
    public static Money Positive(Money amount, string parameterName)
    {
        Cny(amount, parameterName);
        if (!amount.IsPositive) throw new ArgumentOutOfRangeException(parameterName, amount, "The amount must be positive.");
        return amount;
    }

    /// <summary>Checks that <paramref name="amount"/> is CNY and not negative.</summary>
    /// <exception cref="ArgumentException">The currency is not CNY.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The amount is negative.</exception>
    public static Money NotNegative(Money amount, string parameterName)
    {
        Cny(amount, parameterName);
        if (amount.IsNegative) throw new ArgumentOutOfRangeException(parameterName, amount, "The amount must not be negative.");
        return amount;
    }

    /// <summary>Checks that <paramref name="amount"/> is CNY.</summary>
    /// <exception cref="ArgumentException">The currency is not CNY.</exception>
    public static Money Cny(Money amount, string parameterName)
    {
        if (amount.Currency != CurrencyCode.Cny) throw new ArgumentException($"Aid is paid in CNY; got {amount.Currency}.", parameterName);
        return amount;
    }

    /// <summary>Fen as CNY money.</summary>
    public static Money Fen(long fen) => Money.FromFen(fen);
}
