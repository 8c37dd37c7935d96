using NodaTime;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Storage;
using Volunteering.Domain.Volunteers;
using static Volunteering.Domain.Tests.Volunteers.VolunteerKit;

namespace Volunteering.Domain.Tests.Volunteers;

/// <summary>Every rule and rejection of the <see cref="Volunteer"/> aggregate.</summary>
public class VolunteerRuleTests
{
    [Fact]
    public void A_self_registration_records_number_source_and_its_own_consent()
    {
        var volunteer = Registered();
        Assert.Equal(("GL-0001", RegistrationSource.Self, (UnitId?)null), (volunteer.Number, volunteer.Source, volunteer.EnteredBy));
        Assert.Equal(new Consent(At, ConsentMethod.SelfEntered), volunteer.RegistrationConsent);
        Assert.Equal(VolunteerStatus.Active, volunteer.Status);
        Assert.Equal(StreamName.For("volunteer", volunteer.Id.Value), volunteer.Stream);
        Assert.Equal(VolunteerNumbers.KeyOf(Scheme, "GL-0001"), volunteer.ItemKeyOf(volunteer.UnsavedEvents[0]));
    }

    [Fact]
    public void An_organisation_registration_needs_a_recorded_consent()
    {
        var unit = UnitId.New();
        Assert.Equal(VolunteerResult.ConsentRequired, Volunteer.Register(Registration(enteredBy: unit), At, out var none));
        Assert.Null(none);
        Assert.Equal(VolunteerResult.ConsentRequired, Volunteer.Register(Registration(enteredBy: unit, consent: new Consent(At, ConsentMethod.SelfEntered)), At, out _));

        var consent = new Consent(At - Duration.FromDays(1), ConsentMethod.Written);
        var volunteer = Registered(Registration(enteredBy: unit, consent: consent));
        Assert.Equal((RegistrationSource.Organisation, (UnitId?)unit, consent), (volunteer.Source, volunteer.EnteredBy, volunteer.RegistrationConsent));
    }

    [Fact]
    public void A_consent_dated_after_the_registration_is_refused()
    {
        var consent = new Consent(At + Duration.FromMinutes(1), ConsentMethod.Electronic);
        Assert.Equal(VolunteerResult.ConsentAfterRegistration, Volunteer.Register(Registration(enteredBy: UnitId.New(), consent: consent), At, out _));
    }

    [Fact]
    public void A_resident_ID_number_needs_a_valid_check_character_and_the_right_birth_date()
    {
        var wrongCheck = WangIdNumber[..17] + (WangIdNumber[17] == '0' ? "1" : "0");
        var bad = new Volunteering.Domain.Volunteers.PersonalData("Wang Fang", Gender.Female, new LocalDate(1970, 5, 12), IdDocumentType.ResidentIdCard, wrongCheck, Home, "13900000000");
        Assert.Equal(VolunteerResult.InvalidIdNumber, Volunteer.Register(Registration(data: bad), At, out _));
        Assert.Equal(VolunteerResult.InvalidIdNumber, Volunteer.CheckPersonalData(bad with { }));

        var otherBirthday = new Volunteering.Domain.Volunteers.PersonalData("Wang Fang", Gender.Female, new LocalDate(1970, 5, 13), IdDocumentType.ResidentIdCard, WangIdNumber, Home, "13900000000");
        Assert.Equal(VolunteerResult.IdNumberBirthDateMismatch, Volunteer.Register(Registration(data: otherBirthday), At, out _));

        Assert.Equal(VolunteerResult.Ok, Volunteer.Register(Registration(data: Visitor()), At, out _));
        Assert.True(ResidentIdNumber.HasValidChecksum("11010519491231002X"));
        Assert.Equal(new LocalDate(1949, 12, 31), ResidentIdNumber.BirthDateOf("11010519491231002X"));
    }

    [Fact]
    public void Status_changes_keep_history_and_answer_as_of_a_date()
    {
        var volunteer = Registered();
        Assert.Equal(VolunteerResult.Ok, volunteer.Suspend("missed training", Day(10), At));
        Assert.Equal(VolunteerResult.AlreadyDone, volunteer.Suspend("again", Day(11), At));
        Assert.Equal(VolunteerResult.Ok, volunteer.Reinstate("trained", Day(20), At));
        Assert.Equal(VolunteerResult.AlreadyDone, volunteer.Reinstate("again", Day(21), At));
        Assert.Equal(VolunteerResult.Ok, volunteer.Leave("moved away", Day(30), At));
        Assert.Equal(VolunteerResult.AlreadyDone, volunteer.Leave("again", Day(31), At));

        Assert.Null(volunteer.StatusOn(Day(-1)));
        Assert.Equal(VolunteerStatus.Active, volunteer.StatusOn(Day(9)));
        Assert.Equal(VolunteerStatus.Suspended, volunteer.StatusOn(Day(19)));
        Assert.Equal(VolunteerStatus.Active, volunteer.StatusOn(Day(29)));
        Assert.Equal(VolunteerStatus.Left, volunteer.StatusOn(Day(30)));
        Assert.Equal(["registered", "missed training", "trained", "moved away"], volunteer.StatusHistory.Select(s => s.Reason));
    }

    [Fact]
    public void A_volunteer_who_left_takes_no_status_training_or_award_changes()
    {
        var volunteer = Registered();
        volunteer.Leave("moved away", Day(5), At);
        Assert.Equal(VolunteerResult.VolunteerHasLeft, volunteer.Suspend("x", Day(6), At));
        Assert.Equal(VolunteerResult.VolunteerHasLeft, volunteer.Reinstate("x", Day(6), At));
        Assert.Equal(VolunteerResult.VolunteerHasLeft, volunteer.RecordTraining(new TrainingRecord(Guid.NewGuid(), "First aid", "CPR", 90, "Red Cross", Day(6)), At));
        Assert.Equal(VolunteerResult.VolunteerHasLeft, volunteer.RecordAward(new AwardRecord(Guid.NewGuid(), "Star", Day(6), "District"), At));
    }

    [Fact]
    public void Status_changes_dated_before_the_latest_are_refused()
    {
        var volunteer = Registered();
        Assert.Equal(VolunteerResult.EffectiveDateBeforeLastChange, volunteer.Suspend("x", Day(-1), At));
        volunteer.Suspend("x", Day(10), At);
        Assert.Equal(VolunteerResult.EffectiveDateBeforeLastChange, volunteer.Reinstate("x", Day(9), At));
        Assert.Equal(VolunteerResult.EffectiveDateBeforeLastChange, volunteer.Leave("x", Day(9), At));
    }

    [Fact]
    public void Training_and_awards_are_recorded_once_per_id()
    {
        var volunteer = Registered();
        var training = new TrainingRecord(Guid.NewGuid(), "First aid", "CPR and bandaging", 90, "Gulou Red Cross", Day(2));
        Assert.Equal(VolunteerResult.Ok, volunteer.RecordTraining(training, At));
        Assert.Equal(VolunteerResult.AlreadyDone, volunteer.RecordTraining(training with { }, At));
        Assert.Equal(VolunteerResult.TrainingExistsWithDifferentDetails, volunteer.RecordTraining(new TrainingRecord(training.Id, "First aid", "CPR", 60, "Gulou Red Cross", Day(2)), At));

        var award = new AwardRecord(Guid.NewGuid(), "Five-star volunteer", Day(3), "Gulou District Civilisation Office");
        Assert.Equal(VolunteerResult.Ok, volunteer.RecordAward(award, At));
        Assert.Equal(VolunteerResult.AlreadyDone, volunteer.RecordAward(award, At));
        Assert.Equal(VolunteerResult.AwardExistsWithDifferentDetails, volunteer.RecordAward(new AwardRecord(award.Id, "Four-star volunteer", Day(3), "Gulou"), At));

        Assert.Equal([training], volunteer.Trainings);
        Assert.Equal([award], volunteer.Awards);
        Assert.Equal(3, volunteer.Version);
    }

    [Fact]
    public void Export_consent_is_granted_withdrawn_and_lapses_on_erasure()
    {
        var volunteer = Registered();
        var consent = new Consent(At, ConsentMethod.Electronic);
        Assert.Equal(VolunteerResult.AlreadyDone, volunteer.WithdrawExportConsent(At));
        Assert.Equal(VolunteerResult.Ok, volunteer.GrantExportConsent(consent, At));
        Assert.Equal(VolunteerResult.AlreadyDone, volunteer.GrantExportConsent(consent, At));
        Assert.Equal(consent, volunteer.ExportConsent);
        Assert.Equal(VolunteerResult.Ok, volunteer.WithdrawExportConsent(At));
        Assert.False(volunteer.HasExportConsent);

        volunteer.GrantExportConsent(consent, At);
        Assert.Equal(VolunteerResult.Ok, volunteer.MarkErased("asked by the person", At));
        Assert.Equal(VolunteerResult.AlreadyDone, volunteer.MarkErased("again", At));
        Assert.False(volunteer.HasExportConsent);
        Assert.Equal(VolunteerResult.PersonalDataErased, volunteer.GrantExportConsent(consent, At));
        Assert.Equal(VolunteerResult.PersonalDataErased, volunteer.MarkPersonalDataUpdated(At));
    }

    [Fact]
    public void No_volunteer_event_type_has_a_personal_field()
    {
        var personal = new[] { "Name", "Gender", "BirthDate", "IdType", "IdNumber", "Residence", "Phone", "Skills", "ServiceCategories" };
        var eventTypes = typeof(VolunteerEvent).Assembly.GetTypes().Where(t => t.IsSubclassOf(typeof(VolunteerEvent))).ToList();
        Assert.Equal(10, eventTypes.Count);
        foreach (var type in eventTypes)
        {
            Assert.True(type.IsSealed, type.Name);
            foreach (var property in type.GetProperties())
            {
                Assert.DoesNotContain(property.Name, personal.Where(p => (type != typeof(TrainingRecorded) && type != typeof(AwardRecorded)) || p != "Name"));
                Assert.NotEqual(typeof(Volunteering.Domain.Volunteers.PersonalData), property.PropertyType);
                Assert.NotEqual(typeof(Volunteering.Domain.TimeBank.ResidenceArea), property.PropertyType);
            }
        }
    }

    [Fact]
    public void Programmer_errors_throw()
    {
        Assert.Throws<ArgumentException>(() => Registration(number: "has space"));
        Assert.Throws<ArgumentException>(() => Registration(id: default(VolunteerId)));
        Assert.Throws<ArgumentException>(() => new Volunteering.Domain.Volunteers.PersonalData(" ", Gender.Male, Day0, IdDocumentType.Passport, "E1", Home, "1"));
        Assert.Throws<ArgumentOutOfRangeException>(() => new TrainingRecord(Guid.NewGuid(), "a", "b", 0, "c", Day0));
        Assert.Throws<ArgumentException>(() => new AwardRecord(Guid.Empty, "a", Day0, "c"));
        Assert.Throws<ArgumentException>(() => Registered().Suspend(" ", Day0, At));
        Assert.Throws<ArgumentException>(() => Wang() with { Skills = ["ok", " "] });
    }
}
