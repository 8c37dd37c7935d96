using Ardalis.GuardClauses;
using NodaTime;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Storage;

namespace Volunteering.Domain.Volunteers;

/// <summary>
/// A registered volunteer's record (志愿者记录) without the personal fields: scheme and number, who entered it and the
/// consent on record, status history, training, awards, export consent and erasure. An event-sourced aggregate kept in
/// the stream <c>volunteer-{id:N}</c>; its events never hold personal fields (see <see cref="VolunteerEvent"/>).
/// </summary>
/// <remarks>
/// Status changes take effect on dates in order (earlier than the latest is
/// <see cref="VolunteerResult.EffectiveDateBeforeLastChange"/>). A volunteer who left takes no further changes
/// (<see cref="VolunteerResult.VolunteerHasLeft"/>) except export consent and erasure. Use the
/// <see cref="VolunteerRegistry"/> to keep the record and the vault in step. Not thread-safe.
/// </remarks>
public sealed class Volunteer : AggregateRoot<VolunteerEvent>
{
    /// <summary>The stream category of volunteers: a volunteer's stream is <c>volunteer-{id:N}</c>.</summary>
    public const string StreamCategory = "volunteer";

    /// <summary>The reason recorded in the first <see cref="StatusChange"/>.</summary>
    public const string RegisteredReason = "registered";

    private readonly List<StatusChange> _statuses = [];
    private readonly List<TrainingRecord> _trainings = [];
    private readonly List<AwardRecord> _awards = [];

    private Volunteer(StreamName stream) => Stream = stream;

    /// <inheritdoc />
    public override StreamName Stream { get; }

    /// <summary>The volunteer's id.</summary>
    public VolunteerId Id { get; private set; }

    /// <summary>The scheme the number belongs to.</summary>
    public SchemeId Scheme { get; private set; }

    /// <summary>The volunteer number.</summary>
    public string Number { get; private set; } = string.Empty;

    /// <summary>Who entered the registration.</summary>
    public RegistrationSource Source { get; private set; }

    /// <summary>The practice unit that entered it, or null for a self-registration.</summary>
    public UnitId? EnteredBy { get; private set; }

    /// <summary>The consent to the record: when and how.</summary>
    public Consent RegistrationConsent { get; private set; } = new(default, ConsentMethod.SelfEntered);

    /// <summary>The first day of the registration.</summary>
    public LocalDate RegisteredOn { get; private set; }

    /// <summary>When the registration was recorded.</summary>
    public Instant RegisteredAt { get; private set; }

    /// <summary>The current status (after every recorded change).</summary>
    public VolunteerStatus Status => _statuses.Count == 0 ? VolunteerStatus.Active : _statuses[^1].Status;

    /// <summary>The status history, oldest first; the first entry is the registration (<see cref="VolunteerStatus.Active"/>).</summary>
    public IReadOnlyList<StatusChange> StatusHistory => _statuses;

    /// <summary>Trainings on record, in the order recorded.</summary>
    public IReadOnlyList<TrainingRecord> Trainings => _trainings;

    /// <summary>Awards on record, in the order recorded.</summary>
    public IReadOnlyList<AwardRecord> Awards => _awards;

    /// <summary>The export consent on record, or null (never given, withdrawn, or the data erased).</summary>
    public Consent? ExportConsent { get; private set; }

    /// <summary>True while an export consent is on record.</summary>
    public bool HasExportConsent => ExportConsent is not null;

    /// <summary>When the personal data was erased, or null.</summary>
    public Instant? ErasedAt { get; private set; }

    /// <summary>True once the personal data is erased.</summary>
    public bool IsErased => ErasedAt is not null;

    /// <summary>The stream of a volunteer.</summary>
    /// <param name="id">The volunteer; not empty.</param>
    /// <exception cref="ArgumentException">The id is empty.</exception>
    public static StreamName StreamOf(VolunteerId id)
    {
        Guard.Against.Expression(static x => x.IsEmpty, id, "The volunteer id must not be empty.", nameof(id));
        return StreamName.For(StreamCategory, id.Value);
    }

    /// <summary>A repository that loads and saves volunteers in <paramref name="store"/>.</summary>
    /// <param name="store">The store.</param>
    public static AggregateRepository<Volunteer, VolunteerEvent> Repository(IRecordStore store)
        => new(store, static stream => new Volunteer(stream));

    /// <summary>Registers a volunteer (the record's first event; the personal fields are checked here but not kept).
    /// Rules, in order: an organisation's entry carries a consent other than
    /// <see cref="ConsentMethod.SelfEntered"/> (<see cref="VolunteerResult.ConsentRequired"/>); the consent is not dated
    /// after <paramref name="at"/> (<see cref="VolunteerResult.ConsentAfterRegistration"/>); a resident identity card
    /// number has a valid check character (<see cref="VolunteerResult.InvalidIdNumber"/>) and encodes the date of birth
    /// given (<see cref="VolunteerResult.IdNumberBirthDateMismatch"/>). Number uniqueness is checked by the store when
    /// the event is saved (<see cref="ItemKeyOf"/>).</summary>
    /// <param name="registration">What is registered.</param>
    /// <param name="at">When it is recorded.</param>
    /// <param name="volunteer">The new, unsaved volunteer on <see cref="VolunteerResult.Ok"/>; otherwise null.</param>
    /// <exception cref="ArgumentNullException"><paramref name="registration"/> is null.</exception>
    public static VolunteerResult Register(VolunteerRegistration registration, Instant at, out Volunteer? volunteer)
    {
        Guard.Against.Null(registration);
        volunteer = null;
        var code = Check(registration, at);
        if (code != VolunteerResult.Ok) return code;
        var consent = registration.Consent ?? new Consent(at, ConsentMethod.SelfEntered);
        volunteer = new Volunteer(StreamOf(registration.Volunteer));
        volunteer.Raise(new VolunteerRegistered(
            registration.Volunteer,
            registration.Scheme,
            registration.Number,
            registration.Source,
            registration.EnteredBy,
            consent.GivenAt,
            consent.Method,
            registration.RegisteredOn,
            at));
        return VolunteerResult.Ok;
    }

    /// <summary>Checks new personal fields for this volunteer (the ID-number rules of <see cref="Register"/>).</summary>
    /// <param name="data">The fields.</param>
    /// <returns><see cref="VolunteerResult.Ok"/>, <see cref="VolunteerResult.InvalidIdNumber"/> or
    /// <see cref="VolunteerResult.IdNumberBirthDateMismatch"/>.</returns>
    public static VolunteerResult CheckPersonalData(PersonalData data)
    {
        Guard.Against.Null(data);
        if (data.IdType != IdDocumentType.ResidentIdCard) return VolunteerResult.Ok;
        if (!ResidentIdNumber.HasValidChecksum(data.IdNumber)) return VolunteerResult.InvalidIdNumber;
        return ResidentIdNumber.BirthDateOf(data.IdNumber) == data.BirthDate ? VolunteerResult.Ok : VolunteerResult.IdNumberBirthDateMismatch;
    }

    /// <summary>Suspends the volunteer from a date. Left: <see cref="VolunteerResult.VolunteerHasLeft"/>; already
    /// suspended: <see cref="VolunteerResult.AlreadyDone"/>; dated before the latest status change:
    /// <see cref="VolunteerResult.EffectiveDateBeforeLastChange"/>.</summary>
    /// <param name="reason">Why; not blank.</param>
    /// <param name="effectiveFrom">The first day suspended.</param>
    /// <param name="at">When it is recorded.</param>
    public VolunteerResult Suspend(string reason, LocalDate effectiveFrom, Instant at)
    {
        reason = Reason(reason);
        if (Status == VolunteerStatus.Left) return VolunteerResult.VolunteerHasLeft;
        if (Status == VolunteerStatus.Suspended) return VolunteerResult.AlreadyDone;
        if (effectiveFrom < _statuses[^1].EffectiveFrom) return VolunteerResult.EffectiveDateBeforeLastChange;
        Raise(new VolunteerSuspended(Id, reason, effectiveFrom, at));
        return VolunteerResult.Ok;
    }

    /// <summary>Reinstates a suspended volunteer from a date. Left: <see cref="VolunteerResult.VolunteerHasLeft"/>;
    /// already active: <see cref="VolunteerResult.AlreadyDone"/>; dated too early:
    /// <see cref="VolunteerResult.EffectiveDateBeforeLastChange"/>.</summary>
    /// <param name="reason">Why; not blank.</param>
    /// <param name="effectiveFrom">The first day active again.</param>
    /// <param name="at">When it is recorded.</param>
    public VolunteerResult Reinstate(string reason, LocalDate effectiveFrom, Instant at)
    {
        reason = Reason(reason);
        if (Status == VolunteerStatus.Left) return VolunteerResult.VolunteerHasLeft;
        if (Status == VolunteerStatus.Active) return VolunteerResult.AlreadyDone;
        if (effectiveFrom < _statuses[^1].EffectiveFrom) return VolunteerResult.EffectiveDateBeforeLastChange;
        Raise(new VolunteerReinstated(Id, reason, effectiveFrom, at));
        return VolunteerResult.Ok;
    }

    /// <summary>Records that the volunteer left, from a date (final). Already left:
    /// <see cref="VolunteerResult.AlreadyDone"/>; dated too early: <see cref="VolunteerResult.EffectiveDateBeforeLastChange"/>.</summary>
    /// <param name="reason">Why; not blank.</param>
    /// <param name="effectiveFrom">The first day no longer a volunteer.</param>
    /// <param name="at">When it is recorded.</param>
    public VolunteerResult Leave(string reason, LocalDate effectiveFrom, Instant at)
    {
        reason = Reason(reason);
        if (Status == VolunteerStatus.Left) return VolunteerResult.AlreadyDone;
        if (effectiveFrom < _statuses[^1].EffectiveFrom) return VolunteerResult.EffectiveDateBeforeLastChange;
        Raise(new VolunteerLeft(Id, reason, effectiveFrom, at));
        return VolunteerResult.Ok;
    }

    /// <summary>The status on a date: the latest change on or before it; null before the registration.</summary>
    /// <param name="date">The date.</param>
    public VolunteerStatus? StatusOn(LocalDate date)
    {
        for (var i = _statuses.Count - 1; i >= 0; i--)
        {
            if (_statuses[i].EffectiveFrom <= date) return _statuses[i].Status;
        }

        return null;
    }

    /// <summary>Adds a training to the record. Left: <see cref="VolunteerResult.VolunteerHasLeft"/>; the same record
    /// again: <see cref="VolunteerResult.AlreadyDone"/>; its id with other details:
    /// <see cref="VolunteerResult.TrainingExistsWithDifferentDetails"/>.</summary>
    /// <param name="training">The training.</param>
    /// <param name="at">When it is recorded.</param>
    public VolunteerResult RecordTraining(TrainingRecord training, Instant at)
    {
        Guard.Against.Null(training);
        EnsureRegistered();
        var existing = _trainings.Find(t => t.Id == training.Id);
        if (existing is not null) return existing == training ? VolunteerResult.AlreadyDone : VolunteerResult.TrainingExistsWithDifferentDetails;
        if (Status == VolunteerStatus.Left) return VolunteerResult.VolunteerHasLeft;
        Raise(new TrainingRecorded(Id, training.Id, training.Name, training.Content, training.DurationMinutes, training.Organiser, training.Date, at));
        return VolunteerResult.Ok;
    }

    /// <summary>Adds an award to the record. Left: <see cref="VolunteerResult.VolunteerHasLeft"/>; the same record
    /// again: <see cref="VolunteerResult.AlreadyDone"/>; its id with other details:
    /// <see cref="VolunteerResult.AwardExistsWithDifferentDetails"/>.</summary>
    /// <param name="award">The award.</param>
    /// <param name="at">When it is recorded.</param>
    public VolunteerResult RecordAward(AwardRecord award, Instant at)
    {
        Guard.Against.Null(award);
        EnsureRegistered();
        var existing = _awards.Find(a => a.Id == award.Id);
        if (existing is not null) return existing == award ? VolunteerResult.AlreadyDone : VolunteerResult.AwardExistsWithDifferentDetails;
        if (Status == VolunteerStatus.Left) return VolunteerResult.VolunteerHasLeft;
        Raise(new AwardRecorded(Id, award.Id, award.Name, award.Date, award.GrantingBody, at));
        return VolunteerResult.Ok;
    }

    /// <summary>Records the volunteer's consent to exporting their personal data. Erased:
    /// <see cref="VolunteerResult.PersonalDataErased"/>; a consent already on record:
    /// <see cref="VolunteerResult.AlreadyDone"/>.</summary>
    /// <param name="consent">When and how it was given.</param>
    /// <param name="at">When it is recorded.</param>
    public VolunteerResult GrantExportConsent(Consent consent, Instant at)
    {
        Guard.Against.Null(consent);
        EnsureRegistered();
        if (IsErased) return VolunteerResult.PersonalDataErased;
        if (HasExportConsent) return VolunteerResult.AlreadyDone;
        Raise(new ExportConsentGranted(Id, consent.GivenAt, consent.Method, at));
        return VolunteerResult.Ok;
    }

    /// <summary>Withdraws the export consent. None on record: <see cref="VolunteerResult.AlreadyDone"/>.</summary>
    /// <param name="at">When it is recorded.</param>
    public VolunteerResult WithdrawExportConsent(Instant at)
    {
        EnsureRegistered();
        if (!HasExportConsent) return VolunteerResult.AlreadyDone;
        Raise(new ExportConsentWithdrawn(Id, at));
        return VolunteerResult.Ok;
    }

    /// <summary>Records that the personal data was replaced in the vault (after <see cref="CheckPersonalData"/>).
    /// Erased: <see cref="VolunteerResult.PersonalDataErased"/>.</summary>
    /// <param name="at">When it is recorded.</param>
    public VolunteerResult MarkPersonalDataUpdated(Instant at)
    {
        EnsureRegistered();
        if (IsErased) return VolunteerResult.PersonalDataErased;
        Raise(new PersonalDataUpdated(Id, at));
        return VolunteerResult.Ok;
    }

    /// <summary>Records that the personal data was erased from the vault (erase it there first); any export consent
    /// lapses. Already erased: <see cref="VolunteerResult.AlreadyDone"/>.</summary>
    /// <param name="reason">Why; not blank.</param>
    /// <param name="at">When it is recorded.</param>
    public VolunteerResult MarkErased(string reason, Instant at)
    {
        reason = Reason(reason);
        if (IsErased) return VolunteerResult.AlreadyDone;
        Raise(new PersonalDataErased(Id, reason, at));
        return VolunteerResult.Ok;
    }

    /// <summary>A registration claims its number's key (<see cref="VolunteerNumbers.KeyOf"/>); other events claim none.</summary>
    /// <param name="e">The event.</param>
    public override ItemKey ItemKeyOf(VolunteerEvent e)
        => e is VolunteerRegistered r ? VolunteerNumbers.KeyOf(r.Scheme, r.Number) : default;

    /// <inheritdoc />
    protected override void Apply(VolunteerEvent e)
    {
        switch (e)
        {
            case VolunteerRegistered r:
                Id = r.VolunteerId;
                Scheme = r.Scheme;
                Number = r.Number;
                Source = r.Source;
                EnteredBy = r.EnteredBy;
                RegistrationConsent = new Consent(r.ConsentGivenAt, r.ConsentMethod);
                RegisteredOn = r.RegisteredOn;
                RegisteredAt = r.At;
                _statuses.Add(new StatusChange(VolunteerStatus.Active, RegisteredReason, r.RegisteredOn, r.At));
                break;
            case VolunteerSuspended s:
                _statuses.Add(new StatusChange(VolunteerStatus.Suspended, s.Reason, s.EffectiveFrom, s.At));
                break;
            case VolunteerReinstated s:
                _statuses.Add(new StatusChange(VolunteerStatus.Active, s.Reason, s.EffectiveFrom, s.At));
                break;
            case VolunteerLeft s:
                _statuses.Add(new StatusChange(VolunteerStatus.Left, s.Reason, s.EffectiveFrom, s.At));
                break;
            case TrainingRecorded t:
                _trainings.Add(new TrainingRecord(t.TrainingId, t.Name, t.Content, t.DurationMinutes, t.Organiser, t.Date));
                break;
            case AwardRecorded a:
                _awards.Add(new AwardRecord(a.AwardId, a.Name, a.Date, a.GrantingBody));
                break;
            case ExportConsentGranted g:
                ExportConsent = new Consent(g.GivenAt, g.Method);
                break;
            case ExportConsentWithdrawn:
                ExportConsent = null;
                break;
            case PersonalDataUpdated:
                break;
            case PersonalDataErased x:
                ErasedAt = x.At;
                ExportConsent = null;
                break;
            default:
                throw new InvalidDataException($"A volunteer cannot apply a {e.GetType().Name}.");
        }
    }

    private static VolunteerResult Check(VolunteerRegistration registration, Instant at)
    {
        if (registration.Source == RegistrationSource.Organisation
            && (registration.Consent is null || registration.Consent.Method == ConsentMethod.SelfEntered))
        {
            return VolunteerResult.ConsentRequired;
        }

        if (registration.Consent is not null && registration.Consent.GivenAt > at) return VolunteerResult.ConsentAfterRegistration;
        return CheckPersonalData(registration.PersonalData);
    }

    private string Reason(string reason)
    {
        var trimmed = Guard.Against.NullOrWhiteSpace(reason).Trim();
        EnsureRegistered();
        return trimmed;
    }

    private void EnsureRegistered()
    {
        if (Version == 0) throw new InvalidOperationException("The volunteer has not been registered.");
    }
}
