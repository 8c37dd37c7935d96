using Ardalis.GuardClauses;
using NodaTime;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Quantities;

namespace Volunteering.Domain.TimeBank;

/// <summary>
/// What a volunteer did for whom, as a time bank records it (服务记录): recipient, place, content, category, when
/// (start and end), the duration the organisation credits, and the witness. The credited duration is kept apart from
/// the span: organisations set the time actually given, which may be less than the time on site.
/// </summary>
public sealed record ServiceDetails
{
    /// <summary>Describes a service.</summary>
    /// <param name="provider">The volunteer who gave the service.</param>
    /// <param name="recipient">The person served (an elderly, disabled or living-alone neighbour).</param>
    /// <param name="place">Where the service took place.</param>
    /// <param name="content">What was done, in a few words.</param>
    /// <param name="category">The service category (e.g. "companionship", "cleaning"); rate policies may key on it.</param>
    /// <param name="span">When: start and end instants; both must be present.</param>
    /// <param name="creditedDuration">The time the organisation credits; positive.</param>
    /// <param name="witness">Someone other than the recipient who may confirm the service, or null.</param>
    /// <exception cref="ArgumentException">An id is empty, a text is blank, the span is unbounded, or the duration is
    /// not positive.</exception>
    public ServiceDetails(VolunteerId provider, VolunteerId recipient, ResidenceArea place, string content, string category, Interval span, TimeCredit creditedDuration, VolunteerId? witness = null)
    {
        Guard.Against.Expression(static x => x.IsEmpty, provider, "The provider id must not be empty.", nameof(provider));
        Guard.Against.Expression(static x => x.IsEmpty, recipient, "The recipient id must not be empty.", nameof(recipient));
        if (witness is { IsEmpty: true }) throw new ArgumentException("The witness id must not be empty.", nameof(witness));
        if (!span.HasStart || !span.HasEnd) throw new ArgumentException("A service needs a start and an end.", nameof(span));
        if (!creditedDuration.IsPositive) throw new ArgumentOutOfRangeException(nameof(creditedDuration), creditedDuration, "The credited duration must be positive.");
        Provider = provider;
        Recipient = recipient;
        Place = Guard.Against.Null(place);
        Content = Guard.Against.NullOrWhiteSpace(content);
        Category = Guard.Against.NullOrWhiteSpace(category);
        Span = span;
        CreditedDuration = creditedDuration;
        Witness = witness;
    }

    /// <summary>The volunteer who gave the service.</summary>
    public VolunteerId Provider { get; }

    /// <summary>The person served.</summary>
    public VolunteerId Recipient { get; }

    /// <summary>Where it took place.</summary>
    public ResidenceArea Place { get; }

    /// <summary>What was done.</summary>
    public string Content { get; }

    /// <summary>The service category.</summary>
    public string Category { get; }

    /// <summary>Start and end of the service.</summary>
    public Interval Span { get; }

    /// <summary>The time the organisation credits.</summary>
    public TimeCredit CreditedDuration { get; }

    /// <summary>The witness, if any.</summary>
    public VolunteerId? Witness { get; }
}
