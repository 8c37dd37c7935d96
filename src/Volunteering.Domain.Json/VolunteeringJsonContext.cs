using System.Collections.Immutable;
using System.Text.Json.Serialization;
using NodaTime;
using Volunteering.Domain.Activities;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Json.Converters;
using Volunteering.Domain.Ledger;
using Volunteering.Domain.LoveBank;
using Volunteering.Domain.Organisations;
using Volunteering.Domain.Quantities;
using Volunteering.Domain.Storage;
using Volunteering.Domain.TimeBank;
using Volunteering.Domain.Volunteers;

namespace Volunteering.Domain.Json;

/// <summary>
/// Source-generated System.Text.Json metadata for the domain's stored records and public DTOs, with strict options:
/// camelCase names, unknown and duplicate properties refused, nullability and required constructor parameters
/// respected, numbers only as JSON numbers. Ids are GUID strings, <see cref="TimeCredit"/> an integer of minutes,
/// <see cref="Points"/> an integer, <see cref="Money"/> <c>{"fen":…,"currency":"CNY"}</c>, <see cref="Asset"/> its
/// integer code, enums their member names, instants NodaTime's extended ISO text in UTC, intervals
/// <c>"start/end"</c>; a <see cref="LedgerEvent"/> is written exactly as the <c>ledger.entry</c> record.
/// </summary>
/// <example><c>JsonSerializer.Serialize(statement, VolunteeringJsonContext.Default.AccountStatement)</c></example>
[JsonSourceGenerationOptions(
    PropertyNamingPolicy = JsonKnownNamingPolicy.CamelCase,
    UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    AllowDuplicateProperties = false,
    RespectNullableAnnotations = true,
    RespectRequiredConstructorParameters = true,
    NumberHandling = JsonNumberHandling.Strict,
    ReadCommentHandling = JsonCommentHandling.Disallow,
    AllowTrailingCommas = false,
    MaxDepth = 32,
    Converters =
    [
        typeof(AccountIdJsonConverter),
        typeof(TransferIdJsonConverter),
        typeof(SchemeIdJsonConverter),
        typeof(VolunteerIdJsonConverter),
        typeof(ServiceRecordIdJsonConverter),
        typeof(UnitIdJsonConverter),
        typeof(TeamIdJsonConverter),
        typeof(ActivityIdJsonConverter),
        typeof(ParticipationIdJsonConverter),
        typeof(PassbookIdJsonConverter),
        typeof(CatalogueItemIdJsonConverter),
        typeof(OutletIdJsonConverter),
        typeof(RedemptionIdJsonConverter),
        typeof(ServiceCategoryJsonConverter),
        typeof(LocalDateJsonConverter),
        typeof(LocalDateTimeJsonConverter),
        typeof(AssetJsonConverter),
        typeof(TimeCreditJsonConverter),
        typeof(PointsJsonConverter),
        typeof(MoneyJsonConverter),
        typeof(CurrencyCodeJsonConverter),
        typeof(InstantJsonConverter),
        typeof(IntervalJsonConverter),
        typeof(EnumNameJsonConverter<LedgerEventKind>),
        typeof(EnumNameJsonConverter<TransferKind>),
        typeof(EnumNameJsonConverter<TransferResult>),
        typeof(EnumNameJsonConverter<TimeBankResult>),
        typeof(EnumNameJsonConverter<UnitLevel>),
        typeof(EnumNameJsonConverter<TeamRole>),
        typeof(EnumNameJsonConverter<RegistrationSource>),
        typeof(EnumNameJsonConverter<ConsentMethod>),
        typeof(EnumNameJsonConverter<Gender>),
        typeof(EnumNameJsonConverter<IdDocumentType>),
        typeof(EnumNameJsonConverter<VolunteerStatus>),
        typeof(EnumNameJsonConverter<ActivityKind>),
        typeof(EnumNameJsonConverter<ConfirmerRole>),
        typeof(EnumNameJsonConverter<ParticipationStatus>),
        typeof(EnumNameJsonConverter<CorrectionStatus>),
        typeof(EnumNameJsonConverter<ContributionKind>),
        typeof(EnumNameJsonConverter<ExchangeDirection>),
        typeof(EnumNameJsonConverter<PointsRounding>),
        typeof(EnumNameJsonConverter<LimitPeriod>),
        typeof(EnumNameJsonConverter<PassbookHolderKind>),
        typeof(EnumNameJsonConverter<RedemptionStatus>),
        typeof(EnumNameJsonConverter<PassbookLineKind>),
        typeof(EnumNameJsonConverter<LoveBankResult>),
        typeof(LedgerEventJsonConverter),
    ])]
[JsonSerializable(typeof(LedgerEvent))]
[JsonSerializable(typeof(LedgerAccount))]
[JsonSerializable(typeof(StatementLine))]
[JsonSerializable(typeof(AccountStatement))]
[JsonSerializable(typeof(StoredBalance))]
[JsonSerializable(typeof(TimeBankOutcome))]
[JsonSerializable(typeof(AccountId))]
[JsonSerializable(typeof(TransferId))]
[JsonSerializable(typeof(SchemeId))]
[JsonSerializable(typeof(VolunteerId))]
[JsonSerializable(typeof(ServiceRecordId))]
[JsonSerializable(typeof(Asset))]
[JsonSerializable(typeof(TimeCredit))]
[JsonSerializable(typeof(Points))]
[JsonSerializable(typeof(Money))]
[JsonSerializable(typeof(CurrencyCode))]
[JsonSerializable(typeof(LedgerEventKind))]
[JsonSerializable(typeof(TransferKind))]
[JsonSerializable(typeof(TransferResult))]
[JsonSerializable(typeof(TimeBankResult))]
[JsonSerializable(typeof(Instant))]
[JsonSerializable(typeof(Interval))]
[JsonSerializable(typeof(UnitId))]
[JsonSerializable(typeof(TeamId))]
[JsonSerializable(typeof(ActivityId))]
[JsonSerializable(typeof(ParticipationId))]
[JsonSerializable(typeof(ServiceCategory))]
[JsonSerializable(typeof(LocalDate))]
[JsonSerializable(typeof(LocalDateTime))]
[JsonSerializable(typeof(ImmutableArray<string>))]
[JsonSerializable(typeof(UnitLevel))]
[JsonSerializable(typeof(TeamRole))]
[JsonSerializable(typeof(RegistrationSource))]
[JsonSerializable(typeof(ConsentMethod))]
[JsonSerializable(typeof(Gender))]
[JsonSerializable(typeof(IdDocumentType))]
[JsonSerializable(typeof(VolunteerStatus))]
[JsonSerializable(typeof(ActivityKind))]
[JsonSerializable(typeof(ConfirmerRole))]
[JsonSerializable(typeof(ParticipationStatus))]
[JsonSerializable(typeof(CorrectionStatus))]
[JsonSerializable(typeof(PassbookId))]
[JsonSerializable(typeof(CatalogueItemId))]
[JsonSerializable(typeof(OutletId))]
[JsonSerializable(typeof(RedemptionId))]
[JsonSerializable(typeof(ContributionKind))]
[JsonSerializable(typeof(ExchangeDirection))]
[JsonSerializable(typeof(PointsRounding))]
[JsonSerializable(typeof(LimitPeriod))]
[JsonSerializable(typeof(PassbookHolderKind))]
[JsonSerializable(typeof(RedemptionStatus))]
[JsonSerializable(typeof(PassbookLineKind))]
[JsonSerializable(typeof(LoveBankResult))]
[JsonSerializable(typeof(PassbookLine))]
[JsonSerializable(typeof(StockLevel))]
[JsonSerializable(typeof(ReservationOutcome))]
[JsonSerializable(typeof(ExpiryOutcome))]
public sealed partial class VolunteeringJsonContext : JsonSerializerContext
{
}
