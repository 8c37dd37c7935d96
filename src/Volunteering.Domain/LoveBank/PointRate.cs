using Ardalis.GuardClauses;

namespace Volunteering.Domain.LoveBank;

/// <summary>
/// A conversion rate as an exact fraction: <see cref="Points"/> whole points for every <see cref="PerUnits"/> units of
/// the source (minutes of service, donated items, fen of declared value, points, ...). Kept as a fraction so that "1
/// point per hour" is exactly 1 per 60 minutes, with no binary floating point anywhere.
/// </summary>
public sealed record PointRate
{
    /// <summary>Creates a rate.</summary>
    /// <param name="points">Points (or target units) given per <paramref name="perUnits"/>; zero or more.</param>
    /// <param name="perUnits">Source units the points are given for; 1 or more.</param>
    /// <exception cref="ArgumentException"><paramref name="points"/> is negative or <paramref name="perUnits"/> is not
    /// positive.</exception>
    public PointRate(long points, long perUnits)
    {
        Points = Guard.Against.Negative(points);
        PerUnits = Guard.Against.NegativeOrZero(perUnits);
    }

    /// <summary>Points given per <see cref="PerUnits"/> source units; zero or more.</summary>
    public long Points { get; }

    /// <summary>Source units per <see cref="Points"/>; 1 or more.</summary>
    public long PerUnits { get; }

    /// <summary>Converts a quantity of source units: <c>units × Points ÷ PerUnits</c>, rounded as asked. The product is
    /// computed exactly in 128 bits.</summary>
    /// <param name="units">The source quantity; zero or more.</param>
    /// <param name="rounding">How to round a fraction.</param>
    /// <returns>Whole points, zero or more.</returns>
    /// <exception cref="ArgumentException"><paramref name="units"/> is negative.</exception>
    /// <exception cref="OverflowException">The result does not fit in 64 bits.</exception>
    public long Apply(long units, PointsRounding rounding)
    {
        Guard.Against.Negative(units);
        var product = (Int128)units * Points;
        var quotient = product / PerUnits;
        var remainder = product % PerUnits;
        if (remainder != 0)
        {
            quotient += rounding switch
            {
                PointsRounding.Down => 0,
                PointsRounding.Up => 1,
                PointsRounding.HalfUp => remainder * 2 >= PerUnits ? 1 : 0,
                _ => throw new ArgumentOutOfRangeException(nameof(rounding), rounding, "Unknown rounding."),
            };
        }

        return checked((long)quotient);
    }

    /// <summary>The rate as text, e.g. <c>1/60</c>.</summary>
    public override string ToString() => $"{Points}/{PerUnits}";
}
