using Volunteering.Domain.Json.Internal;
using Volunteering.Domain.Ledger;
using Volunteering.Domain.Volunteers;

namespace Volunteering.Domain.Json;

/// <summary>The record types of the domain that <see cref="JsonRecordSerializer.Default"/> knows. A later payload type
/// is added here (a type name, its current version and its readers), never renamed and never dropped.</summary>
public static class StandardRecordTypes
{
    /// <summary>The type name of a journal entry, <c>ledger.entry</c>.</summary>
    public const string LedgerEntryTypeName = LedgerEntryCodec.TypeName;

    /// <summary>The current schema version of <c>ledger.entry</c>.</summary>
    public const int LedgerEntrySchemaVersion = LedgerEntryCodec.Version;

    /// <summary>The longest memo a <c>ledger.entry</c> holds, in UTF-16 code units: the core's
    /// <see cref="TransferRequest.MaxMemoLength"/> (512).</summary>
    public const int LedgerEntryMaxMemoLength = LedgerEntryCodec.MaxMemoLength;

    /// <summary><see cref="LedgerEvent"/> as <c>ledger.entry</c> version 1: a flat object with the fields its kind
    /// requires and every other field only when it differs from its default (see <c>docs/schema.md</c>).</summary>
    public static RecordType<LedgerEvent> LedgerEntry { get; } = new(
        LedgerEntryTypeName,
        LedgerEntrySchemaVersion,
        static (writer, value) => LedgerEntryCodec.Write(writer, value),
        static (ref Utf8JsonReader reader, string path) => LedgerEntryCodec.Read(ref reader, path));

    /// <summary>The schema version of every domain-event record type and of <c>volunteer.personal-data</c>: 1.</summary>
    public const int DomainEventSchemaVersion = DomainRecord.Version1;

    /// <summary>The type name of the vault's value, <c>volunteer.personal-data</c>.</summary>
    public const string PersonalDataTypeName = "volunteer.personal-data";

    /// <summary>The events of practice units and volunteer teams (<c>unit.*</c>, <c>team.*</c>), version 1.</summary>
    public static IReadOnlyList<RecordType> OrganisationEvents => OrganisationRecords.All;

    /// <summary>The events of volunteers (<c>volunteer.*</c>, without <c>volunteer.personal-data</c>), version 1.</summary>
    public static IReadOnlyList<RecordType> VolunteerEvents { get; } = [.. VolunteerRecords.All.Where(static t => t.PayloadType != typeof(PersonalData))];

    /// <summary>The events of activities (<c>activity.*</c>), version 1.</summary>
    public static IReadOnlyList<RecordType> ActivityEvents => ActivityRecords.All;

    /// <summary><see cref="Volunteers.PersonalData"/> as <c>volunteer.personal-data</c> version 1: the value a
    /// personal-data vault keeps. Never placed in a record stream.</summary>
    public static RecordType<PersonalData> PersonalData => VolunteerRecords.PersonalData;

    /// <summary>The certificate register's event <c>certificate.issued</c> and, for exports, the certificate DTO
    /// <c>certificate.service-certificate</c>, version 1.</summary>
    public static IReadOnlyList<RecordType> CertificateTypes => CertificateRecords.All;

    /// <summary>The love bank's events (<c>lovebank.*</c>), version 1: the passbook events
    /// (<see cref="Domain.LoveBank.PassbookEvent"/>: <c>lovebank.passbook-opened</c>, <c>lovebank.points-awarded</c>,
    /// <c>lovebank.award-reversed</c>, <c>lovebank.points-deducted</c>, <c>lovebank.points-expired</c>,
    /// <c>lovebank.redemption-reserved</c>, <c>lovebank.redemption-fulfilled</c>, <c>lovebank.redemption-cancelled</c>,
    /// <c>lovebank.points-exchanged</c>), then the catalogue events (<see cref="Domain.LoveBank.CatalogueEvent"/>:
    /// <c>lovebank.item-listed</c>, <c>lovebank.item-withdrawn</c>, <c>lovebank.outlet-opened</c>).</summary>
    public static IReadOnlyList<RecordType> LoveBankEvents => LoveBankRecords.All;

    /// <summary>The events of aid programmes, applications and micro-wishes (<c>aid.*</c>), version 1.</summary>
    public static IReadOnlyList<RecordType> AidEvents => AidRecords.All;

    /// <summary>Every standard record type: <c>ledger.entry</c>, then the organisation, volunteer and activity events,
    /// <c>volunteer.personal-data</c>, the certificate types, the love bank's events and the aid events.</summary>
    public static IReadOnlyList<RecordType> All { get; } = [LedgerEntry, .. OrganisationEvents, .. VolunteerEvents, .. ActivityEvents, PersonalData, .. CertificateTypes, .. LoveBankEvents, .. AidEvents];
}
