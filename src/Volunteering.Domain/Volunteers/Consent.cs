using Ardalis.GuardClauses;
using NodaTime;

namespace Volunteering.Domain.Volunteers;

/// <summary>A recorded consent: when and how it was given.</summary>
public sealed record Consent
{
    /// <summary>Records a consent.</summary>
    /// <param name="givenAt">When it was given.</param>
    /// <param name="method">How.</param>
    /// <exception cref="ArgumentException"><paramref name="method"/> is not defined.</exception>
    public Consent(Instant givenAt, ConsentMethod method)
    {
        GivenAt = givenAt;
        Method = Guard.Against.EnumOutOfRange(method);
    }

    /// <summary>When it was given.</summary>
    public Instant GivenAt { get; }

    /// <summary>How it was given.</summary>
    public ConsentMethod Method { get; }
}
