using System.Collections.Immutable;
using Volunteering.Domain.Quantities;

namespace Volunteering.Domain.TimeBank.Policies;

/// <summary>Star levels (星级) from cumulative hours given: by default 100, 300, 600, 1,000 and 1,500 hours for one
/// to five stars.</summary>
public sealed class StarLevelPolicy
{
    /// <summary>The usual thresholds.</summary>
    public static StarLevelPolicy Default { get; } = new([
        TimeCredit.FromHours(100), TimeCredit.FromHours(300), TimeCredit.FromHours(600),
        TimeCredit.FromHours(1000), TimeCredit.FromHours(1500)]);

    /// <summary>Creates the policy.</summary>
    /// <param name="thresholds">The time needed for each star, strictly increasing and positive.</param>
    /// <exception cref="ArgumentException">The thresholds are not positive and strictly increasing.</exception>
    public StarLevelPolicy(IEnumerable<TimeCredit> thresholds)
    {
        ArgumentNullException.ThrowIfNull(thresholds);
        var list = thresholds.ToImmutableArray();
        for (var i = 0; i < list.Length; i++)
        {
            if (!list[i].IsPositive || (i > 0 && list[i] <= list[i - 1]))
            {
                throw new ArgumentException("Star thresholds must be positive and strictly increasing.", nameof(thresholds));
            }
        }

        Thresholds = list;
    }

    /// <summary>The time needed for each star, in order.</summary>
    public ImmutableArray<TimeCredit> Thresholds { get; }

    /// <summary>The number of stars for a cumulative amount of time given (0 below the first threshold).</summary>
    /// <param name="given">Cumulative time given.</param>
    public int LevelFor(TimeCredit given)
    {
        var level = 0;
        while (level < Thresholds.Length && given >= Thresholds[level]) level++;
        return level;
    }
}
