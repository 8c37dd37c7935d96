using NodaTime.Text;
using Volunteering.Domain.Activities;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Storage;

namespace Volunteering.Domain.Certificates;

/// <summary>One activity rebuilt from its stream's records, remembering for each participation the version of the
/// newest event that set its service entry (the record version a certificate names).</summary>
internal sealed class ActivityRecordFold(StreamName stream)
{
    private readonly Dictionary<ParticipationId, long> _versions = [];

    public Activity Activity { get; } = Activity.CreateEmpty(stream);

    public StreamName Stream { get; } = stream;

    /// <summary>Folds the next record of the stream; records placed here as links are skipped.</summary>
    public void Add(StoredRecord record)
    {
        if (record.Stream != Stream) return;
        if (record.Payload is not ActivityEvent e) throw new InvalidDataException($"Record {record} holds a {record.Payload.GetType().Name}, not an activity event.");
        Activity.Restore(e, record.Version);
        ParticipationId? touched = e switch
        {
            ParticipantSignedUp s => s.ParticipationId,
            ServiceTimeRecorded t => t.ParticipationId,
            ParticipationVerified v => v.ParticipationId,
            CorrectionAccepted c => c.ParticipationId,
            _ => null,
        };
        if (touched is { } id) _versions[id] = record.Version;
    }

    /// <summary>The certificate entries of the volunteer's verified participations, in sign-up order.</summary>
    public IEnumerable<CertificateEntry> VerifiedEntries(VolunteerId volunteer)
    {
        var details = Activity.Details;
        foreach (var p in Activity.Participations)
        {
            if (p.Volunteer != volunteer || !p.IsVerified || p.CreditedTime is not { } credited) continue;
            yield return new CertificateEntry
            {
                Activity = Activity.Id.Value,
                Participation = p.Id.Value,
                Date = LocalDatePattern.Iso.Format(details.Start.Date),
                ActivityName = details.Name,
                Category = details.Category.Code,
                CreditedMinutes = credited.Minutes,
                RecordVersion = _versions[p.Id],
            };
        }
    }
}
