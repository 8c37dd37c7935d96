using System.Collections.Immutable;
using NodaTime;
using Volunteering.Domain.Activities;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Organisations;
using Volunteering.Domain.Volunteers;

namespace Volunteering.Domain.Json.Tests;

/// <summary>The converters the source-generated context gained with the domain events: the new ids, service
/// categories, dates, local times, string arrays and the new enums, written in the record forms and read strictly.</summary>
public class DomainConverterTests
{
    private static readonly VolunteeringJsonContext Context = VolunteeringJsonContext.Default;
    private static readonly Guid G = Guid.Parse("3f2a1c4e-8b7d-4e6f-9a01-2b3c4d5e6f70");

    [Fact]
    public void The_new_ids_are_lower_case_GUID_strings_and_nothing_else_reads()
    {
        const string text = "\"3f2a1c4e-8b7d-4e6f-9a01-2b3c4d5e6f70\"";
        Assert.Equal(text, JsonSerializer.Serialize(new UnitId(G), Context.UnitId));
        Assert.Equal(text, JsonSerializer.Serialize(new TeamId(G), Context.TeamId));
        Assert.Equal(text, JsonSerializer.Serialize(new ActivityId(G), Context.ActivityId));
        Assert.Equal(text, JsonSerializer.Serialize(new ParticipationId(G), Context.ParticipationId));
        Assert.Equal(new ParticipationId(G), JsonSerializer.Deserialize(text.ToUpperInvariant(), Context.ParticipationId));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("\"3f2a1c4e8b7d4e6f9a012b3c4d5e6f70\"", Context.UnitId));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("\"{3f2a1c4e-8b7d-4e6f-9a01-2b3c4d5e6f70}\"", Context.TeamId));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("7", Context.ActivityId));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("null", Context.ParticipationId));
    }

    [Fact]
    public void A_service_category_is_its_code()
    {
        Assert.Equal("\"elder-care\"", JsonSerializer.Serialize(ServiceCategory.ElderCare, Context.ServiceCategory));
        Assert.Equal(new ServiceCategory("custom-7"), JsonSerializer.Deserialize("\"custom-7\"", Context.ServiceCategory));
        Assert.Equal(ServiceCategory.Health, JsonSerializer.Deserialize("\"\\u0068ealth\"", Context.ServiceCategory));
        Assert.Throws<JsonException>(() => JsonSerializer.Serialize(default(ServiceCategory), Context.ServiceCategory));
    }

    [Theory]
    [InlineData("\"Elder-Care\"")]
    [InlineData("\"elder care\"")]
    [InlineData("\"\"")]
    [InlineData("\"abcdefghijklmnopqrstuvwxyzabcdefg\"")]
    [InlineData("3")]
    [InlineData("null")]
    [InlineData("[\"health\"]")]
    public void A_service_category_is_only_a_valid_code(string json)
        => Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, Context.ServiceCategory));

    [Fact]
    public void Dates_and_local_times_use_NodaTime_ISO_patterns()
    {
        Assert.Equal("\"2026-03-03\"", JsonSerializer.Serialize(new LocalDate(2026, 3, 3), Context.LocalDate));
        Assert.Equal("\"-0001-12-31\"", JsonSerializer.Serialize(new LocalDate(-1, 12, 31), Context.LocalDate));
        Assert.Equal("\"2026-06-15T14:00:00\"", JsonSerializer.Serialize(new LocalDateTime(2026, 6, 15, 14, 0), Context.LocalDateTime));
        Assert.Equal("\"2026-06-15T14:00:00.123456789\"", JsonSerializer.Serialize(new LocalDateTime(2026, 6, 15, 14, 0).PlusNanoseconds(123_456_789), Context.LocalDateTime));
        Assert.Equal(new LocalDate(2024, 2, 29), JsonSerializer.Deserialize("\"2024-02-29\"", Context.LocalDate));
        Assert.Equal(new LocalDateTime(2026, 6, 15, 14, 0, 5).PlusNanoseconds(100_000_000), JsonSerializer.Deserialize("\"2026-06-15T14:00:05.1\"", Context.LocalDateTime));
        Assert.Throws<JsonException>(() => JsonSerializer.Serialize(new LocalDate(2026, 3, 3, CalendarSystem.Julian), Context.LocalDate));
    }

    [Theory]
    [InlineData("\"2025-02-29\"")]
    [InlineData("\"2026-3-3\"")]
    [InlineData("\"2026-03-03T00:00:00\"")]
    [InlineData("\"03/03/2026\"")]
    [InlineData("20260303")]
    [InlineData("null")]
    public void A_date_is_only_an_ISO_date_string(string json)
        => Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, Context.LocalDate));

    [Theory]
    [InlineData("\"2026-06-15T14:00:00Z\"")]
    [InlineData("\"2026-06-15T14:00:00+08:00\"")]
    [InlineData("\"2026-06-15 14:00:00\"")]
    [InlineData("\"2026-06-15\"")]
    [InlineData("\"2026-06-15T24:00:01\"")]
    [InlineData("1")]
    public void A_local_time_is_only_an_ISO_local_date_and_time_without_offset(string json)
        => Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, Context.LocalDateTime));

    [Fact]
    public void The_new_enums_are_written_and_read_by_name_only()
    {
        Assert.Equal("\"Station\"", JsonSerializer.Serialize(UnitLevel.Station, Context.UnitLevel));
        Assert.Equal("\"Leader\"", JsonSerializer.Serialize(TeamRole.Leader, Context.TeamRole));
        Assert.Equal("\"DoorToDoorService\"", JsonSerializer.Serialize(ActivityKind.DoorToDoorService, Context.ActivityKind));
        Assert.Equal("\"NotStated\"", JsonSerializer.Serialize(Gender.NotStated, Context.Gender));
        Assert.Equal(IdDocumentType.Other, JsonSerializer.Deserialize("\"Other\"", Context.IdDocumentType));
        Assert.Equal(ConfirmerRole.Recipient, JsonSerializer.Deserialize("\"Recipient\"", Context.ConfirmerRole));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("3", Context.UnitLevel));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("\"leader\"", Context.TeamRole));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("\"Written, Verbal\"", Context.ConsentMethod));
        Assert.Throws<JsonException>(() => JsonSerializer.Serialize((RegistrationSource)7, Context.RegistrationSource));
    }

    [Fact]
    public void String_arrays_keep_their_order_and_refuse_other_shapes()
    {
        ImmutableArray<string> communities = ["Hunan Road", "宁海路", ""];
        var json = JsonSerializer.Serialize(communities, Context.ImmutableArrayString);

        Assert.Equal(communities.ToArray(), JsonSerializer.Deserialize(json, Context.ImmutableArrayString).ToArray());
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("\"Hunan Road\"", Context.ImmutableArrayString));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("[1]", Context.ImmutableArrayString));
    }
}
