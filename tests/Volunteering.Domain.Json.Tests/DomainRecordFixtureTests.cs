using System.Text.Encodings.Web;
using Volunteering.Domain.Activities;
using Volunteering.Domain.Aid;
using Volunteering.Domain.Certificates;
using Volunteering.Domain.LoveBank;
using Volunteering.Domain.Organisations;
using Volunteering.Domain.Volunteers;

namespace Volunteering.Domain.Json.Tests;

/// <summary>Old records still read: every committed v1 fixture of the domain events and of
/// <c>volunteer.personal-data</c> reads back, field by field, to the value written out in
/// <see cref="DomainRecordFixtures"/>, and the writer still produces those exact bytes.</summary>
public class DomainRecordFixtureTests
{
    private static readonly JsonRecordSerializer Serializer = JsonRecordSerializer.Default;

    public static TheoryData<string> FixtureFiles()
    {
        var data = new TheoryData<string>();
        foreach (var name in DomainRecordFixtures.Expected.Keys.Order(StringComparer.Ordinal)) data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(FixtureFiles))]
    public void Every_v1_fixture_reads_as_its_expected_value_field_by_field(string file)
    {
        var envelope = Serializer.DeserializeEnvelope(File.ReadAllBytes(Path.Combine(DomainRecordFixtures.Directory, file)));

        Assert.Equal(DomainRecordFixtures.TypeNameOf(file), envelope.TypeName);
        Assert.Equal(1, envelope.SchemaVersion);
        DomainRecordFixtures.AssertSameFields(file, DomainRecordFixtures.Expected[file], envelope.Payload);
    }

    [Theory]
    [MemberData(nameof(FixtureFiles))]
    public void The_data_object_of_every_fixture_reads_the_same_through_the_store_interface(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(DomainRecordFixtures.Directory, file)));
        var data = JsonSerializer.SerializeToUtf8Bytes(document.RootElement.GetProperty("data"));

        var payload = Serializer.Deserialize(DomainRecordFixtures.TypeNameOf(file), 1, data);

        DomainRecordFixtures.AssertSameFields(file, DomainRecordFixtures.Expected[file], payload);
    }

    [Theory]
    [MemberData(nameof(FixtureFiles))]
    public void Writing_the_expected_value_gives_the_fixture_in_canonical_form(string file)
    {
        var written = Serializer.SerializeEnvelope(DomainRecordFixtures.Expected[file]);

        var fixture = Compact(File.ReadAllBytes(Path.Combine(DomainRecordFixtures.Directory, file)));
        Assert.Equal(System.Text.Encoding.UTF8.GetString(fixture), System.Text.Encoding.UTF8.GetString(written));
    }

    [Fact]
    public void Every_concrete_event_type_the_vault_value_and_the_certificate_have_a_fixture_and_a_standard_record_type()
    {
        Type[] bases =
        [
            typeof(PracticeUnitEvent), typeof(VolunteerTeamEvent), typeof(VolunteerEvent), typeof(ActivityEvent), typeof(CertificateEvent),
            typeof(PassbookEvent), typeof(CatalogueEvent), typeof(ProgrammeEvent), typeof(AidApplicationEvent), typeof(MicroWishEvent),
        ];
        var concrete = typeof(PersonalData).Assembly.GetTypes()
            .Where(t => t is { IsClass: true, IsAbstract: false } && bases.Any(b => b.IsAssignableFrom(t)))
            .Append(typeof(PersonalData))
            .Append(typeof(ServiceCertificate))
            .ToList();
        Assert.Equal(5 + 5 + 10 + 14 + 1 + 1 + 1 + 9 + 3 + 5 + 13 + 5, concrete.Count);

        var fixtureTypes = DomainRecordFixtures.Expected.Values.Select(static v => v.GetType()).ToHashSet();
        foreach (var type in concrete)
        {
            Assert.True(fixtureTypes.Contains(type), $"{type.Name} has no v1 fixture");
            var recordType = Serializer.FindType(type);
            Assert.True(recordType is not null, $"{type.Name} is not registered in the standard types");
            Assert.Contains(recordType, StandardRecordTypes.All);
            Assert.Equal(1, recordType.CurrentVersion);
        }
    }

    [Fact]
    public void The_standard_type_names_are_the_documented_ones()
    {
        var names = StandardRecordTypes.All.Select(static t => t.TypeName).ToList();

        Assert.Equal(names.Count, names.Distinct(StringComparer.Ordinal).Count());
        Assert.Equal("ledger.entry", names[0]);
        Assert.Equal(DomainRecordFixtures.Expected.Keys.Select(DomainRecordFixtures.TypeNameOf).Order(StringComparer.Ordinal), names.Skip(1).Order(StringComparer.Ordinal));
        var schema = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "schema.md"));
        foreach (var name in names) Assert.Contains($"## `{name}`, version 1", schema, StringComparison.Ordinal);
    }

    [Fact]
    public void Optional_fields_read_as_none_when_absent_or_null()
    {
        var founded = Serializer.Deserialize("unit.founded", 1,
            "{\"unitId\":\"c0000000-0000-4000-8000-000000000001\",\"name\":\"Centre\",\"level\":\"Centre\",\"communities\":[],\"zoneId\":\"Asia/Shanghai\",\"effectiveFrom\":\"2026-01-01\",\"at\":\"2026-01-01T00:00:00Z\"}"u8);
        var time = Serializer.Deserialize("activity.service-time-recorded", 1,
            "{\"participationId\":\"9a000000-0000-4000-8000-000000000001\",\"creditedTime\":60,\"at\":\"2026-06-15T10:00:00Z\"}"u8);
        var registered = Serializer.Deserialize("volunteer.registered", 1,
            "{\"volunteerId\":\"3f2a1c4e-8b7d-4e6f-9a01-2b3c4d5e6f70\",\"scheme\":\"5c000000-0000-4000-8000-000000000001\",\"number\":\"GL-1\",\"source\":\"Self\",\"enteredBy\":null,\"consentGivenAt\":\"2026-01-01T00:00:00Z\",\"consentMethod\":\"SelfEntered\",\"registeredOn\":\"2026-01-01\",\"at\":\"2026-01-01T00:00:00Z\"}"u8);

        Assert.Null(Assert.IsType<UnitFounded>(founded).Parent);
        Assert.Empty(((UnitFounded)founded).Communities);
        Assert.Null(Assert.IsType<ServiceTimeRecorded>(time).CorrectionReason);
        Assert.Null(Assert.IsType<VolunteerRegistered>(registered).EnteredBy);
    }

    [Fact]
    public void The_love_bank_events_are_registered_under_lovebank_names_passbook_events_first()
    {
        string[] expected =
        [
            "lovebank.passbook-opened", "lovebank.points-awarded", "lovebank.award-reversed", "lovebank.points-deducted", "lovebank.points-expired",
            "lovebank.redemption-reserved", "lovebank.redemption-fulfilled", "lovebank.redemption-cancelled", "lovebank.points-exchanged",
            "lovebank.item-listed", "lovebank.item-withdrawn", "lovebank.outlet-opened",
        ];

        Assert.Equal(expected, StandardRecordTypes.LoveBankEvents.Select(static t => t.TypeName));
        Assert.All(StandardRecordTypes.LoveBankEvents.Take(9), static t => Assert.True(typeof(PassbookEvent).IsAssignableFrom(t.PayloadType), t.TypeName));
        Assert.All(StandardRecordTypes.LoveBankEvents.Skip(9), static t => Assert.True(typeof(CatalogueEvent).IsAssignableFrom(t.PayloadType), t.TypeName));
        Assert.Equal(StandardRecordTypes.LoveBankEvents, StandardRecordTypes.All.SkipLast(StandardRecordTypes.AidEvents.Count).TakeLast(12));
    }

    [Fact]
    public void Love_bank_optional_fields_read_as_none_when_absent_or_null_and_an_item_name_reads_trimmed()
    {
        var awarded = Serializer.Deserialize("lovebank.points-awarded", 1,
            "{\"source\":\"9a000000-0000-4000-8000-000000000001\",\"sequence\":0,\"kind\":\"Referral\",\"detail\":\"\",\"basisUnits\":1,\"points\":5,\"ruleVersion\":1,\"at\":\"2026-07-02T02:00:00Z\"}"u8);
        var listed = Serializer.Deserialize("lovebank.item-listed", 1,
            "{\"at\":\"2026-06-30T08:00:00Z\",\"item\":{\"id\":\"1e000000-0000-4000-8000-000000000001\",\"name\":\"  Tissues \",\"pricePoints\":5,\"limitPerPeriod\":null,\"limitPeriod\":\"Week\",\"minimumServiceMinutes\":0,\"onlyFor\":null}}"u8);

        Assert.Null(Assert.IsType<PointsAwarded>(awarded).ExpiresAt);
        var item = Assert.IsType<ItemListed>(listed).Item;
        Assert.Equal("Tissues", item.Name);
        Assert.Null(item.LimitPerPeriod);
        Assert.Equal(LimitPeriod.Week, item.LimitPeriod);
        Assert.Null(item.AvailableFrom);
        Assert.Null(item.AvailableUntil);
        Assert.Null(item.OnlyFor);
    }

    private static byte[] Compact(byte[] json)
    {
        using var document = JsonDocument.Parse(json);
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            document.WriteTo(writer);
        }

        return stream.ToArray();
    }
}
