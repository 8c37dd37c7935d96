using Ardalis.GuardClauses;
using NodaTime;
using Volunteering.Domain.Quantities;

namespace Volunteering.Domain.Aid;

/// <summary>Builds and checks the instalment schedules a first opinion proposes ("approve once, pay in stages"): one
/// instalment or several, due in order, each a positive amount of CNY.</summary>
public static class AidSchedule
{
    /// <summary>The most instalments one application may have.</summary>
    public const int MaxInstalments = 120;

    /// <summary>One instalment of the whole amount.</summary>
    /// <param name="dueOn">When it falls due.</param>
    /// <param name="amount">The amount; positive, CNY.</param>
    /// <exception cref="ArgumentException">The amount is not CNY.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The amount is not positive.</exception>
    public static IReadOnlyList<AidInstalment> Once(LocalDate dueOn, Money amount) => [new AidInstalment(dueOn, AidAmounts.Positive(amount, nameof(amount)))];

    /// <summary><paramref name="count"/> monthly instalments of <paramref name="each"/>, the first on
    /// <paramref name="firstDueOn"/> and each later one a calendar month after the one before (on the last day of a
    /// shorter month when the day does not exist).</summary>
    /// <param name="firstDueOn">When the first falls due.</param>
    /// <param name="count">How many; 1 to <see cref="MaxInstalments"/>.</param>
    /// <param name="each">The amount of each; positive, CNY.</param>
    /// <exception cref="ArgumentException">The amount is not CNY.</exception>
    /// <exception cref="ArgumentOutOfRangeException">The count is out of range or the amount not positive.</exception>
    public static IReadOnlyList<AidInstalment> Monthly(LocalDate firstDueOn, int count, Money each)
    {
        Guard.Against.OutOfRange(count, nameof(count), 1, MaxInstalments);
        AidAmounts.Positive(each, nameof(each));
        var instalments = new AidInstalment[count];
        for (var i = 0; i < count; i++) instalments[i] = new AidInstalment(firstDueOn.PlusMonths(i), each);
        return instalments;
    }

    /// <summary>Checks a schedule: 1 to <see cref="MaxInstalments"/> instalments, due dates in the ISO calendar and not
    /// decreasing, amounts positive CNY, and a total that fits in fen.</summary>
    /// <param name="instalments">The schedule.</param>
    /// <param name="parameterName">The parameter to name in the exception.</param>
    /// <returns>The total.</returns>
    /// <exception cref="ArgumentNullException">The schedule is null.</exception>
    /// <exception cref="ArgumentException">The schedule is empty, too long, out of order or not in the ISO calendar, or an
    /// amount is not CNY.</exception>
    /// <exception cref="ArgumentOutOfRangeException">An amount is not positive.</exception>
    /// <exception cref="OverflowException">The total is beyond the range of fen.</exception>
    public static Money Total(IReadOnlyList<AidInstalment> instalments, string parameterName)
    {
        Guard.Against.Null(instalments, parameterName);
        if (instalments.Count is 0 or > MaxInstalments)
        {
            throw new ArgumentException($"A schedule has 1 to {MaxInstalments} instalments; got {instalments.Count}.", parameterName);
        }

        long total = 0;
        for (var i = 0; i < instalments.Count; i++)
        {
            var instalment = instalments[i];
            if (instalment.DueOn.Calendar != CalendarSystem.Iso) throw new ArgumentException("Due dates are in the ISO calendar.", parameterName);
            if (i > 0 && instalment.DueOn < instalments[i - 1].DueOn)
            {
                throw new ArgumentException($"Instalment {i + 1} falls due before instalment {i}.", parameterName);
            }

            total = checked(total + AidAmounts.Positive(instalment.Amount, parameterName).Fen);
        }

        return Money.FromFen(total);
    }
}
