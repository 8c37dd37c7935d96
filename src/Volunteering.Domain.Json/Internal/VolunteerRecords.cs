using Volunteering.Domain.TimeBank;
using Volunteering.Domain.Volunteers;

namespace Volunteering.Domain.Json.Internal;

/// <summary>The record types of <see cref="VolunteerEvent"/> and of <see cref="PersonalData"/> (the vault's value),
/// version 1 (see <c>docs/schema.md</c>).</summary>
internal static class VolunteerRecords
{
    public static RecordType<VolunteerRegistered> VolunteerRegistered { get; } = DomainRecord.Define<VolunteerRegistered>(
        "volunteer.registered",
        ["volunteerId", "scheme", "number", "source", "enteredBy", "consentGivenAt", "consentMethod", "registeredOn", "at"],
        static (w, e) =>
        {
            w.Id("volunteerId", e.VolunteerId.Value);
            w.Id("scheme", e.Scheme.Value);
            w.Text("number", e.Number);
            w.Enum("source", e.Source);
            w.OptionalId("enteredBy", e.EnteredBy?.Value);
            w.Instant("consentGivenAt", e.ConsentGivenAt);
            w.Enum("consentMethod", e.ConsentMethod);
            w.Date("registeredOn", e.RegisteredOn);
            w.Instant("at", e.At);
        },
        static r => new VolunteerRegistered(
            r.VolunteerId("volunteerId"),
            r.SchemeId("scheme"),
            r.Text("number"),
            r.Enum<RegistrationSource>("source"),
            r.OptionalUnitId("enteredBy"),
            r.Instant("consentGivenAt"),
            r.Enum<ConsentMethod>("consentMethod"),
            r.Date("registeredOn"),
            r.Instant("at")));

    public static RecordType<VolunteerSuspended> VolunteerSuspended { get; } = DomainRecord.Define<VolunteerSuspended>(
        "volunteer.suspended",
        ["volunteerId", "reason", "effectiveFrom", "at"],
        static (w, e) => StatusFields(w, e.VolunteerId.Value, e.Reason, e.EffectiveFrom, e.At),
        static r => new VolunteerSuspended(r.VolunteerId("volunteerId"), r.Text("reason"), r.Date("effectiveFrom"), r.Instant("at")));

    public static RecordType<VolunteerReinstated> VolunteerReinstated { get; } = DomainRecord.Define<VolunteerReinstated>(
        "volunteer.reinstated",
        ["volunteerId", "reason", "effectiveFrom", "at"],
        static (w, e) => StatusFields(w, e.VolunteerId.Value, e.Reason, e.EffectiveFrom, e.At),
        static r => new VolunteerReinstated(r.VolunteerId("volunteerId"), r.Text("reason"), r.Date("effectiveFrom"), r.Instant("at")));

    public static RecordType<VolunteerLeft> VolunteerLeft { get; } = DomainRecord.Define<VolunteerLeft>(
        "volunteer.left",
        ["volunteerId", "reason", "effectiveFrom", "at"],
        static (w, e) => StatusFields(w, e.VolunteerId.Value, e.Reason, e.EffectiveFrom, e.At),
        static r => new VolunteerLeft(r.VolunteerId("volunteerId"), r.Text("reason"), r.Date("effectiveFrom"), r.Instant("at")));

    public static RecordType<TrainingRecorded> TrainingRecorded { get; } = DomainRecord.Define<TrainingRecorded>(
        "volunteer.training-recorded",
        ["volunteerId", "trainingId", "name", "content", "durationMinutes", "organiser", "date", "at"],
        static (w, e) =>
        {
            w.Id("volunteerId", e.VolunteerId.Value);
            w.Id("trainingId", e.TrainingId);
            w.Text("name", e.Name);
            w.Text("content", e.Content);
            w.Int32("durationMinutes", e.DurationMinutes, 0);
            w.Text("organiser", e.Organiser);
            w.Date("date", e.Date);
            w.Instant("at", e.At);
        },
        static r => new TrainingRecorded(
            r.VolunteerId("volunteerId"),
            r.Id("trainingId"),
            r.Text("name"),
            r.Text("content"),
            r.Int32("durationMinutes", 0),
            r.Text("organiser"),
            r.Date("date"),
            r.Instant("at")));

    public static RecordType<AwardRecorded> AwardRecorded { get; } = DomainRecord.Define<AwardRecorded>(
        "volunteer.award-recorded",
        ["volunteerId", "awardId", "name", "date", "grantingBody", "at"],
        static (w, e) =>
        {
            w.Id("volunteerId", e.VolunteerId.Value);
            w.Id("awardId", e.AwardId);
            w.Text("name", e.Name);
            w.Date("date", e.Date);
            w.Text("grantingBody", e.GrantingBody);
            w.Instant("at", e.At);
        },
        static r => new AwardRecorded(r.VolunteerId("volunteerId"), r.Id("awardId"), r.Text("name"), r.Date("date"), r.Text("grantingBody"), r.Instant("at")));

    public static RecordType<ExportConsentGranted> ExportConsentGranted { get; } = DomainRecord.Define<ExportConsentGranted>(
        "volunteer.export-consent-granted",
        ["volunteerId", "givenAt", "method", "at"],
        static (w, e) =>
        {
            w.Id("volunteerId", e.VolunteerId.Value);
            w.Instant("givenAt", e.GivenAt);
            w.Enum("method", e.Method);
            w.Instant("at", e.At);
        },
        static r => new ExportConsentGranted(r.VolunteerId("volunteerId"), r.Instant("givenAt"), r.Enum<ConsentMethod>("method"), r.Instant("at")));

    public static RecordType<ExportConsentWithdrawn> ExportConsentWithdrawn { get; } = DomainRecord.Define<ExportConsentWithdrawn>(
        "volunteer.export-consent-withdrawn",
        ["volunteerId", "at"],
        static (w, e) =>
        {
            w.Id("volunteerId", e.VolunteerId.Value);
            w.Instant("at", e.At);
        },
        static r => new ExportConsentWithdrawn(r.VolunteerId("volunteerId"), r.Instant("at")));

    public static RecordType<PersonalDataUpdated> PersonalDataUpdated { get; } = DomainRecord.Define<PersonalDataUpdated>(
        "volunteer.personal-data-updated",
        ["volunteerId", "at"],
        static (w, e) =>
        {
            w.Id("volunteerId", e.VolunteerId.Value);
            w.Instant("at", e.At);
        },
        static r => new PersonalDataUpdated(r.VolunteerId("volunteerId"), r.Instant("at")));

    public static RecordType<PersonalDataErased> PersonalDataErased { get; } = DomainRecord.Define<PersonalDataErased>(
        "volunteer.personal-data-erased",
        ["volunteerId", "reason", "at"],
        static (w, e) =>
        {
            w.Id("volunteerId", e.VolunteerId.Value);
            w.Text("reason", e.Reason);
            w.Instant("at", e.At);
        },
        static r => new PersonalDataErased(r.VolunteerId("volunteerId"), r.Text("reason"), r.Instant("at")));

    /// <summary>The vault's value. Every rule of the <see cref="PersonalData"/> constructor is checked field by field
    /// before it is built, so a refusal names the field.</summary>
    public static RecordType<PersonalData> PersonalData { get; } = DomainRecord.Define<PersonalData>(
        "volunteer.personal-data",
        ["name", "gender", "birthDate", "idType", "idNumber", "residence", "phone", "skills", "serviceCategories"],
        static (w, p) =>
        {
            w.NonBlankText("name", p.Name);
            w.Enum("gender", p.Gender);
            w.Date("birthDate", p.BirthDate);
            w.Enum("idType", p.IdType);
            w.NonBlankText("idNumber", p.IdNumber);
            if (p.Residence is null) throw w.Refuse("residence", "must not be null");
            w.TextObject("residence", ("city", p.Residence.City), ("district", p.Residence.District), ("community", p.Residence.Community));
            w.NonBlankText("phone", p.Phone);
            w.Texts("skills", p.Skills, nonBlank: true);
            w.Categories("serviceCategories", p.ServiceCategories);
        },
        static r =>
        {
            var name = r.NonBlankText("name");
            var gender = r.Enum<Gender>("gender");
            var birthDate = r.Date("birthDate");
            var idType = r.Enum<IdDocumentType>("idType");
            var idNumber = r.NonBlankText("idNumber");
            if (idNumber.Trim().Length > Volunteers.PersonalData.MaxIdNumberLength)
            {
                throw r.Error("idNumber", $"idNumber must be at most {Volunteers.PersonalData.MaxIdNumberLength} characters");
            }

            var residence = r.TextObject("residence", "city", "district", "community");
            var phone = r.NonBlankText("phone");
            var skills = r.Texts("skills", nonBlank: true);
            var categories = r.Categories("serviceCategories");
            return new PersonalData(name, gender, birthDate, idType, idNumber, new ResidenceArea(residence[0], residence[1], residence[2]), phone)
            {
                Skills = skills,
                ServiceCategories = categories,
            };
        });

    public static IReadOnlyList<RecordType> All { get; } =
    [
        VolunteerRegistered, VolunteerSuspended, VolunteerReinstated, VolunteerLeft, TrainingRecorded, AwardRecorded,
        ExportConsentGranted, ExportConsentWithdrawn, PersonalDataUpdated, PersonalDataErased, PersonalData,
    ];

    private static void StatusFields(FieldWriter w, Guid volunteer, string reason, NodaTime.LocalDate effectiveFrom, NodaTime.Instant at)
    {
        w.Id("volunteerId", volunteer);
        w.Text("reason", reason);
        w.Date("effectiveFrom", effectiveFrom);
        w.Instant("at", at);
    }
}
