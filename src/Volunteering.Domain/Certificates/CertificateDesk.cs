using Ardalis.GuardClauses;
using NodaTime;
using NodaTime.Text;
using Volunteering.Domain.Activities;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Organisations;
using Volunteering.Domain.Storage;
using Volunteering.Domain.Volunteers;

namespace Volunteering.Domain.Certificates;

/// <summary>
/// Issues service certificates (志愿服务证明) from the records in a store, free of charge, and verifies them later by
/// number. "Whoever organises records; whoever records certifies": a unit certifies only participations in activities
/// it organised itself. Activities of the units below it are not included — they were recorded by those units, which
/// certify them — so no hour is certified by two units.
/// </summary>
/// <remarks>
/// <para>A certificate is built only from the records: the issuing unit's name and time zone from its unit stream, the
/// volunteer's number from the volunteer record, the name, ID type and masked ID number from the personal-data vault,
/// and one entry per verified participation of a volunteer-service activity (credited minutes after accepted
/// corrections). Each successful call issues a new certificate under the next number of the issuer's register for the
/// year of issue (<see cref="CertificateRegister"/>); repeating a request issues another one.</para>
/// <para>Verification rebuilds the entries of the participations a certificate names from their activities' current
/// records and compares hashes (<see cref="CertificateVerifier"/>): a correction accepted after issue makes it answer
/// <see cref="CertificateCheck.RecordsChanged"/>.</para>
/// <para>Issuing reads every record of the store once when no activities are listed (there is no per-volunteer index
/// of participations); listing the activities reads only their streams.</para>
/// </remarks>
public sealed class CertificateDesk
{
    private readonly IRecordStore _store;
    private readonly IPersonalDataVault _vault;
    private readonly IClock _clock;
    private readonly AggregateRepository<CertificateRegister, CertificateEvent> _registers;

    /// <summary>Creates a desk.</summary>
    /// <param name="store">The record store (units, volunteers, activities, registers).</param>
    /// <param name="vault">The personal-data vault.</param>
    /// <param name="clock">The clock that dates certificates.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public CertificateDesk(IRecordStore store, IPersonalDataVault vault, IClock clock)
    {
        _store = Guard.Against.Null(store);
        _vault = Guard.Against.Null(vault);
        _clock = Guard.Against.Null(clock);
        _registers = CertificateRegister.Repository(store);
    }

    /// <summary>How many times issuing is tried again after another writer took the next number; default 8, at least 1.</summary>
    public int MaxAttempts { get; init; } = 8;

    /// <summary>Issues a certificate. Rules, in order: the issuing unit exists (<see cref="CertificateResult.IssuerNotFound"/>)
    /// and is open on the issue date (<see cref="CertificateResult.IssuerClosed"/>); the volunteer is registered
    /// (<see cref="CertificateResult.VolunteerNotFound"/>) with personal data on hand
    /// (<see cref="CertificateResult.PersonalDataErased"/>, <see cref="CertificateResult.PersonalDataMissing"/>). Then,
    /// for listed activities, each in turn: it exists (<see cref="CertificateResult.ActivityNotFound"/>), the issuer
    /// organised it (<see cref="CertificateResult.NotRecordedByIssuer"/>), it is volunteer service
    /// (<see cref="CertificateResult.NotVolunteerService"/>), it started in the period
    /// (<see cref="CertificateResult.OutsidePeriod"/>) and the volunteer has a verified participation in it
    /// (<see cref="CertificateResult.ParticipationNotVerified"/>). Without a list, at least one verified participation
    /// qualifies (<see cref="CertificateResult.NothingToCertify"/>). Last, the number must be free
    /// (<see cref="CertificateResult.NumberTaken"/>).</summary>
    /// <param name="request">The request.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>The certificate, or the refusal; a refusal writes nothing.</returns>
    /// <exception cref="InvalidOperationException">Every attempt lost the next number to another writer.</exception>
    public async ValueTask<CertificateIssueOutcome> IssueAsync(CertificateRequest request, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(request);
        var issuer = request.Issuer;
        var unit = await PracticeUnit.Repository(_store).LoadAsync(PracticeUnit.StreamOf(issuer.Unit), cancellationToken).ConfigureAwait(false);
        if (unit is null) return Refused(CertificateResult.IssuerNotFound);
        var now = _clock.GetCurrentInstant();
        var issuedOn = now.InZone(unit.TimeZone).Date;
        if (!unit.IsOpenOn(issuedOn)) return Refused(CertificateResult.IssuerClosed);

        var volunteer = await Volunteer.Repository(_store).LoadAsync(Volunteer.StreamOf(request.Volunteer), cancellationToken).ConfigureAwait(false);
        if (volunteer is null) return Refused(CertificateResult.VolunteerNotFound);
        if (volunteer.IsErased) return Refused(CertificateResult.PersonalDataErased);
        var data = await _vault.GetAsync(request.Volunteer, cancellationToken).ConfigureAwait(false);
        if (data is null) return Refused(CertificateResult.PersonalDataMissing);

        var (code, entries) = request.Activities is { } listed
            ? await ListedEntriesAsync(request, listed, cancellationToken).ConfigureAwait(false)
            : (CertificateResult.Ok, await ScannedEntriesAsync(request, cancellationToken).ConfigureAwait(false));
        if (code != CertificateResult.Ok) return Refused(code);
        if (entries.Count == 0) return Refused(CertificateResult.NothingToCertify);

        var stream = CertificateRegister.StreamOf(issuer.Unit, issuedOn.Year);
        for (var attempt = 1; attempt <= Math.Max(1, MaxAttempts); attempt++)
        {
            var register = await _registers.LoadAsync(stream, cancellationToken).ConfigureAwait(false)
                ?? CertificateRegister.CreateEmpty(issuer.Unit, issuedOn.Year);
            var template = new ServiceCertificate
            {
                Number = CertificateRegister.FormatNumber(issuer.Code, issuedOn.Year, register.NextSequence),
                IssuedOn = Iso(issuedOn),
                IssuerUnit = issuer.Unit.Value,
                IssuerCode = issuer.Code,
                IssuerName = unit.NameOn(issuedOn) ?? unit.Name,
                ResponsiblePerson = issuer.ResponsiblePerson,
                Handler = issuer.Handler,
                Contact = issuer.Contact,
                Volunteer = request.Volunteer.Value,
                VolunteerNumber = volunteer.Number,
                VolunteerName = data.Name,
                IdType = data.IdType.ToString(),
                MaskedIdNumber = PersonalDataMask.IdNumber(data.IdNumber),
                PeriodStart = Iso(request.Period.Start),
                PeriodEnd = Iso(request.Period.End),
                TotalMinutes = 0,
                TotalHours = string.Empty,
                Categories = [],
                Entries = [],
                ContentHash = string.Empty,
            };
            var certificate = CertificateBuilder.WithEntries(template, entries);
            register.Issue(certificate, now);
            var saved = await _registers.SaveAsync(register, cancellationToken).ConfigureAwait(false);
            switch (saved.Status)
            {
                case AppendStatus.Appended:
                    return new CertificateIssueOutcome(CertificateResult.Ok, certificate); // with the holder's fields, for the caller
                case AppendStatus.DuplicateItem:
                    return Refused(CertificateResult.NumberTaken);
            }
        }

        throw new InvalidOperationException($"Issuing in {stream} lost the next number to another writer on every one of {MaxAttempts} attempts; nothing was written.");
    }

    /// <summary>The certificate issued under a number, or null: as the register stores it, with the holder's name and
    /// masked ID number filled in from the personal-data vault (left empty when the holder's data was erased).</summary>
    /// <param name="number">The number; not blank.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <exception cref="ArgumentException">The number is blank.</exception>
    public async ValueTask<ServiceCertificate?> FindAsync(string number, CancellationToken cancellationToken = default)
    {
        var issued = await FindStoredAsync(number, cancellationToken).ConfigureAwait(false);
        if (issued is null) return null;
        var data = await _vault.GetAsync(new VolunteerId(issued.Volunteer), cancellationToken).ConfigureAwait(false);
        return data is null ? issued : WithHolder(issued, data);
    }

    /// <summary>Verifies the certificate issued under a number against the current records.</summary>
    /// <param name="number">The number; not blank.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see cref="CertificateCheck.NotFound"/>, <see cref="CertificateCheck.Matches"/> or
    /// <see cref="CertificateCheck.RecordsChanged"/>.</returns>
    /// <exception cref="ArgumentException">The number is blank.</exception>
    public async ValueTask<CertificateVerification> VerifyAsync(string number, CancellationToken cancellationToken = default)
    {
        var issued = await FindStoredAsync(number, cancellationToken).ConfigureAwait(false);
        if (issued is null) return new CertificateVerification(CertificateCheck.NotFound, number, []);
        return CertificateVerifier.Verify(issued, await CurrentEntriesAsync(issued, cancellationToken).ConfigureAwait(false));
    }

    /// <summary>Verifies a certificate someone presents (say, an exported JSON file): it must be the one issued under
    /// its number, unchanged, name the holder the vault holds, and still match the records.</summary>
    /// <param name="presented">The certificate presented.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see cref="CertificateCheck.NotFound"/>; <see cref="CertificateCheck.Altered"/> when its fields do not
    /// hash to its content hash, it differs from the issued one, or its name or masked ID number differ from the
    /// holder's personal data; <see cref="CertificateCheck.RecordsChanged"/> as for
    /// <see cref="VerifyAsync(string, CancellationToken)"/>; <see cref="CertificateCheck.HolderUnconfirmed"/> when it
    /// matches the records but the holder's personal data was erased, so the name it shows cannot be confirmed;
    /// otherwise <see cref="CertificateCheck.Matches"/>.</returns>
    /// <exception cref="ArgumentNullException"><paramref name="presented"/> or one of its texts or lists is null.</exception>
    public async ValueTask<CertificateVerification> VerifyAsync(ServiceCertificate presented, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(presented);
        Guard.Against.Null(presented.Number);
        Guard.Against.Null(presented.VolunteerName);
        Guard.Against.Null(presented.MaskedIdNumber);
        var issued = string.IsNullOrWhiteSpace(presented.Number) ? null : await FindStoredAsync(presented.Number, cancellationToken).ConfigureAwait(false);
        if (issued is null) return new CertificateVerification(CertificateCheck.NotFound, presented.Number, []);
        if (!string.Equals(CertificateCanonicalForm.ComputeHash(presented), presented.ContentHash, StringComparison.Ordinal)
            || !string.Equals(presented.ContentHash, issued.ContentHash, StringComparison.Ordinal))
        {
            return new CertificateVerification(CertificateCheck.Altered, presented.Number, []);
        }

        var data = await _vault.GetAsync(new VolunteerId(issued.Volunteer), cancellationToken).ConfigureAwait(false);
        if (data is not null)
        {
            var holder = WithHolder(issued, data);
            if (!string.Equals(holder.VolunteerName, presented.VolunteerName, StringComparison.Ordinal)
                || !string.Equals(holder.MaskedIdNumber, presented.MaskedIdNumber, StringComparison.Ordinal))
            {
                return new CertificateVerification(CertificateCheck.Altered, presented.Number, []);
            }
        }

        var check = CertificateVerifier.Verify(issued, await CurrentEntriesAsync(issued, cancellationToken).ConfigureAwait(false));
        return check.Check == CertificateCheck.Matches && data is null
            ? new CertificateVerification(CertificateCheck.HolderUnconfirmed, presented.Number, [])
            : check;
    }

    private async ValueTask<ServiceCertificate?> FindStoredAsync(string number, CancellationToken cancellationToken)
    {
        var record = await _store.FindItemAsync(CertificateRegister.NumberKey(number), cancellationToken).ConfigureAwait(false);
        return record?.Payload is CertificateIssued issued ? issued.Certificate : null;
    }

    private static ServiceCertificate WithHolder(ServiceCertificate stored, PersonalData data)
        => stored with { VolunteerName = data.Name, MaskedIdNumber = PersonalDataMask.IdNumber(data.IdNumber) };

    private async ValueTask<(CertificateResult, List<CertificateEntry>)> ListedEntriesAsync(CertificateRequest request, IReadOnlyList<ActivityId> listed, CancellationToken cancellationToken)
    {
        var entries = new List<CertificateEntry>();
        foreach (var id in listed)
        {
            var fold = await FoldAsync(id, cancellationToken).ConfigureAwait(false);
            if (fold is null) return (CertificateResult.ActivityNotFound, entries);
            var details = fold.Activity.Details;
            if (details.Unit != request.Issuer.Unit) return (CertificateResult.NotRecordedByIssuer, entries);
            if (!details.IsVolunteerService) return (CertificateResult.NotVolunteerService, entries);
            if (!request.Period.Contains(details.Start.Date)) return (CertificateResult.OutsidePeriod, entries);
            var found = fold.VerifiedEntries(request.Volunteer).ToList();
            if (found.Count == 0) return (CertificateResult.ParticipationNotVerified, entries);
            entries.AddRange(found);
        }

        return (CertificateResult.Ok, entries);
    }

    private async ValueTask<List<CertificateEntry>> ScannedEntriesAsync(CertificateRequest request, CancellationToken cancellationToken)
    {
        var folds = new Dictionary<StreamName, ActivityRecordFold>();
        await foreach (var record in _store.ReadAllAsync(0, cancellationToken).ConfigureAwait(false))
        {
            if (record.Payload is not ActivityEvent e) continue;
            if (e is ActivityPlanned planned)
            {
                if (planned.Unit == request.Issuer.Unit && planned.IsVolunteerService && request.Period.Contains(planned.Start.Date))
                {
                    folds[record.Stream] = new ActivityRecordFold(record.Stream);
                }
                else
                {
                    continue;
                }
            }

            if (folds.TryGetValue(record.Stream, out var fold)) fold.Add(record);
        }

        return [.. folds.Values.SelectMany(f => f.VerifiedEntries(request.Volunteer))];
    }

    private async ValueTask<List<CertificateEntry>> CurrentEntriesAsync(ServiceCertificate certificate, CancellationToken cancellationToken)
    {
        var volunteer = new VolunteerId(certificate.Volunteer);
        var current = new List<CertificateEntry>();
        foreach (var activity in certificate.Entries.Select(e => e.Activity).Distinct())
        {
            if (activity == Guid.Empty) continue;
            var fold = await FoldAsync(new ActivityId(activity), cancellationToken).ConfigureAwait(false);
            if (fold is null || fold.Activity.Details.Unit.Value != certificate.IssuerUnit || !fold.Activity.Details.IsVolunteerService) continue;
            current.AddRange(fold.VerifiedEntries(volunteer));
        }

        return current;
    }

    private async ValueTask<ActivityRecordFold?> FoldAsync(ActivityId id, CancellationToken cancellationToken)
    {
        var fold = new ActivityRecordFold(Activity.StreamFor(id));
        await foreach (var record in _store.ReadStreamAsync(fold.Stream, 0, cancellationToken).ConfigureAwait(false))
        {
            fold.Add(record);
        }

        return fold.Activity.Version == 0 ? null : fold;
    }

    private static CertificateIssueOutcome Refused(CertificateResult code) => new(code, null);

    private static string Iso(LocalDate date) => LocalDatePattern.Iso.Format(date);
}
