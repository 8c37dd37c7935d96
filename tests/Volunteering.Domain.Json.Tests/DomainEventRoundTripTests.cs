using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using Volunteering.Domain.Activities;
using Volunteering.Domain.Aid;
using Volunteering.Domain.Identity;
using Volunteering.Domain.LoveBank;
using Volunteering.Domain.Organisations;
using Volunteering.Domain.Volunteers;

namespace Volunteering.Domain.Json.Tests;

/// <summary>Random instances of every domain event and of <see cref="PersonalData"/> serialize and read back the same,
/// field by field, as stored data and as envelopes; values the schema cannot keep are refused when written, naming the
/// field.</summary>
public class DomainEventRoundTripTests
{
    private static readonly JsonRecordSerializer Serializer = JsonRecordSerializer.Default;

    public static TheoryData<string> PayloadTypes()
    {
        var data = new TheoryData<string>();
        foreach (var type in DomainEventGen.ByType.Keys) data.Add(type.Name);
        return data;
    }

    [Theory]
    [MemberData(nameof(PayloadTypes))]
    public void Random_instances_of_each_type_round_trip_as_stored_data_and_as_envelopes(string typeName)
    {
        var (type, gen) = DomainEventGen.ByType.Single(p => p.Key.Name == typeName);
        var recordType = Serializer.FindType(type)!;

        Prop.ForAll(Arb.From(gen), value =>
        {
            var stored = Serializer.Serialize(value);
            Assert.Equal(recordType.TypeName, stored.TypeName);
            Assert.Equal(1, stored.SchemaVersion);
            var read = Serializer.Deserialize(stored.TypeName, stored.SchemaVersion, stored.Data.Span);
            DomainRecordFixtures.AssertSameFields(typeName, value, read);

            var envelope = Serializer.DeserializeEnvelope(Serializer.SerializeEnvelope(value));
            Assert.Equal(recordType.TypeName, envelope.TypeName);
            DomainRecordFixtures.AssertSameFields(typeName + " (envelope)", value, envelope.Payload);

            // Writing what was read gives the same bytes: nothing was lost or normalised on the way.
            Assert.Equal(stored.Data.ToArray(), Serializer.Serialize(read).Data.ToArray());
        }).QuickCheckThrowOnFailure();
    }

    [Property(MaxTest = 300)]
    public Property Any_payload_round_trips_through_a_file_of_envelopes()
        => Prop.ForAll(Arb.From(DomainEventGen.Any.ArrayOf()), static values =>
        {
            using var stream = new MemoryStream();
            using (var writer = new RecordEnvelopeWriter(stream, Serializer, leaveOpen: true))
            {
                foreach (var value in values) writer.WriteAsync(value).AsTask().GetAwaiter().GetResult();
            }

            stream.Position = 0;
            var read = new RecordEnvelopeReader(stream, Serializer).ReadAllAsync().ToBlockingEnumerable().Select(static e => e.Payload).ToList();

            Assert.Equal(values.Length, read.Count);
            for (var i = 0; i < values.Length; i++) DomainRecordFixtures.AssertSameFields($"line {i + 1}", values[i], read[i]);
        });

    public static TheoryData<string, object, string> Unstorable() => new()
    {
        { "an empty unit id", new UnitRenamed(default, "x", new LocalDate(2026, 1, 1), Instant.MinValue), "unitId" },
        { "an empty parent", new UnitMoved(new UnitId(Guid.NewGuid()), default, new LocalDate(2026, 1, 1), Instant.MinValue), "parent" },
        { "an undefined level", new UnitFounded(new UnitId(Guid.NewGuid()), "x", (UnitLevel)9, null, [], "Asia/Shanghai", new LocalDate(2026, 1, 1), Instant.MinValue), "level" },
        { "a default communities array", new UnitCoverageChanged(new UnitId(Guid.NewGuid()), default, new LocalDate(2026, 1, 1), Instant.MinValue), "communities" },
        { "a null community", new UnitCoverageChanged(new UnitId(Guid.NewGuid()), [null!], new LocalDate(2026, 1, 1), Instant.MinValue), "communities" },
        { "a null name", new UnitRenamed(new UnitId(Guid.NewGuid()), null!, new LocalDate(2026, 1, 1), Instant.MinValue), "name" },
        { "an unpaired surrogate", new UnitClosed(new UnitId(Guid.NewGuid()), "a\uD800b", new LocalDate(2026, 1, 1), Instant.MinValue), "reason" },
        { "a default category", new TeamFormed(new TeamId(Guid.NewGuid()), new UnitId(Guid.NewGuid()), default, "x", new LocalDate(2026, 1, 1), Instant.MinValue), "category" },
        { "an undefined role", new TeamMemberJoined(new TeamId(Guid.NewGuid()), new VolunteerId(Guid.NewGuid()), (TeamRole)0, new LocalDate(2026, 1, 1), Instant.MinValue), "role" },
        { "a Julian date", new TeamDisbanded(new TeamId(Guid.NewGuid()), "x", new LocalDate(2026, 1, 1, CalendarSystem.Julian), Instant.MinValue), "effectiveFrom" },
        { "an empty training id", new TrainingRecorded(new VolunteerId(Guid.NewGuid()), Guid.Empty, "a", "b", 1, "c", new LocalDate(2026, 1, 1), Instant.MinValue), "trainingId" },
        { "a negative duration", new TrainingRecorded(new VolunteerId(Guid.NewGuid()), Guid.NewGuid(), "a", "b", -1, "c", new LocalDate(2026, 1, 1), Instant.MinValue), "durationMinutes" },
        { "capacity 0", new ActivityPlanned(new ActivityId(Guid.NewGuid()), "a", ServiceCategory.Health, new UnitId(Guid.NewGuid()), null, new VolunteerId(Guid.NewGuid()), "l", new LocalDateTime(2026, 1, 1, 9, 0), new LocalDateTime(2026, 1, 1, 10, 0), "Asia/Shanghai", 0, ActivityKind.Event, true, Instant.MinValue), "capacity" },
        { "rating 6", new ParticipationEvaluated(new ParticipationId(Guid.NewGuid()), 6, new LocalDate(2026, 1, 1), Instant.MinValue, null), "rating" },
        { "negative minutes", new ServiceTimeRecorded(new ParticipationId(Guid.NewGuid()), Quantities.TimeCredit.FromMinutes(-1), Instant.MinValue, null), "creditedTime" },
        { "sequence 0", new CorrectionRejected(new ParticipationId(Guid.NewGuid()), 0, "x", Instant.MinValue), "sequence" },
        { "an empty passbook id", new PassbookOpened(default, new SchemeId(Guid.NewGuid()), PassbookHolderKind.Person, Guid.NewGuid(), Instant.MinValue), "passbook" },
        { "an undefined holder kind", new PassbookOpened(new PassbookId(Guid.NewGuid()), new SchemeId(Guid.NewGuid()), (PassbookHolderKind)7, Guid.NewGuid(), Instant.MinValue), "holderKind" },
        { "zero points awarded", new PointsAwarded(Guid.NewGuid(), 0, ContributionKind.Bonus, "x", 1, 0, 1, Instant.MinValue, null), "points" },
        { "an undefined contribution kind", new PointsAwarded(Guid.NewGuid(), 0, (ContributionKind)99, "x", 1, 1, 1, Instant.MinValue, null), "kind" },
        { "a negative award sequence", new AwardReversed(Guid.NewGuid(), -1, 1, "x", Instant.MinValue), "sequence" },
        { "a null deduction reason", new PointsDeducted(Guid.NewGuid(), "rule", null!, 1, 1, Instant.MinValue), "reason" },
        { "an empty expired source", new PointsExpired(Guid.Empty, 0, 1, Instant.MinValue, Instant.MinValue), "source" },
        { "an upper-case code hash", new RedemptionReserved(new RedemptionId(Guid.NewGuid()), new CatalogueItemId(Guid.NewGuid()), new OutletId(Guid.NewGuid()), 1, 1, DomainRecordFixtures.CodeHash.ToUpperInvariant(), Instant.MinValue, 1, Instant.MinValue), "codeHash" },
        { "an empty item id in a reservation", new RedemptionReserved(new RedemptionId(Guid.NewGuid()), default, new OutletId(Guid.NewGuid()), 1, 1, DomainRecordFixtures.CodeHash, Instant.MinValue, 1, Instant.MinValue), "item" },
        { "rule version 0", new PointsExchanged(Guid.NewGuid(), ExchangeDirection.HoursToPoints, false, 60, 1, 0, Instant.MinValue, null), "ruleVersion" },
        { "an undefined direction", new PointsExchanged(Guid.NewGuid(), (ExchangeDirection)5, false, 60, 1, 1, Instant.MinValue, null), "direction" },
        { "a null listed item", new ItemListed(null!, Instant.MinValue), "item" },
        { "an empty withdrawn item", new ItemWithdrawn(default, Instant.MinValue), "item" },
        { "a null outlet name", new OutletOpened(new OutletId(Guid.NewGuid()), null!, Instant.MinValue), "name" },
        { "an amount in dollars", new PaymentMade(new PaymentId(Guid.NewGuid()), 1, Quantities.Money.FromFen(100, new Quantities.CurrencyCode("USD")), Instant.MinValue), "amount" },
        { "a zero payment", new PaymentMade(new PaymentId(Guid.NewGuid()), 1, Quantities.Money.Zero, Instant.MinValue), "amount" },
        { "an empty payment id", new PaymentReversed(default, new StaffId(Guid.NewGuid()), "x", Instant.MinValue), "paymentId" },
        { "an undefined kind in a list", new ProgrammeEstablished(new ProgrammeId(Guid.NewGuid()), "x", Aid.ProgrammeKind.HouseholdAid, "Asia/Shanghai", Aid.AidPeriodUnit.Year, Aid.BenefitStandardKind.Fixed, Quantities.Money.FromFen(1), [(Aid.BeneficiaryKind)9], [], null, false, 7, Quantities.Money.Zero, Instant.MinValue), "eligibleKinds" },
        { "a null schedule", new FirstOpinionGiven(new StaffId(Guid.NewGuid()), null!, "x", Instant.MinValue), "instalments" },
    };

    [Theory]
    [MemberData(nameof(Unstorable))]
    public void A_value_the_schema_cannot_keep_is_refused_when_written_naming_the_field(string name, object value, string field)
    {
        var ex = Assert.Throws<ArgumentException>(() => Serializer.Serialize(value));

        Assert.True(ex.Message.Contains(" " + field + " ", StringComparison.Ordinal), $"{name}: the message does not name {field}: {ex.Message}");
        Assert.StartsWith(Serializer.FindType(value.GetType())!.TypeName + ": ", ex.Message, StringComparison.Ordinal);
    }
}
