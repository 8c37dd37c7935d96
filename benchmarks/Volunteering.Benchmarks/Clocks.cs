using NodaTime;

namespace Volunteering.Benchmarks;

/// <summary>A clock that always answers the same instant: the cheapest possible <see cref="IClock"/>. The ledger
/// itself makes entry timestamps strictly increasing (by one nanosecond), so a constant clock is enough.</summary>
public sealed class FixedClock(Instant now) : IClock
{
    /// <summary>2025-01-01T00:00:00Z.</summary>
    public static FixedClock Default { get; } = new(Instant.FromUtc(2025, 1, 1, 0, 0));

    /// <inheritdoc />
    public Instant GetCurrentInstant() => now;
}

/// <summary>A clock that moves forward by a fixed step each time it is read; used to spread a generated journal over
/// a year so that period statements select a realistic share of it.</summary>
public sealed class SteppingClock(Instant start, Duration step) : IClock
{
    private Instant _now = start;

    /// <inheritdoc />
    public Instant GetCurrentInstant()
    {
        var now = _now;
        _now = now + step;
        return now;
    }
}
