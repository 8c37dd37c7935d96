using Ardalis.GuardClauses;
using NodaTime;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Storage;

namespace Volunteering.Domain.Volunteers;

/// <summary>
/// The application service for volunteers: keeps each <see cref="Volunteer"/> record (in an <see cref="IRecordStore"/>)
/// and its personal data (in an <see cref="IPersonalDataVault"/>) in step. It registers, finds, summarises (masked),
/// changes status, records training and awards, manages export consent, exports (with consent only) and erases.
/// </summary>
/// <remarks>
/// <para>Every change loads the volunteer, decides, and saves expecting the version it loaded; on a version conflict
/// it reloads and decides again, up to <see cref="MaxAttempts"/> times (then
/// <see cref="VolunteerResult.ConcurrentChange"/>). Times come from the <see cref="IClock"/>.</para>
/// <para>Order of writes: registration puts the personal data first and then saves the record; if the save is
/// refused because the number is taken (or throws), the data is erased again, so a refused registration leaves no
/// personal data behind. Erasure erases the vault first and then records <see cref="PersonalDataErased"/>; repeating it
/// completes an interrupted erasure. A process that dies between the two writes of a registration can leave data
/// for an unregistered id; registering the same id again overwrites it.</para>
/// </remarks>
public sealed class VolunteerRegistry
{
    /// <summary>How many times a change is decided again after version conflicts before giving up.</summary>
    public const int MaxAttempts = 5;

    private readonly IRecordStore _store;
    private readonly IPersonalDataVault _vault;
    private readonly IClock _clock;
    private readonly AggregateRepository<Volunteer, VolunteerEvent> _volunteers;

    /// <summary>Creates a registry.</summary>
    /// <param name="store">The record store.</param>
    /// <param name="vault">The personal-data vault.</param>
    /// <param name="clock">The clock that dates records.</param>
    /// <exception cref="ArgumentNullException">An argument is null.</exception>
    public VolunteerRegistry(IRecordStore store, IPersonalDataVault vault, IClock clock)
    {
        _store = Guard.Against.Null(store);
        _vault = Guard.Against.Null(vault);
        _clock = Guard.Against.Null(clock);
        _volunteers = Volunteer.Repository(store);
    }

    /// <summary>Registers a volunteer: checks the rules of <see cref="Volunteer.Register"/>, puts the personal data in
    /// the vault and saves the record. Answers <see cref="VolunteerResult.AlreadyDone"/> when the id is registered
    /// with the same scheme, number and personal data, <see cref="VolunteerResult.VolunteerExists"/> when it is
    /// registered otherwise, and <see cref="VolunteerResult.NumberTaken"/> when another volunteer holds the number
    /// (checked before anything is written, and enforced by the store's key when the record is saved).</summary>
    /// <param name="registration">What to register.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async ValueTask<VolunteerResult> RegisterAsync(VolunteerRegistration registration, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(registration);
        var existing = await _volunteers.LoadAsync(Volunteer.StreamOf(registration.Volunteer), cancellationToken).ConfigureAwait(false);
        if (existing is not null)
        {
            var same = existing.Scheme == registration.Scheme
                && string.Equals(existing.Number, registration.Number, StringComparison.Ordinal)
                && !existing.IsErased
                && registration.PersonalData.Equals(await _vault.GetAsync(registration.Volunteer, cancellationToken).ConfigureAwait(false));
            return same ? VolunteerResult.AlreadyDone : VolunteerResult.VolunteerExists;
        }

        if (await _store.FindItemAsync(VolunteerNumbers.KeyOf(registration.Scheme, registration.Number), cancellationToken).ConfigureAwait(false) is not null)
        {
            return VolunteerResult.NumberTaken;
        }

        var code = Volunteer.Register(registration, _clock.GetCurrentInstant(), out var volunteer);
        if (code != VolunteerResult.Ok) return code;

        await _vault.PutAsync(registration.Volunteer, registration.PersonalData, cancellationToken).ConfigureAwait(false);
        AppendResult saved;
        try
        {
            saved = await _volunteers.SaveAsync(volunteer!, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await _vault.EraseAsync(registration.Volunteer, CancellationToken.None).ConfigureAwait(false);
            throw;
        }

        switch (saved.Status)
        {
            case AppendStatus.Appended:
                return VolunteerResult.Ok;
            case AppendStatus.DuplicateItem:
                await _vault.EraseAsync(registration.Volunteer, CancellationToken.None).ConfigureAwait(false);
                return VolunteerResult.NumberTaken;
            default:
                // The same id was registered by another writer since the check above. Its data may have been
                // replaced by this put; both writers used one id, which only a retried registration does.
                return VolunteerResult.VolunteerExists;
        }
    }

    /// <summary>Loads a volunteer's record, or null when the id is not registered.</summary>
    /// <param name="volunteer">The volunteer; not empty.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public ValueTask<Volunteer?> FindAsync(VolunteerId volunteer, CancellationToken cancellationToken = default)
        => _volunteers.LoadAsync(Volunteer.StreamOf(volunteer), cancellationToken);

    /// <summary>Loads the volunteer holding a number in a scheme, or null.</summary>
    /// <param name="scheme">The scheme; not empty.</param>
    /// <param name="number">A valid number.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async ValueTask<Volunteer?> FindByNumberAsync(SchemeId scheme, string number, CancellationToken cancellationToken = default)
    {
        var record = await _store.FindItemAsync(VolunteerNumbers.KeyOf(scheme, number), cancellationToken).ConfigureAwait(false);
        return record is null ? null : await _volunteers.LoadAsync(record.Stream, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>A volunteer's masked summary, or null when the id is not registered.</summary>
    /// <param name="volunteer">The volunteer; not empty.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async ValueTask<VolunteerSummary?> GetSummaryAsync(VolunteerId volunteer, CancellationToken cancellationToken = default)
    {
        var record = await FindAsync(volunteer, cancellationToken).ConfigureAwait(false);
        if (record is null) return null;
        var data = record.IsErased ? null : await _vault.GetAsync(volunteer, cancellationToken).ConfigureAwait(false);
        return VolunteerSummary.From(record, data);
    }

    /// <summary>Replaces a volunteer's personal data (checked like a registration's) and records the update.
    /// <see cref="VolunteerResult.VolunteerNotFound"/>, <see cref="VolunteerResult.PersonalDataErased"/>,
    /// <see cref="VolunteerResult.InvalidIdNumber"/> or <see cref="VolunteerResult.IdNumberBirthDateMismatch"/>
    /// leave the vault as it was.</summary>
    /// <param name="volunteer">The volunteer; not empty.</param>
    /// <param name="data">The new data.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async ValueTask<VolunteerResult> UpdatePersonalDataAsync(VolunteerId volunteer, PersonalData data, CancellationToken cancellationToken = default)
    {
        Guard.Against.Null(data);
        var check = Volunteer.CheckPersonalData(data);
        if (check != VolunteerResult.Ok) return check;
        var record = await FindAsync(volunteer, cancellationToken).ConfigureAwait(false);
        if (record is null) return VolunteerResult.VolunteerNotFound;
        if (record.IsErased) return VolunteerResult.PersonalDataErased;
        await _vault.PutAsync(volunteer, data, cancellationToken).ConfigureAwait(false);
        var code = await ChangeAsync(volunteer, static (v, at) => v.MarkPersonalDataUpdated(at), cancellationToken).ConfigureAwait(false);
        if (code == VolunteerResult.PersonalDataErased) await _vault.EraseAsync(volunteer, CancellationToken.None).ConfigureAwait(false);
        return code;
    }

    /// <summary>Suspends a volunteer (see <see cref="Volunteer.Suspend"/>).</summary>
    /// <param name="volunteer">The volunteer; not empty.</param>
    /// <param name="reason">Why; not blank.</param>
    /// <param name="effectiveFrom">The first day suspended.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public ValueTask<VolunteerResult> SuspendAsync(VolunteerId volunteer, string reason, LocalDate effectiveFrom, CancellationToken cancellationToken = default)
        => ChangeAsync(volunteer, (v, at) => v.Suspend(reason, effectiveFrom, at), cancellationToken);

    /// <summary>Reinstates a suspended volunteer (see <see cref="Volunteer.Reinstate"/>).</summary>
    /// <param name="volunteer">The volunteer; not empty.</param>
    /// <param name="reason">Why; not blank.</param>
    /// <param name="effectiveFrom">The first day active again.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public ValueTask<VolunteerResult> ReinstateAsync(VolunteerId volunteer, string reason, LocalDate effectiveFrom, CancellationToken cancellationToken = default)
        => ChangeAsync(volunteer, (v, at) => v.Reinstate(reason, effectiveFrom, at), cancellationToken);

    /// <summary>Records that a volunteer left (see <see cref="Volunteer.Leave"/>).</summary>
    /// <param name="volunteer">The volunteer; not empty.</param>
    /// <param name="reason">Why; not blank.</param>
    /// <param name="effectiveFrom">The first day no longer a volunteer.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public ValueTask<VolunteerResult> LeaveAsync(VolunteerId volunteer, string reason, LocalDate effectiveFrom, CancellationToken cancellationToken = default)
        => ChangeAsync(volunteer, (v, at) => v.Leave(reason, effectiveFrom, at), cancellationToken);

    /// <summary>Adds a training (see <see cref="Volunteer.RecordTraining"/>).</summary>
    /// <param name="volunteer">The volunteer; not empty.</param>
    /// <param name="training">The training.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public ValueTask<VolunteerResult> RecordTrainingAsync(VolunteerId volunteer, TrainingRecord training, CancellationToken cancellationToken = default)
        => ChangeAsync(volunteer, (v, at) => v.RecordTraining(training, at), cancellationToken);

    /// <summary>Adds an award (see <see cref="Volunteer.RecordAward"/>).</summary>
    /// <param name="volunteer">The volunteer; not empty.</param>
    /// <param name="award">The award.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public ValueTask<VolunteerResult> RecordAwardAsync(VolunteerId volunteer, AwardRecord award, CancellationToken cancellationToken = default)
        => ChangeAsync(volunteer, (v, at) => v.RecordAward(award, at), cancellationToken);

    /// <summary>Records the volunteer's consent to exporting their personal data (see
    /// <see cref="Volunteer.GrantExportConsent"/>).</summary>
    /// <param name="volunteer">The volunteer; not empty.</param>
    /// <param name="consent">When and how it was given.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public ValueTask<VolunteerResult> GrantExportConsentAsync(VolunteerId volunteer, Consent consent, CancellationToken cancellationToken = default)
        => ChangeAsync(volunteer, (v, at) => v.GrantExportConsent(consent, at), cancellationToken);

    /// <summary>Withdraws the export consent (see <see cref="Volunteer.WithdrawExportConsent"/>).</summary>
    /// <param name="volunteer">The volunteer; not empty.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public ValueTask<VolunteerResult> WithdrawExportConsentAsync(VolunteerId volunteer, CancellationToken cancellationToken = default)
        => ChangeAsync(volunteer, static (v, at) => v.WithdrawExportConsent(at), cancellationToken);

    /// <summary>Exports a volunteer's unmasked personal data. Refused with
    /// <see cref="VolunteerResult.VolunteerNotFound"/>, <see cref="VolunteerResult.PersonalDataErased"/>,
    /// <see cref="VolunteerResult.ExportConsentRequired"/> (no export consent on record) or
    /// <see cref="VolunteerResult.PersonalDataMissing"/>.</summary>
    /// <param name="volunteer">The volunteer; not empty.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async ValueTask<VolunteerExport> ExportAsync(VolunteerId volunteer, CancellationToken cancellationToken = default)
    {
        var record = await FindAsync(volunteer, cancellationToken).ConfigureAwait(false);
        if (record is null) return new VolunteerExport(VolunteerResult.VolunteerNotFound, volunteer, string.Empty, null);
        if (record.IsErased) return new VolunteerExport(VolunteerResult.PersonalDataErased, volunteer, record.Number, null);
        if (!record.HasExportConsent) return new VolunteerExport(VolunteerResult.ExportConsentRequired, volunteer, record.Number, null);
        var data = await _vault.GetAsync(volunteer, cancellationToken).ConfigureAwait(false);
        return data is null
            ? new VolunteerExport(VolunteerResult.PersonalDataMissing, volunteer, record.Number, null)
            : new VolunteerExport(VolunteerResult.Ok, volunteer, record.Number, data);
    }

    /// <summary>Erases a volunteer's personal data for good: the vault entry first, then a
    /// <see cref="PersonalDataErased"/> event. The number, status history, training, awards and ledger accounts stay.
    /// Repeating it answers <see cref="VolunteerResult.AlreadyDone"/> (and erases the vault entry again, in case an
    /// earlier attempt was interrupted).</summary>
    /// <param name="volunteer">The volunteer; not empty.</param>
    /// <param name="reason">Why; not blank.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async ValueTask<VolunteerResult> EraseAsync(VolunteerId volunteer, string reason, CancellationToken cancellationToken = default)
    {
        Guard.Against.NullOrWhiteSpace(reason);
        var record = await FindAsync(volunteer, cancellationToken).ConfigureAwait(false);
        if (record is null) return VolunteerResult.VolunteerNotFound;
        await _vault.EraseAsync(volunteer, cancellationToken).ConfigureAwait(false);
        return await ChangeAsync(volunteer, (v, at) => v.MarkErased(reason, at), cancellationToken).ConfigureAwait(false);
    }

    private async ValueTask<VolunteerResult> ChangeAsync(VolunteerId volunteer, Func<Volunteer, Instant, VolunteerResult> change, CancellationToken cancellationToken)
    {
        var stream = Volunteer.StreamOf(volunteer);
        for (var attempt = 0; attempt < MaxAttempts; attempt++)
        {
            var record = await _volunteers.LoadAsync(stream, cancellationToken).ConfigureAwait(false);
            if (record is null) return VolunteerResult.VolunteerNotFound;
            var code = change(record, _clock.GetCurrentInstant());
            if (code != VolunteerResult.Ok) return code;
            var saved = await _volunteers.SaveAsync(record, cancellationToken).ConfigureAwait(false);
            if (saved.IsAppended) return VolunteerResult.Ok;
            if (saved.Status != AppendStatus.WrongExpectedVersion) throw new InvalidOperationException($"Saving {stream} was refused: {saved}.");
        }

        return VolunteerResult.ConcurrentChange;
    }
}
