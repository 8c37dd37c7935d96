using Ardalis.GuardClauses;
using NodaTime;
using Volunteering.Domain.Identity;

namespace Volunteering.Domain.Certificates;

/// <summary>A request for a service certificate: who issues it, for whom, for which period, and optionally for which
/// activities.</summary>
public sealed record CertificateRequest
{
    /// <summary>Describes a request.</summary>
    /// <param name="issuer">The issuer.</param>
    /// <param name="volunteer">The volunteer; not empty.</param>
    /// <param name="period">The days certified (both ends included); an activity belongs to the local date of its
    /// start.</param>
    /// <param name="activities">Null to certify every verified participation of the volunteer in a volunteer-service
    /// activity the issuer organised in the period; or the activities to certify (none repeated), each of which must
    /// qualify (see <see cref="CertificateDesk.IssueAsync"/>).</param>
    /// <exception cref="ArgumentException">The volunteer or an activity id is empty, or an activity repeats.</exception>
    /// <exception cref="ArgumentNullException"><paramref name="issuer"/> or <paramref name="period"/> is null.</exception>
    public CertificateRequest(CertificateIssuer issuer, VolunteerId volunteer, DateInterval period, IReadOnlyList<ActivityId>? activities = null)
    {
        Issuer = Guard.Against.Null(issuer);
        Guard.Against.Expression(static x => x.IsEmpty, volunteer, "The volunteer id must not be empty.", nameof(volunteer));
        Period = Guard.Against.Null(period);
        if (activities is not null)
        {
            if (activities.Any(a => a.IsEmpty)) throw new ArgumentException("An activity id must not be empty.", nameof(activities));
            if (activities.Distinct().Count() != activities.Count) throw new ArgumentException("An activity is listed twice.", nameof(activities));
            Activities = [.. activities];
        }

        Volunteer = volunteer;
    }

    /// <summary>The issuer.</summary>
    public CertificateIssuer Issuer { get; }

    /// <summary>The volunteer.</summary>
    public VolunteerId Volunteer { get; }

    /// <summary>The days certified.</summary>
    public DateInterval Period { get; }

    /// <summary>The activities asked for, or null for every qualifying one.</summary>
    public IReadOnlyList<ActivityId>? Activities { get; }
}
