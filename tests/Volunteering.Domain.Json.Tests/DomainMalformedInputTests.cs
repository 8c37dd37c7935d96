using System.Text;
using Volunteering.Domain.Storage;

namespace Volunteering.Domain.Json.Tests;

/// <summary>
/// Malformed inputs for the domain-event record types and <c>volunteer.personal-data</c>. Each case is a fixture's
/// data object with one thing broken; each must be refused with <see cref="RecordFormatException"/> whose
/// <see cref="RecordFormatException.Path"/> is the field at fault, and whose message starts with the type and version
/// and names the path.
/// </summary>
public class DomainMalformedInputTests
{
    private static readonly JsonRecordSerializer Serializer = JsonRecordSerializer.Default;
    private static readonly JsonSerializerOptions Relaxed = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    /// <summary>The data object of a committed fixture, compact.</summary>
    private static string Data(string typeName)
    {
        var file = DomainRecordFixtures.Expected.Keys.Single(k => DomainRecordFixtures.TypeNameOf(k) == typeName);
        using var document = JsonDocument.Parse(File.ReadAllBytes(Path.Combine(DomainRecordFixtures.Directory, file)));
        return JsonSerializer.Serialize(document.RootElement.GetProperty("data"), Relaxed);
    }

    /// <summary>The fixture's data with one field's JSON value replaced (or removed, for null).</summary>
    private static string With(string typeName, string field, string? value)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(Data(typeName))!.AsObject();
        Assert.True(node.ContainsKey(field) || value is not null, $"{typeName} has no field {field}");
        if (value is null) node.Remove(field);
        else node[field] = System.Text.Json.Nodes.JsonNode.Parse(value);
        return node.ToJsonString(Relaxed);
    }

    /// <summary>The fixture's data with one field of a nested object replaced (or removed, for null).</summary>
    private static string WithNested(string typeName, string parent, string field, string? value)
    {
        var node = System.Text.Json.Nodes.JsonNode.Parse(Data(typeName))!.AsObject();
        var nested = node[parent]!.AsObject();
        Assert.True(nested.ContainsKey(field) || value is not null, $"{typeName}.{parent} has no field {field}");
        if (value is null) nested.Remove(field);
        else nested[field] = System.Text.Json.Nodes.JsonNode.Parse(value);
        return node.ToJsonString(Relaxed);
    }

    public static TheoryData<string, string, string, string> Cases() => new()
    {
        // GUIDs
        { "a word for a unit id", "unit.renamed", With("unit.renamed", "unitId", "\"not-a-guid\""), "$.unitId" },
        { "a GUID in braces", "unit.moved", With("unit.moved", "parent", "\"{c0000000-0000-4000-8000-000000000001}\""), "$.parent" },
        { "a GUID without dashes", "team.formed", With("team.formed", "teamId", "\"7e000000000040008000000000000001\""), "$.teamId" },
        { "a GUID one digit short", "activity.participant-signed-up", With("activity.participant-signed-up", "participationId", "\"9a000000-0000-4000-8000-00000000001\""), "$.participationId" },
        { "an empty activity id", "activity.planned", With("activity.planned", "activityId", "\"00000000-0000-0000-0000-000000000000\""), "$.activityId" },
        { "an empty optional parent", "unit.founded", With("unit.founded", "parent", "\"00000000-0000-0000-0000-000000000000\""), "$.parent" },
        { "an id as a number", "volunteer.registered", With("volunteer.registered", "scheme", "42"), "$.scheme" },
        { "a training id as null", "volunteer.training-recorded", With("volunteer.training-recorded", "trainingId", "null"), "$.trainingId" },

        // service categories
        { "an upper-case category", "team.formed", With("team.formed", "category", "\"Elder-Care\""), "$.category" },
        { "a category with a space", "activity.planned", With("activity.planned", "category", "\"elder care\""), "$.category" },
        { "an empty category", "team.formed", With("team.formed", "category", "\"\""), "$.category" },
        { "a 33-character category", "team.formed", With("team.formed", "category", "\"" + new string('a', 33) + "\""), "$.category" },
        { "a category as a number", "team.formed", With("team.formed", "category", "3"), "$.category" },
        { "a bad category in a list", "volunteer.personal-data", With("volunteer.personal-data", "serviceCategories", "[\"health\",\"Health\"]"), "$.serviceCategories[1]" },

        // dates, local times and instants
        { "30 February", "unit.renamed", With("unit.renamed", "effectiveFrom", "\"2026-02-30\""), "$.effectiveFrom" },
        { "a date with a time", "team.member-left", With("team.member-left", "effectiveFrom", "\"2026-05-01T00:00:00\""), "$.effectiveFrom" },
        { "a date in another order", "volunteer.award-recorded", With("volunteer.award-recorded", "date", "\"05/03/2026\""), "$.date" },
        { "a date as a number", "volunteer.personal-data", With("volunteer.personal-data", "birthDate", "19700512"), "$.birthDate" },
        { "a local time with an offset", "activity.planned", With("activity.planned", "start", "\"2026-06-15T14:00:00+08:00\""), "$.start" },
        { "a local time with Z", "activity.planned", With("activity.planned", "end", "\"2026-06-15T17:30:00Z\""), "$.end" },
        { "a local time without seconds' colon", "activity.planned", With("activity.planned", "start", "\"2026-06-15T1400\""), "$.start" },
        { "an instant with an offset", "activity.participant-checked-in", With("activity.participant-checked-in", "at", "\"2026-06-15T14:00:00+08:00\""), "$.at" },
        { "a date for an instant", "volunteer.export-consent-withdrawn", With("volunteer.export-consent-withdrawn", "at", "\"2026-02-10\""), "$.at" },

        // enums
        { "an unknown level", "unit.founded", With("unit.founded", "level", "\"District\""), "$.level" },
        { "a level as a number", "unit.founded", With("unit.founded", "level", "3"), "$.level" },
        { "a role in the wrong case", "team.member-joined", With("team.member-joined", "role", "\"leader\""), "$.role" },
        { "an unknown consent method", "volunteer.export-consent-granted", With("volunteer.export-consent-granted", "method", "\"Telepathy\""), "$.method" },
        { "a numeric-string kind", "activity.planned", With("activity.planned", "kind", "\"1\""), "$.kind" },
        { "two roles joined", "activity.participation-confirmed", With("activity.participation-confirmed", "role", "\"Witness, Recipient\""), "$.role" },
        { "an unknown gender", "volunteer.personal-data", With("volunteer.personal-data", "gender", "\"Unknown\""), "$.gender" },

        // missing required fields
        { "no unit id", "unit.closed", With("unit.closed", "unitId", null), "$.unitId" },
        { "no communities", "unit.coverage-changed", With("unit.coverage-changed", "communities", null), "$.communities" },
        { "no brand name", "team.formed", With("team.formed", "brandName", null), "$.brandName" },
        { "no number", "volunteer.registered", With("volunteer.registered", "number", null), "$.number" },
        { "no reason", "volunteer.personal-data-erased", With("volunteer.personal-data-erased", "reason", null), "$.reason" },
        { "no capacity", "activity.planned", With("activity.planned", "capacity", null), "$.capacity" },
        { "no credited time", "activity.participation-verified", With("activity.participation-verified", "creditedTime", null), "$.creditedTime" },
        { "no residence", "volunteer.personal-data", With("volunteer.personal-data", "residence", null), "$.residence" },
        { "no community in the residence", "volunteer.personal-data", With("volunteer.personal-data", "residence", "{\"city\":\"Nanjing\",\"district\":\"Gulou\"}"), "$.residence.community" },
        { "an empty object", "activity.cancelled", "{}", "$.reason" },

        // other rules
        { "a null required text", "unit.renamed", With("unit.renamed", "name", "null"), "$.name" },
        { "a number for a text", "activity.cancelled", With("activity.cancelled", "reason", "5"), "$.reason" },
        { "a null in the communities", "unit.founded", With("unit.founded", "communities", "[\"a\",null]"), "$.communities[1]" },
        { "communities as a string", "unit.founded", With("unit.founded", "communities", "\"Hunan Road\""), "$.communities" },
        { "capacity 0", "activity.planned", With("activity.planned", "capacity", "0"), "$.capacity" },
        { "capacity as a fraction", "activity.planned", With("activity.planned", "capacity", "1.5"), "$.capacity" },
        { "capacity with an exponent", "activity.planned", With("activity.planned", "capacity", "1e3"), "$.capacity" },
        { "count above int", "activity.beneficiaries-recorded", With("activity.beneficiaries-recorded", "count", "2147483648"), "$.count" },
        { "rating 6", "activity.participation-evaluated", With("activity.participation-evaluated", "rating", "6"), "$.rating" },
        { "negative minutes", "activity.service-time-recorded", With("activity.service-time-recorded", "creditedTime", "-1"), "$.creditedTime" },
        { "minutes as a string", "activity.correction-accepted", With("activity.correction-accepted", "toPool", "\"60\""), "$.toPool" },
        { "a flag as a string", "activity.planned", With("activity.planned", "isVolunteerService", "\"true\""), "$.isVolunteerService" },
        { "an unknown field", "unit.moved", With("unit.moved", "note", "1"), "$.note" },
        { "an unknown field with an odd name", "unit.moved", With("unit.moved", "a b", "1"), "$['a b']" },
        { "an unknown field in the residence", "volunteer.personal-data", With("volunteer.personal-data", "residence", "{\"city\":\"N\",\"district\":\"G\",\"community\":\"C\",\"street\":\"S\"}"), "$.residence.street" },
        { "a repeated field", "team.disbanded", Data("team.disbanded")[..^1] + ",\"reason\":\"again\"}", "$.reason" },
        { "a repeated field spelled with an escape", "team.disbanded", Data("team.disbanded")[..^1] + ",\"\\u0072eason\":\"again\"}", "$.reason" },
        { "a blank name", "volunteer.personal-data", With("volunteer.personal-data", "name", "\"  \""), "$.name" },
        { "a blank skill", "volunteer.personal-data", With("volunteer.personal-data", "skills", "[\"ok\",\" \"]"), "$.skills[1]" },
        { "an ID number of 65 characters", "volunteer.personal-data", With("volunteer.personal-data", "idNumber", "\"" + new string('1', 65) + "\""), "$.idNumber" },
        { "an unpaired surrogate escape", "unit.renamed", "{\"unitId\":\"c0000000-0000-4000-8000-000000000003\",\"name\":\"a\\ud800b\",\"effectiveFrom\":\"2026-02-01\",\"at\":\"2026-01-20T09:30:00Z\"}", "$.name" },
        // nested objects (certificates)
        { "an empty volunteer in a certificate", "certificate.issued", Data("certificate.issued").Replace("5b6c7d8e-9fa0-4b1c-8d2e-3f4a5b6c7d8e", "00000000-0000-0000-0000-000000000000", StringComparison.Ordinal), "$.certificate.volunteer" },
        { "a fraction in an entry", "certificate.issued", Data("certificate.issued").Replace("\"creditedMinutes\":240", "\"creditedMinutes\":240.5", StringComparison.Ordinal), "$.certificate.entries[0].creditedMinutes" },
        { "record version 0 in an entry", "certificate.service-certificate", Data("certificate.service-certificate").Replace("\"recordVersion\":12", "\"recordVersion\":0", StringComparison.Ordinal), "$.entries[0].recordVersion" },
        { "an unknown field in an entry", "certificate.service-certificate", Data("certificate.service-certificate").Replace("\"recordVersion\":12", "\"recordVersion\":12,\"x\":1", StringComparison.Ordinal), "$.entries[0].x" },
        { "a certificate without a hash", "certificate.service-certificate", With("certificate.service-certificate", "contentHash", null), "$.contentHash" },
        { "a certificate as a string", "certificate.issued", With("certificate.issued", "certificate", "\"GLHN-2026-000001\""), "$.certificate" },
        { "truncated inside a string", "unit.renamed", Data("unit.renamed")[..20], "$" },

        // love bank: ids
        { "a word for a passbook id", "lovebank.passbook-opened", With("lovebank.passbook-opened", "passbook", "\"passbook-1\""), "$.passbook" },
        { "an empty holder", "lovebank.passbook-opened", With("lovebank.passbook-opened", "holder", "\"00000000-0000-0000-0000-000000000000\""), "$.holder" },
        { "a redemption id without dashes", "lovebank.redemption-fulfilled", With("lovebank.redemption-fulfilled", "redemption", "\"5e000000000040008000000000000001\""), "$.redemption" },
        { "an outlet id as a number", "lovebank.outlet-opened", With("lovebank.outlet-opened", "outlet", "7"), "$.outlet" },
        { "a source GUID in braces", "lovebank.points-expired", With("lovebank.points-expired", "source", "\"{b0000000-0000-4000-8000-000000000001}\""), "$.source" },
        { "an empty item id in a listing", "lovebank.item-listed", WithNested("lovebank.item-listed", "item", "id", "\"00000000-0000-0000-0000-000000000000\""), "$.item.id" },

        // love bank: points, units and counts
        { "negative points awarded", "lovebank.points-awarded", With("lovebank.points-awarded", "points", "-5"), "$.points" },
        { "zero points deducted", "lovebank.points-deducted", With("lovebank.points-deducted", "points", "0"), "$.points" },
        { "a fraction of a point expired", "lovebank.points-expired", With("lovebank.points-expired", "points", "1.5"), "$.points" },
        { "points as a string", "lovebank.award-reversed", With("lovebank.award-reversed", "points", "\"2\""), "$.points" },
        { "points above 64 bits", "lovebank.redemption-reserved", With("lovebank.redemption-reserved", "points", "9223372036854775808"), "$.points" },
        { "negative basis units", "lovebank.points-awarded", With("lovebank.points-awarded", "basisUnits", "-1"), "$.basisUnits" },
        { "a negative sequence", "lovebank.award-reversed", With("lovebank.award-reversed", "sequence", "-1"), "$.sequence" },
        { "rule version 0", "lovebank.points-exchanged", With("lovebank.points-exchanged", "ruleVersion", "0"), "$.ruleVersion" },
        { "no units received", "lovebank.points-exchanged", With("lovebank.points-exchanged", "targetUnits", "0"), "$.targetUnits" },
        { "quantity 0", "lovebank.redemption-reserved", With("lovebank.redemption-reserved", "quantity", "0"), "$.quantity" },
        { "a price of 0 points", "lovebank.item-listed", WithNested("lovebank.item-listed", "item", "pricePoints", "0"), "$.item.pricePoints" },
        { "a negative limit per period", "lovebank.item-listed", WithNested("lovebank.item-listed", "item", "limitPerPeriod", "-1"), "$.item.limitPerPeriod" },
        { "negative minimum service minutes", "lovebank.item-listed", WithNested("lovebank.item-listed", "item", "minimumServiceMinutes", "-300"), "$.item.minimumServiceMinutes" },

        // love bank: enums
        { "an unknown holder kind", "lovebank.passbook-opened", With("lovebank.passbook-opened", "holderKind", "\"Family\""), "$.holderKind" },
        { "a contribution kind in the wrong case", "lovebank.points-awarded", With("lovebank.points-awarded", "kind", "\"volunteerService\""), "$.kind" },
        { "a direction as a number", "lovebank.points-exchanged", With("lovebank.points-exchanged", "direction", "0"), "$.direction" },
        { "an unknown limit period", "lovebank.item-listed", WithNested("lovebank.item-listed", "item", "limitPeriod", "\"Fortnight\""), "$.item.limitPeriod" },
        { "an unknown holder kind an item is only for", "lovebank.item-listed", WithNested("lovebank.item-listed", "item", "onlyFor", "\"Everyone\""), "$.item.onlyFor" },

        // love bank: code hashes and instants
        { "an upper-case code hash", "lovebank.redemption-reserved", With("lovebank.redemption-reserved", "codeHash", "\"" + DomainRecordFixtures.CodeHash.ToUpperInvariant() + "\""), "$.codeHash" },
        { "a code hash one digit short", "lovebank.redemption-reserved", With("lovebank.redemption-reserved", "codeHash", "\"" + DomainRecordFixtures.CodeHash[1..] + "\""), "$.codeHash" },
        { "the one-time code instead of its hash", "lovebank.redemption-reserved", With("lovebank.redemption-reserved", "codeHash", "\"12345678\""), "$.codeHash" },
        { "an expiry with an offset", "lovebank.points-awarded", With("lovebank.points-awarded", "expiresAt", "\"2029-07-02T10:00:00+08:00\""), "$.expiresAt" },
        { "a hold as a date", "lovebank.redemption-reserved", With("lovebank.redemption-reserved", "holdUntil", "\"2026-07-08\""), "$.holdUntil" },
        { "an availability as a number", "lovebank.item-listed", WithNested("lovebank.item-listed", "item", "availableFrom", "1782864000"), "$.item.availableFrom" },

        // love bank: missing required fields
        { "no points reversed", "lovebank.award-reversed", With("lovebank.award-reversed", "points", null), "$.points" },
        { "no code hash", "lovebank.redemption-reserved", With("lovebank.redemption-reserved", "codeHash", null), "$.codeHash" },
        { "no lapsed flag", "lovebank.redemption-cancelled", With("lovebank.redemption-cancelled", "lapsed", null), "$.lapsed" },
        { "no rule", "lovebank.points-deducted", With("lovebank.points-deducted", "rule", null), "$.rule" },
        { "no item in a listing", "lovebank.item-listed", With("lovebank.item-listed", "item", null), "$.item" },
        { "no name for a listed item", "lovebank.item-listed", WithNested("lovebank.item-listed", "item", "name", null), "$.item.name" },
        { "no limit period for a listed item", "lovebank.item-listed", WithNested("lovebank.item-listed", "item", "limitPeriod", null), "$.item.limitPeriod" },
        { "no outlet name", "lovebank.outlet-opened", With("lovebank.outlet-opened", "name", null), "$.name" },

        // love bank: other rules
        { "a null detail", "lovebank.points-awarded", With("lovebank.points-awarded", "detail", "null"), "$.detail" },
        { "a blank item name", "lovebank.item-listed", WithNested("lovebank.item-listed", "item", "name", "\" \""), "$.item.name" },
        { "lapsed as a string", "lovebank.redemption-cancelled", With("lovebank.redemption-cancelled", "lapsed", "\"true\""), "$.lapsed" },
        { "an item as an array", "lovebank.item-listed", With("lovebank.item-listed", "item", "[]"), "$.item" },
        { "an unknown field in a listed item", "lovebank.item-listed", WithNested("lovebank.item-listed", "item", "colour", "\"red\""), "$.item.colour" },
        { "an unknown field in an exchange", "lovebank.points-exchanged", With("lovebank.points-exchanged", "fee", "1"), "$.fee" },
        { "a repeated points field", "lovebank.points-deducted", Data("lovebank.points-deducted")[..^1] + ",\"points\":4}", "$.points" },
        // aid: money in fen, enum lists, nested instalments and periods
        { "fen as a fraction", "aid.payment-made", With("aid.payment-made", "amount", "900.5"), "$.amount" },
        { "fen as yuan text", "aid.payment-made", With("aid.payment-made", "amount", "\"¥900.00\""), "$.amount" },
        { "a zero payment", "aid.payment-made", With("aid.payment-made", "amount", "0"), "$.amount" },
        { "a negative budget", "aid.budget-set", With("aid.budget-set", "amount", "-1"), "$.amount" },
        { "a zero cap", "aid.programme-established", With("aid.programme-established", "beneficiaryCapPerPeriod", "0"), "$.beneficiaryCapPerPeriod" },
        { "an unknown kind in a list", "aid.programme-established", With("aid.programme-established", "eligibleKinds", "[\"Household\",\"Pensioner\"]"), "$.eligibleKinds[1]" },
        { "a number in a category list", "aid.programme-established", With("aid.programme-established", "eligibleCategories", "[1]"), "$.eligibleCategories[0]" },
        { "notice of 0 days", "aid.programme-established", With("aid.programme-established", "noticeDays", "0"), "$.noticeDays" },
        { "household size 0", "aid.application-submitted", With("aid.application-submitted", "householdSize", "0"), "$.householdSize" },
        { "an empty related member of staff", "aid.application-submitted", With("aid.application-submitted", "relatedStaff", "\"00000000-0000-0000-0000-000000000000\""), "$.relatedStaff" },
        { "instalment 0", "aid.payment-made", With("aid.payment-made", "instalment", "0"), "$.instalment" },
        { "an instalment without a due date", "aid.first-opinion-given", With("aid.first-opinion-given", "instalments", "[{\"amount\":90000}]"), "$.instalments[0].dueOn" },
        { "a period's amount as a string", "aid.committed", With("aid.committed", "periods", "[{\"periodStart\":\"2026-03-01\",\"amount\":\"900\"}]"), "$.periods[0].amount" },
        { "an unknown field in a period", "aid.commitment-released", With("aid.commitment-released", "periods", "[{\"periodStart\":\"2026-03-01\",\"amount\":1,\"note\":\"x\"}]"), "$.periods[0].note" },
        { "an unknown review kind", "aid.application-reviewed", With("aid.application-reviewed", "kind", "\"Final\""), "$.kind" },
        { "no evidence", "aid.wish-fulfilled", With("aid.wish-fulfilled", "evidence", null), "$.evidence" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Malformed_data_is_refused_naming_the_field(string name, string typeName, string json, string path)
    {
        var ex = Assert.Throws<RecordFormatException>(() => Serializer.Deserialize(typeName, 1, Encoding.UTF8.GetBytes(json)));

        Assert.True(ex.Path == path, $"{name}: expected the path {path}, got {ex.Path}: {ex.Message}");
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith(typeName + " v1: ", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Inside_an_envelope_the_path_is_under_data(string name, string typeName, string json, string path)
    {
        var envelope = "{\"type\":\"" + typeName + "\",\"schemaVersion\":1,\"data\":" + json + "}";

        var ex = Assert.Throws<RecordFormatException>(() => Serializer.DeserializeEnvelope(Encoding.UTF8.GetBytes(envelope)));

        // A truncated data object breaks the envelope itself, so its error is at the envelope's level.
        var expected = path == "$" ? null : "$.data" + path[1..];
        if (expected is not null) Assert.True(ex.Path == expected, $"{name}: expected the path {expected}, got {ex.Path}: {ex.Message}");
        Assert.NotNull(ex.Path);
    }

    [Fact]
    public void The_valid_bases_of_the_corpus_read()
    {
        foreach (var file in DomainRecordFixtures.Expected.Keys)
        {
            var typeName = DomainRecordFixtures.TypeNameOf(file);
            DomainRecordFixtures.AssertSameFields(file, DomainRecordFixtures.Expected[file], Serializer.Deserialize(typeName, 1, Encoding.UTF8.GetBytes(Data(typeName))));
        }
    }

    [Fact]
    public void A_stored_certificate_never_carries_the_holders_name_or_masked_id_number()
    {
        var certificate = DomainRecordFixtures.Certificate();
        var withName = new Volunteering.Domain.Certificates.CertificateIssued(certificate, NodaTime.Instant.FromUtc(2026, 7, 1, 2, 0));
        var written = Assert.Throws<ArgumentException>(() => Serializer.Serialize(withName));
        Assert.Contains("certificate.issued: certificate must not hold the holder's name", written.Message, StringComparison.Ordinal);

        // Read side: a record that holds them anyway is refused, naming the field.
        var node = System.Text.Json.Nodes.JsonNode.Parse(Data("certificate.issued"))!.AsObject();
        node["certificate"]!.AsObject()["volunteerName"] = "Li Ming";
        var ex = Assert.Throws<RecordFormatException>(() => Serializer.Deserialize("certificate.issued", 1, Encoding.UTF8.GetBytes(node.ToJsonString(Relaxed))));
        Assert.Equal("$.certificate.volunteerName", ex.Path);
    }

    [Fact]
    public void A_newer_schema_version_of_an_event_is_refused_as_unsupported()
    {
        var ex = Assert.Throws<RecordFormatException>(() => Serializer.Deserialize("activity.planned", 2, Encoding.UTF8.GetBytes(Data("activity.planned"))));

        Assert.Null(ex.Path);
        Assert.Contains("schema version 2 is not supported", ex.Message, StringComparison.Ordinal);
    }
}
