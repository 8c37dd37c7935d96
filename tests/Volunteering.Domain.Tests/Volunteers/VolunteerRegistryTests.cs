using NodaTime;
using NodaTime.Testing;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;
using Volunteering.Domain.Storage;
using Volunteering.Domain.Volunteers;
using static Volunteering.Domain.Tests.Volunteers.VolunteerKit;

namespace Volunteering.Domain.Tests.Volunteers;

/// <summary><see cref="VolunteerRegistry"/> on the reference store and vault: registration and number uniqueness,
/// personal data kept in the vault only, masked summaries, consented export, erasure.</summary>
public class VolunteerRegistryTests
{
    private readonly InMemoryRecordStore _store = new();
    private readonly InMemoryPersonalDataVault _vault = new();
    private readonly FakeClock _clock = new(At);
    private readonly VolunteerRegistry _registry;

    public VolunteerRegistryTests() => _registry = new VolunteerRegistry(_store, _vault, _clock);

    [Fact]
    public async Task A_registration_stores_the_record_in_the_store_and_the_personal_data_in_the_vault_only()
    {
        var registration = Registration();
        Assert.Equal(VolunteerResult.Ok, await _registry.RegisterAsync(registration));

        Assert.Equal(registration.PersonalData, await _vault.GetAsync(registration.Volunteer));
        var volunteer = (await _registry.FindAsync(registration.Volunteer))!;
        Assert.Equal(("GL-0001", VolunteerStatus.Active), (volunteer.Number, volunteer.Status));
        Assert.Equal(volunteer.Id, (await _registry.FindByNumberAsync(Scheme, "GL-0001"))!.Id);
        Assert.Null(await _registry.FindByNumberAsync(Scheme, "GL-0002"));

        // Nothing personal reaches the store: no record's text contains the name, the ID number or the phone.
        await foreach (var record in _store.ReadAllAsync())
        {
            var text = record.Payload.ToString()!;
            Assert.DoesNotContain("Wang Fang", text, StringComparison.Ordinal);
            Assert.DoesNotContain(WangIdNumber, text, StringComparison.Ordinal);
            Assert.DoesNotContain("13900000000", text, StringComparison.Ordinal);
            Assert.DoesNotContain("Hunan Road", text, StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task A_number_is_unique_per_scheme_and_a_refused_registration_leaves_no_personal_data()
    {
        Assert.Equal(VolunteerResult.Ok, await _registry.RegisterAsync(Registration(number: "GL-0001")));
        var second = Registration(number: "GL-0001", data: Visitor());
        Assert.Equal(VolunteerResult.NumberTaken, await _registry.RegisterAsync(second));
        Assert.Null(await _vault.GetAsync(second.Volunteer));
        Assert.Equal(1, _vault.Count);

        var otherScheme = new VolunteerRegistration(VolunteerId.New(), SchemeId.New(), "GL-0001", Visitor(), Day0);
        Assert.Equal(VolunteerResult.Ok, await _registry.RegisterAsync(otherScheme));
    }

    [Fact]
    public async Task Two_racing_registrations_of_one_number_can_never_both_be_stored()
    {
        // Both pass the early check (neither is stored yet), so the store's key decides.
        var first = Registration(number: "GL-0009");
        var second = Registration(number: "GL-0009", data: Visitor());
        Assert.Equal(VolunteerResult.Ok, Volunteer.Register(first, At, out var a));
        Assert.Equal(VolunteerResult.Ok, Volunteer.Register(second, At, out var b));
        var repository = Volunteer.Repository(_store);
        Assert.True((await repository.SaveAsync(a!)).IsAppended);
        var lost = await repository.SaveAsync(b!);
        Assert.Equal(AppendResult.Duplicate(VolunteerNumbers.KeyOf(Scheme, "GL-0009")), lost);
        Assert.Null(await repository.LoadAsync(b!.Stream));
    }

    [Fact]
    public async Task The_registry_erases_the_data_it_put_when_the_store_refuses_the_number_at_save_time()
    {
        var racing = new RacingStore(_store, Registration(number: "GL-0042", data: Visitor()));
        var registry = new VolunteerRegistry(racing, _vault, _clock);
        var mine = Registration(number: "GL-0042");

        Assert.Equal(VolunteerResult.NumberTaken, await registry.RegisterAsync(mine));
        Assert.Null(await _vault.GetAsync(mine.Volunteer));
        Assert.Equal(0, _vault.Count);
        Assert.Null(await _registry.FindAsync(mine.Volunteer));
    }

    [Fact]
    public async Task Registering_an_id_again_is_already_done_with_the_same_data_and_refused_otherwise()
    {
        var registration = Registration();
        await _registry.RegisterAsync(registration);
        Assert.Equal(VolunteerResult.AlreadyDone, await _registry.RegisterAsync(registration));
        Assert.Equal(VolunteerResult.VolunteerExists, await _registry.RegisterAsync(Registration(id: registration.Volunteer, number: "GL-0002")));
        Assert.Equal(VolunteerResult.VolunteerExists, await _registry.RegisterAsync(Registration(id: registration.Volunteer, data: Wang("13911112222"))));
        Assert.Equal(registration.PersonalData, await _vault.GetAsync(registration.Volunteer));
    }

    [Fact]
    public async Task A_refused_registration_writes_nothing()
    {
        var bad = Registration(enteredBy: UnitId.New());
        Assert.Equal(VolunteerResult.ConsentRequired, await _registry.RegisterAsync(bad));
        Assert.Equal(0, _vault.Count);
        Assert.Equal(0, await _store.GetPositionAsync());
    }

    [Fact]
    public async Task Summaries_show_masked_ID_number_and_phone_only()
    {
        var registration = Registration();
        await _registry.RegisterAsync(registration);
        var summary = (await _registry.GetSummaryAsync(registration.Volunteer))!;

        Assert.Equal("Wang Fang", summary.Name);
        Assert.Equal("320102********123" + WangIdNumber[^1], summary.MaskedIdNumber);
        Assert.Equal("139****0000", summary.MaskedPhone);
        Assert.Equal("Hunan Road", summary.Community);
        Assert.DoesNotContain(WangIdNumber, summary.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain("13900000000", summary.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(WangIdNumber, registration.PersonalData.ToString(), StringComparison.Ordinal);
        Assert.Null(await _registry.GetSummaryAsync(VolunteerId.New()));
    }

    [Fact]
    public async Task Export_needs_the_volunteers_consent()
    {
        var registration = Registration();
        await _registry.RegisterAsync(registration);
        var refused = await _registry.ExportAsync(registration.Volunteer);
        Assert.Equal(VolunteerResult.ExportConsentRequired, refused.Code);
        Assert.Null(refused.Data);

        Assert.Equal(VolunteerResult.Ok, await _registry.GrantExportConsentAsync(registration.Volunteer, new Consent(At, ConsentMethod.Written)));
        var export = await _registry.ExportAsync(registration.Volunteer);
        Assert.True(export.IsSuccess);
        Assert.Equal(registration.PersonalData, export.Data);

        Assert.Equal(VolunteerResult.Ok, await _registry.WithdrawExportConsentAsync(registration.Volunteer));
        Assert.Equal(VolunteerResult.ExportConsentRequired, (await _registry.ExportAsync(registration.Volunteer)).Code);
        Assert.Equal(VolunteerResult.VolunteerNotFound, (await _registry.ExportAsync(VolunteerId.New())).Code);
    }

    [Fact]
    public async Task Export_of_data_the_vault_lost_answers_missing()
    {
        var registration = Registration();
        await _registry.RegisterAsync(registration);
        await _registry.GrantExportConsentAsync(registration.Volunteer, new Consent(At, ConsentMethod.Written));
        await _vault.EraseAsync(registration.Volunteer);
        Assert.Equal(VolunteerResult.PersonalDataMissing, (await _registry.ExportAsync(registration.Volunteer)).Code);
        Assert.Equal(VolunteerSummary.UnavailablePlaceholder, (await _registry.GetSummaryAsync(registration.Volunteer))!.Name);
    }

    [Fact]
    public async Task Erasure_removes_the_personal_data_keeps_the_record_and_leaves_the_ledger_balanced()
    {
        var registration = Registration();
        await _registry.RegisterAsync(registration);
        await _registry.RecordTrainingAsync(registration.Volunteer, new TrainingRecord(Guid.NewGuid(), "First aid", "CPR", 90, "Red Cross", Day(1)));
        await _registry.SuspendAsync(registration.Volunteer, "on leave", Day(2));
        await _registry.GrantExportConsentAsync(registration.Volunteer, new Consent(At, ConsentMethod.Written));

        // The volunteer holds time on the ledger kept in the same store.
        var ledger = await PersistentLedger.OpenAsync(_store, _clock);
        var issuing = AccountId.New();
        var account = AccountId.New();
        ledger.Ledger.OpenAccount(new OpenAccountRequest(issuing, Asset.TimeCredit, Guid.Empty, 1, floor: null));
        ledger.Ledger.OpenAccount(new OpenAccountRequest(account, Asset.TimeCredit, registration.Volunteer.Value, 2));
        Assert.Equal(TransferResult.Ok, ledger.Ledger.Submit(TransferRequest.Post(TransferId.New(), issuing, account, 180, 1)));
        await ledger.SaveChangesAsync();

        _clock.Advance(Duration.FromDays(1));
        Assert.Equal(VolunteerResult.Ok, await _registry.EraseAsync(registration.Volunteer, "asked by the person"));
        Assert.Equal(VolunteerResult.AlreadyDone, await _registry.EraseAsync(registration.Volunteer, "again"));

        Assert.Null(await _vault.GetAsync(registration.Volunteer));
        var volunteer = (await _registry.FindAsync(registration.Volunteer))!;
        Assert.True(volunteer.IsErased);
        Assert.Equal(At + Duration.FromDays(1), volunteer.ErasedAt);
        Assert.Equal(("GL-0001", VolunteerStatus.Suspended, 1), (volunteer.Number, volunteer.Status, volunteer.Trainings.Count));
        var summary = (await _registry.GetSummaryAsync(registration.Volunteer))!;
        Assert.Equal((VolunteerSummary.ErasedPlaceholder, VolunteerSummary.ErasedPlaceholder, VolunteerSummary.ErasedPlaceholder), (summary.Name, summary.MaskedIdNumber, summary.MaskedPhone));
        Assert.True(summary.IsErased);
        Assert.Equal(VolunteerResult.PersonalDataErased, (await _registry.ExportAsync(registration.Volunteer)).Code);
        Assert.Equal(VolunteerResult.PersonalDataErased, await _registry.UpdatePersonalDataAsync(registration.Volunteer, Wang()));
        Assert.Null(await _vault.GetAsync(registration.Volunteer));
        Assert.Equal(VolunteerResult.VolunteerExists, await _registry.RegisterAsync(registration));

        Assert.Equal(180, (await _store.GetBalanceAsync(account))!.Value.Posted);
        Assert.True((await LedgerAudit.VerifyAsync(_store)).IsClean);
        Assert.Equal(VolunteerResult.VolunteerNotFound, await _registry.EraseAsync(VolunteerId.New(), "x"));
    }

    [Fact]
    public async Task Personal_data_can_be_updated_after_the_same_checks_as_a_registration()
    {
        var registration = Registration();
        await _registry.RegisterAsync(registration);
        Assert.Equal(VolunteerResult.Ok, await _registry.UpdatePersonalDataAsync(registration.Volunteer, Wang("13911112222")));
        Assert.Equal("13911112222", (await _vault.GetAsync(registration.Volunteer))!.Phone);
        Assert.IsType<PersonalDataUpdated>((await _store.ReadStreamAsync(Volunteer.StreamOf(registration.Volunteer)).LastAsync()).Payload);

        var invalid = new Volunteering.Domain.Volunteers.PersonalData("Wang Fang", Gender.Female, new LocalDate(1970, 5, 12), IdDocumentType.ResidentIdCard, "123", Home, "1");
        Assert.Equal(VolunteerResult.InvalidIdNumber, await _registry.UpdatePersonalDataAsync(registration.Volunteer, invalid));
        Assert.Equal(VolunteerResult.VolunteerNotFound, await _registry.UpdatePersonalDataAsync(VolunteerId.New(), Wang()));
        Assert.Equal("13911112222", (await _vault.GetAsync(registration.Volunteer))!.Phone);
    }

    [Fact]
    public async Task Status_training_and_award_commands_go_through_the_registry()
    {
        var registration = Registration();
        await _registry.RegisterAsync(registration);
        var id = registration.Volunteer;
        Assert.Equal(VolunteerResult.Ok, await _registry.SuspendAsync(id, "complaint", Day(1)));
        Assert.Equal(VolunteerResult.Ok, await _registry.ReinstateAsync(id, "cleared", Day(2)));
        Assert.Equal(VolunteerResult.Ok, await _registry.RecordAwardAsync(id, new AwardRecord(Guid.NewGuid(), "Star", Day(3), "District")));
        Assert.Equal(VolunteerResult.Ok, await _registry.LeaveAsync(id, "moved", Day(4)));
        Assert.Equal(VolunteerResult.VolunteerHasLeft, await _registry.SuspendAsync(id, "x", Day(5)));
        Assert.Equal(VolunteerResult.VolunteerNotFound, await _registry.SuspendAsync(VolunteerId.New(), "x", Day(5)));

        var loaded = (await _registry.FindAsync(id))!;
        Assert.Equal([VolunteerStatus.Active, VolunteerStatus.Suspended, VolunteerStatus.Active, VolunteerStatus.Left], loaded.StatusHistory.Select(s => s.Status));
        Assert.Single(loaded.Awards);
    }

    [Fact]
    public async Task A_change_that_keeps_conflicting_gives_up_with_concurrent_change()
    {
        var registration = Registration();
        await _registry.RegisterAsync(registration);
        var registry = new VolunteerRegistry(new ConflictingStore(_store), _vault, _clock);
        Assert.Equal(VolunteerResult.ConcurrentChange, await registry.SuspendAsync(registration.Volunteer, "x", Day(1)));
        Assert.Equal(VolunteerStatus.Active, (await _registry.FindAsync(registration.Volunteer))!.Status);
    }

    /// <summary>A store where another registration of the same number slips in just before the first append.</summary>
    private sealed class RacingStore(IRecordStore inner, VolunteerRegistration rival) : DelegatingStore(inner)
    {
        private bool _raced;

        public override async ValueTask<AppendResult> AppendAsync(IReadOnlyList<NewRecord> batch, CancellationToken cancellationToken = default)
        {
            if (!_raced)
            {
                _raced = true;
                Volunteer.Register(rival, At, out var other);
                await Volunteer.Repository(Inner).SaveAsync(other!, cancellationToken);
            }

            return await Inner.AppendAsync(batch, cancellationToken);
        }
    }

    /// <summary>A store whose appends always find the stream changed.</summary>
    private sealed class ConflictingStore(IRecordStore inner) : DelegatingStore(inner)
    {
        public override ValueTask<AppendResult> AppendAsync(IReadOnlyList<NewRecord> batch, CancellationToken cancellationToken = default)
            => ValueTask.FromResult(AppendResult.VersionConflict(batch[0].Stream, batch[0].Version - 1, batch[0].Version));
    }

    private class DelegatingStore(IRecordStore inner) : IRecordStore
    {
        protected IRecordStore Inner { get; } = inner;

        public virtual ValueTask<AppendResult> AppendAsync(IReadOnlyList<NewRecord> batch, CancellationToken cancellationToken = default) => Inner.AppendAsync(batch, cancellationToken);

        public IAsyncEnumerable<StoredRecord> ReadAllAsync(long afterPosition = 0, CancellationToken cancellationToken = default) => Inner.ReadAllAsync(afterPosition, cancellationToken);

        public IAsyncEnumerable<StoredRecord> ReadStreamAsync(StreamName stream, long afterVersion = 0, CancellationToken cancellationToken = default) => Inner.ReadStreamAsync(stream, afterVersion, cancellationToken);

        public ValueTask<long> GetStreamVersionAsync(StreamName stream, CancellationToken cancellationToken = default) => Inner.GetStreamVersionAsync(stream, cancellationToken);

        public ValueTask<long> GetPositionAsync(CancellationToken cancellationToken = default) => Inner.GetPositionAsync(cancellationToken);

        public ValueTask<StoredRecord?> FindItemAsync(ItemKey item, CancellationToken cancellationToken = default) => Inner.FindItemAsync(item, cancellationToken);

        public ValueTask SaveSnapshotAsync(RecordSnapshot snapshot, CancellationToken cancellationToken = default) => Inner.SaveSnapshotAsync(snapshot, cancellationToken);

        public ValueTask<RecordSnapshot?> LoadSnapshotAsync(StreamName stream, CancellationToken cancellationToken = default) => Inner.LoadSnapshotAsync(stream, cancellationToken);
    }
}
