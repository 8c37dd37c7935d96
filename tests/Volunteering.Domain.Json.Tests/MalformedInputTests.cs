using System.Text;
using Volunteering.Domain.Ledger;
using Volunteering.Domain.Storage;

namespace Volunteering.Domain.Json.Tests;

/// <summary>
/// A corpus of malformed inputs thrown at the reader. Each case is a valid <c>ledger.entry</c> v1 record with one thing
/// broken; each must be refused with <see cref="RecordFormatException"/> whose <see cref="RecordFormatException.Path"/>
/// is the field at fault and whose message names it.
/// </summary>
public class MalformedInputTests
{
    private static readonly JsonRecordSerializer Serializer = JsonRecordSerializer.Default;

    /// <summary>The fields of a valid TransferPosted record, as raw JSON values in written order.</summary>
    private static readonly (string Name, string Value)[] Valid =
    [
        ("position", "3"),
        ("kind", "\"TransferPosted\""),
        ("timestamp", "\"2026-03-03T06:03:00Z\""),
        ("asset", "1"),
        ("transferId", "\"a0000000-0000-4000-8000-000000000001\""),
        ("transferKind", "\"Post\""),
        ("debitAccountId", "\"0c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e\""),
        ("creditAccountId", "\"3f2a1c4e-8b7d-4e6f-9a01-2b3c4d5e6f70\""),
        ("amount", "180"),
        ("code", "10"),
        ("memo", "\"a memo\""),
        ("debitAccountVersion", "2"),
        ("debitAccountBalance", "-180"),
        ("creditAccountVersion", "2"),
        ("creditAccountBalance", "180"),
    ];

    private static string Record(params (string Name, string? Value)[] changes)
    {
        var fields = Valid.ToList();
        foreach (var (name, value) in changes)
        {
            var i = fields.FindIndex(f => f.Name == name);
            if (value is null) fields.RemoveAt(i);
            else if (i >= 0) fields[i] = (name, value);
            else fields.Add((name, value));
        }

        return "{" + string.Join(",", fields.Select(static f => $"\"{f.Name}\":{f.Value}")) + "}";
    }

    private static string With(string name, string value) => Record((name, value));

    private static string Without(string name) => Record((name, null));

    public static TheoryData<string, string, string> DataCases()
    {
        var valid = Record();
        var pendingPosted = Record(("kind", "\"PendingPosted\""), ("transferKind", "\"PostPending\""));
        var accountOpened = "{\"position\":1,\"kind\":\"AccountOpened\",\"timestamp\":\"2026-03-03T06:00:00Z\",\"accountId\":\"3f2a1c4e-8b7d-4e6f-9a01-2b3c4d5e6f70\",\"accountVersion\":1,\"asset\":1";
        return new TheoryData<string, string, string>
        {
            // not JSON, or not one object
            { "empty input", "", "$" },
            { "only white space", "  \n ", "$" },
            { "an array", "[]", "$" },
            { "a string", "\"ledger\"", "$" },
            { "a number", "42", "$" },
            { "null", "null", "$" },
            { "trailing garbage", valid + " x", "$" },
            { "a second object", valid + "{}", "$" },
            { "a comment", "/* note */" + valid, "$" },
            { "a trailing comma", valid[..^1] + ",}", "$" },
            { "single-quoted names", "{'position':3}", "$" },
            { "a byte order mark", "\uFEFF" + valid, "$" },
            { "truncated before the closing brace", valid[..^1], "$.creditAccountBalance" },
            { "truncated after a comma", valid[..(valid.IndexOf(",\"debitAccountVersion\"", StringComparison.Ordinal) + 1)], "$" },
            { "truncated after a name", "{\"position\":", "$.position" },
            { "truncated inside a string", valid[..(valid.IndexOf("a memo", StringComparison.Ordinal) + 3)], "$.memo" },
            { "a leading-zero number", With("amount", "0180"), "$.amount" },

            // unknown and repeated fields
            { "an unknown field", Record(("balance", "5")), "$.balance" },
            { "an unknown field with an odd name", Record(("a b", "5")), "$['a b']" },
            { "an unknown field holding deep nesting", Record(("extra", new string('[', 30) + new string(']', 30))), "$.extra" },
            { "a repeated field", valid[..^1] + ",\"amount\":181}", "$.amount" },
            { "a repeated field spelled with an escape", valid[..^1] + ",\"\\u0061mount\":181}", "$.amount" },
            { "a field with different case", Record(("Amount", "1")), "$.Amount" },

            // wrong JSON types
            { "position as a string", With("position", "\"3\""), "$.position" },
            { "amount as a fraction", With("amount", "1.5"), "$.amount" },
            { "amount with an exponent", With("amount", "1e3"), "$.amount" },
            { "amount as true", With("amount", "true"), "$.amount" },
            { "amount as an object", With("amount", "{}"), "$.amount" },
            { "amount as nested arrays", With("amount", new string('[', 20) + new string(']', 20)), "$.amount" },
            { "asset as a string", With("asset", "\"1\""), "$.asset" },
            { "memo as a number", With("memo", "12"), "$.memo" },
            { "transferId as a number", With("transferId", "12"), "$.transferId" },
            { "timestamp as a number", With("timestamp", "1772517780"), "$.timestamp" },

            // numbers out of range
            { "amount above long", With("amount", "9223372036854775808"), "$.amount" },
            { "amount with 400 digits", With("amount", new string('9', 400)), "$.amount" },
            { "a negative amount", With("amount", "-1"), "$.amount" },
            { "code above int", With("code", "2147483648"), "$.code" },
            { "position 0", With("position", "0"), "$.position" },
            { "a negative position", With("position", "-3"), "$.position" },
            { "a negative debit version", With("debitAccountVersion", "-1"), "$.debitAccountVersion" },
            { "credit version 0 on a movement", With("creditAccountVersion", "0"), "$.creditAccountVersion" },
            { "a negative account version", Record(("accountVersion", "-1")), "$.accountVersion" },
            { "asset 0", With("asset", "0"), "$.asset" },
            { "a negative asset", With("asset", "-156"), "$.asset" },
            { "a balance above long", With("creditAccountBalance", "9223372036854775808"), "$.creditAccountBalance" },

            // nulls where not allowed
            { "position null", With("position", "null"), "$.position" },
            { "kind null", With("kind", "null"), "$.kind" },
            { "timestamp null", With("timestamp", "null"), "$.timestamp" },
            { "amount null", With("amount", "null"), "$.amount" },
            { "transferId null", With("transferId", "null"), "$.transferId" },
            { "asset null", With("asset", "null"), "$.asset" },
            { "code null", With("code", "null"), "$.code" },

            // enum names
            { "an unknown kind", With("kind", "\"Bogus\""), "$.kind" },
            { "kind as a number", With("kind", "10"), "$.kind" },
            { "an undefined kind number", With("kind", "7"), "$.kind" },
            { "kind as a numeric string", With("kind", "\"10\""), "$.kind" },
            { "kind in the wrong case", With("kind", "\"transferposted\""), "$.kind" },
            { "kind None", With("kind", "\"None\""), "$.kind" },
            { "two kinds joined", With("kind", "\"TransferPosted, PendingCreated\""), "$.kind" },
            { "an unknown transfer kind", With("transferKind", "\"Refund\""), "$.transferKind" },
            { "transfer kind None on a movement", With("transferKind", "\"None\""), "$.transferKind" },
            { "an unknown rejection", Record(("rejection", "\"Nope\"")), "$.rejection" },
            { "a rejected entry whose rejection is Ok", Record(("kind", "\"TransferRejected\""), ("rejection", "\"Ok\"")), "$.rejection" },

            // ids
            { "an invalid GUID", With("transferId", "\"not-a-guid\""), "$.transferId" },
            { "a GUID in braces", With("transferId", "\"{a0000000-0000-4000-8000-000000000001}\""), "$.transferId" },
            { "a GUID without dashes", With("transferId", "\"a0000000000040008000000000000001\""), "$.transferId" },
            { "a GUID one digit short", With("debitAccountId", "\"0c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5\""), "$.debitAccountId" },
            { "an empty required id", With("creditAccountId", "\"00000000-0000-0000-0000-000000000000\""), "$.creditAccountId" },

            // instants
            { "30 February", With("timestamp", "\"2026-02-30T00:00:00Z\""), "$.timestamp" },
            { "an offset instead of Z", With("timestamp", "\"2026-03-03T06:03:00+08:00\""), "$.timestamp" },
            { "a space instead of T", With("timestamp", "\"2026-03-03 06:03:00Z\""), "$.timestamp" },
            { "hour 25", With("timestamp", "\"2026-03-03T25:00:00Z\""), "$.timestamp" },
            { "second 60", With("timestamp", "\"2026-03-03T06:03:60Z\""), "$.timestamp" },
            { "ten fractional digits", With("timestamp", "\"2026-03-03T06:03:00.1234567890Z\""), "$.timestamp" },
            { "a word for an instant", With("timestamp", "\"yesterday\""), "$.timestamp" },
            { "an invalid expiry", Record(("expiresAt", "\"2026-13-01T00:00:00Z\"")), "$.expiresAt" },

            // missing required fields
            { "no position", Without("position"), "$.position" },
            { "no kind", Without("kind"), "$.kind" },
            { "no timestamp", Without("timestamp"), "$.timestamp" },
            { "no transferId", Without("transferId"), "$.transferId" },
            { "no amount", Without("amount"), "$.amount" },
            { "no asset", Without("asset"), "$.asset" },
            { "no debit balance", Without("debitAccountBalance"), "$.debitAccountBalance" },
            { "no related transfer on a posted pending transfer", pendingPosted, "$.relatedTransferId" },
            { "no account version on an opening", accountOpened.Replace(",\"accountVersion\":1", string.Empty, StringComparison.Ordinal) + "}", "$.accountVersion" },
            { "an empty object", "{}", "$.kind" },

            // other rules
            { "a floor above the ceiling", accountOpened + ",\"floor\":10,\"ceiling\":5}", "$.floor" },
            { "a memo of 513 characters", With("memo", "\"" + new string('m', 513) + "\""), "$.memo" },
            { "a memo with an unpaired surrogate escape", With("memo", "\"a\\ud800b\""), "$.memo" },
            { "a memo with a bad escape", With("memo", "\"a\\qb\""), "$.memo" },
        };
    }

    [Theory]
    [MemberData(nameof(DataCases))]
    public void Malformed_stored_data_is_refused_naming_the_field(string name, string json, string path)
    {
        var ex = Assert.Throws<RecordFormatException>(() => Serializer.Deserialize("ledger.entry", 1, Encoding.UTF8.GetBytes(json)));

        Assert.True(ex.Path == path, $"{name}: expected the path {path}, got {ex.Path}: {ex.Message}");
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
        Assert.StartsWith("ledger.entry v1: ", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_UTF8_inside_a_memo_is_refused_naming_the_memo()
    {
        var bytes = Encoding.UTF8.GetBytes(With("memo", "\"XY\""));
        var x = Array.IndexOf(bytes, (byte)'X');
        bytes[x] = 0xFF; // never valid in UTF-8
        bytes[x + 1] = 0xFE;

        var ex = Assert.Throws<RecordFormatException>(() => Serializer.Deserialize("ledger.entry", 1, bytes));

        Assert.Equal("$.memo", ex.Path);
    }

    [Fact]
    public void A_memo_of_exactly_the_limit_reads_and_a_null_memo_reads_as_null()
    {
        var longest = new string('长', StandardRecordTypes.LedgerEntryMaxMemoLength);

        var full = (LedgerEvent)Serializer.Deserialize("ledger.entry", 1, Encoding.UTF8.GetBytes(With("memo", "\"" + longest + "\"")));
        var none = (LedgerEvent)Serializer.Deserialize("ledger.entry", 1, Encoding.UTF8.GetBytes(With("memo", "null")));

        Assert.Equal(longest, full.Memo);
        Assert.Null(none.Memo);
    }

    [Fact]
    public void A_10_MB_memo_is_refused_by_the_size_limit_before_it_is_parsed()
    {
        var json = Encoding.UTF8.GetBytes(With("memo", "\"" + new string('x', 10 * 1024 * 1024) + "\""));

        var ex = Assert.Throws<RecordFormatException>(() => Serializer.Deserialize("ledger.entry", 1, json));

        Assert.Equal("$", ex.Path);
        Assert.Contains("over the limit of 1048576", ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Under_a_larger_size_limit_a_10_MB_memo_is_refused_by_the_memo_limit()
    {
        var roomy = new JsonRecordSerializerBuilder().RegisterStandardTypes().WithMaxRecordBytes(32 * 1024 * 1024).Build();
        var json = Encoding.UTF8.GetBytes(With("memo", "\"" + new string('x', 10 * 1024 * 1024) + "\""));

        var ex = Assert.Throws<RecordFormatException>(() => roomy.Deserialize("ledger.entry", 1, json));

        Assert.Equal("$.memo", ex.Path);
        Assert.Contains("longer than 512", ex.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("transferId")]
    [InlineData("kind")]
    [InlineData("timestamp")]
    public void A_10_MB_string_in_another_field_is_refused_naming_that_field(string field)
    {
        var roomy = new JsonRecordSerializerBuilder().RegisterStandardTypes().WithMaxRecordBytes(32 * 1024 * 1024).Build();
        var json = Encoding.UTF8.GetBytes(With(field, "\"" + new string('7', 10 * 1024 * 1024) + "\""));

        var ex = Assert.Throws<RecordFormatException>(() => roomy.Deserialize("ledger.entry", 1, json));

        Assert.Equal("$." + field, ex.Path);
        Assert.True(ex.Message.Length < 2000, "the message must not echo the 10 MB value");
    }

    [Fact]
    public void A_record_just_within_the_limit_reads()
    {
        var small = new JsonRecordSerializerBuilder().RegisterStandardTypes().WithMaxRecordBytes(1024).Build();
        var json = Encoding.UTF8.GetBytes(Record());
        var padded = new byte[1024];
        json.CopyTo(padded, 0);
        padded.AsSpan(json.Length).Fill((byte)' ');

        Assert.IsType<LedgerEvent>(small.Deserialize("ledger.entry", 1, padded));
        var ex = Assert.Throws<RecordFormatException>(() => small.Deserialize("ledger.entry", 1, [.. padded, (byte)' ']));
        Assert.Equal("$", ex.Path);
    }

    [Theory]
    [InlineData("ledger.entries", 1, "Unknown record type \"ledger.entries\"")]
    [InlineData("Ledger.Entry", 1, "Unknown record type \"Ledger.Entry\"")]
    [InlineData("", 1, "Unknown record type \"\"")]
    [InlineData("ledger.entry", 2, "schema version 2 is not supported")]
    [InlineData("ledger.entry", 0, "schema version 0 is not supported")]
    [InlineData("ledger.entry", -1, "schema version -1 is not supported")]
    public void An_unknown_type_or_unsupported_version_is_refused_before_the_data_is_read(string typeName, int version, string fragment)
    {
        var ex = Assert.Throws<RecordFormatException>(() => Serializer.Deserialize(typeName, version, Encoding.UTF8.GetBytes(Record())));

        Assert.Null(ex.Path); // the type name and version are the store's columns, not JSON
        Assert.Contains(fragment, ex.Message, StringComparison.Ordinal);
    }

    private const string ValidData = "{\"position\":1,\"kind\":\"AccountFrozen\",\"timestamp\":\"2026-03-03T06:00:00Z\",\"accountId\":\"3f2a1c4e-8b7d-4e6f-9a01-2b3c4d5e6f70\",\"accountVersion\":2,\"asset\":1}";

    public static TheoryData<string, string, string> EnvelopeCases() => new()
    {
        { "not an object", "[1]", "$" },
        { "empty input", "", "$" },
        { "truncated", "{\"type\":\"ledger.entry\",\"schemaVersion\":1,\"data\":" + ValidData[..20], "$.data" },
        { "trailing garbage", "{\"type\":\"ledger.entry\",\"schemaVersion\":1,\"data\":" + ValidData + "}]", "$" },
        { "no type", "{\"schemaVersion\":1,\"data\":" + ValidData + "}", "$.type" },
        { "type as a number", "{\"type\":5,\"schemaVersion\":1,\"data\":" + ValidData + "}", "$.type" },
        { "type null", "{\"type\":null,\"schemaVersion\":1,\"data\":" + ValidData + "}", "$.type" },
        { "an unknown type", "{\"type\":\"ledger.entries\",\"schemaVersion\":1,\"data\":" + ValidData + "}", "$.type" },
        { "a type of 65 characters", "{\"type\":\"" + new string('a', 65) + "\",\"schemaVersion\":1,\"data\":" + ValidData + "}", "$.type" },
        { "no schema version", "{\"type\":\"ledger.entry\",\"data\":" + ValidData + "}", "$.schemaVersion" },
        { "an unsupported schema version", "{\"type\":\"ledger.entry\",\"schemaVersion\":2,\"data\":" + ValidData + "}", "$.schemaVersion" },
        { "schema version 0", "{\"type\":\"ledger.entry\",\"schemaVersion\":0,\"data\":" + ValidData + "}", "$.schemaVersion" },
        { "a negative schema version", "{\"type\":\"ledger.entry\",\"schemaVersion\":-1,\"data\":" + ValidData + "}", "$.schemaVersion" },
        { "schema version as a string", "{\"type\":\"ledger.entry\",\"schemaVersion\":\"1\",\"data\":" + ValidData + "}", "$.schemaVersion" },
        { "schema version as a fraction", "{\"type\":\"ledger.entry\",\"schemaVersion\":1.0,\"data\":" + ValidData + "}", "$.schemaVersion" },
        { "schema version above int", "{\"type\":\"ledger.entry\",\"schemaVersion\":2147483648,\"data\":" + ValidData + "}", "$.schemaVersion" },
        { "no data", "{\"type\":\"ledger.entry\",\"schemaVersion\":1}", "$.data" },
        { "data null", "{\"type\":\"ledger.entry\",\"schemaVersion\":1,\"data\":null}", "$.data" },
        { "data an array", "{\"type\":\"ledger.entry\",\"schemaVersion\":1,\"data\":[]}", "$.data" },
        { "data a string", "{\"type\":\"ledger.entry\",\"schemaVersion\":1,\"data\":\"{}\"}", "$.data" },
        { "an unknown envelope field", "{\"type\":\"ledger.entry\",\"schemaVersion\":1,\"data\":" + ValidData + ",\"meta\":{}}", "$.meta" },
        { "a repeated type", "{\"type\":\"ledger.entry\",\"type\":\"ledger.entry\",\"schemaVersion\":1,\"data\":" + ValidData + "}", "$.type" },
        { "a repeated data", "{\"type\":\"ledger.entry\",\"schemaVersion\":1,\"data\":" + ValidData + ",\"data\":" + ValidData + "}", "$.data" },
        { "a bad field inside the data", "{\"type\":\"ledger.entry\",\"schemaVersion\":1,\"data\":" + ValidData.Replace("\"asset\":1", "\"asset\":\"x\"", StringComparison.Ordinal) + "}", "$.data.asset" },
        { "a missing field inside the data", "{\"type\":\"ledger.entry\",\"schemaVersion\":1,\"data\":" + ValidData.Replace(",\"asset\":1", string.Empty, StringComparison.Ordinal) + "}", "$.data.asset" },
        { "an unknown field inside the data", "{\"type\":\"ledger.entry\",\"schemaVersion\":1,\"data\":" + ValidData[..^1] + ",\"x\":1}}", "$.data.x" },
    };

    [Theory]
    [MemberData(nameof(EnvelopeCases))]
    public void Malformed_envelopes_are_refused_naming_the_field(string name, string json, string path)
    {
        var ex = Assert.Throws<RecordFormatException>(() => Serializer.DeserializeEnvelope(Encoding.UTF8.GetBytes(json)));

        Assert.True(ex.Path == path, $"{name}: expected the path {path}, got {ex.Path}: {ex.Message}");
        Assert.Contains(path, ex.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_valid_bases_of_the_corpus_read()
    {
        // Guards the corpus: each case breaks exactly one thing of a record that is otherwise accepted.
        Assert.IsType<LedgerEvent>(Serializer.Deserialize("ledger.entry", 1, Encoding.UTF8.GetBytes(Record())));
        var envelope = Serializer.DeserializeEnvelope(Encoding.UTF8.GetBytes("{\"type\":\"ledger.entry\",\"schemaVersion\":1,\"data\":" + ValidData + "}"));
        Assert.Equal(LedgerEventKind.AccountFrozen, ((LedgerEvent)envelope.Payload).Kind);
    }
}
