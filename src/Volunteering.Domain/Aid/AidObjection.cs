using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Aid;

/// <summary>An objection lodged against an application's public notice, and its re-review once resolved. Read-only to
/// callers; change it through <see cref="AidApplication"/>.</summary>
public sealed class AidObjection
{
    internal AidObjection(ObjectionLodged e)
    {
        Sequence = e.Sequence;
        Summary = e.Summary;
        LodgedAt = e.At;
    }

    /// <summary>Its number in the application, from 1.</summary>
    public int Sequence { get; }

    /// <summary>What it says.</summary>
    public string Summary { get; }

    /// <summary>When it was lodged.</summary>
    public Instant LodgedAt { get; }

    /// <summary>True once re-reviewed.</summary>
    public bool IsResolved => Resolution is not null;

    /// <summary>Its re-review, or null while open.</summary>
    public ObjectionResolved? Resolution { get; private set; }

    /// <summary>True when the re-review upheld it.</summary>
    public bool IsUpheld => Resolution is { Upheld: true };

    /// <summary>Who re-reviewed it, or null.</summary>
    public StaffId? ResolvedBy => Resolution?.Reviewer;

    internal void Resolve(ObjectionResolved e) => Resolution = e;
}
