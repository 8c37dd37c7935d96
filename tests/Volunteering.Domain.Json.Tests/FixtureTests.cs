using System.Text.Encodings.Web;
using NodaTime;
using Volunteering.Domain.Ledger;
using Xunit.Sdk;

namespace Volunteering.Domain.Json.Tests;

/// <summary>Old records still read: every committed v1 fixture reads back, field by field, to the entry written out in
/// <see cref="LedgerEntryFixtures"/>, and the writer still produces those exact bytes.</summary>
public class FixtureTests
{
    private static readonly JsonRecordSerializer Serializer = JsonRecordSerializer.Default;

    public static TheoryData<string> FixtureFiles()
    {
        var data = new TheoryData<string>();
        foreach (var name in LedgerEntryFixtures.Expected.Keys.Order(StringComparer.Ordinal)) data.Add(name);
        return data;
    }

    [Theory]
    [MemberData(nameof(FixtureFiles))]
    public void Every_v1_fixture_reads_as_its_expected_entry_field_by_field(string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(LedgerEntryFixtures.Directory, file));

        var envelope = Serializer.DeserializeEnvelope(bytes);

        Assert.Equal("ledger.entry", envelope.TypeName);
        Assert.Equal(1, envelope.SchemaVersion);
        var actual = Assert.IsType<LedgerEvent>(envelope.Payload);
        AssertSameEntry(file, LedgerEntryFixtures.Expected[file], actual);
    }

    [Theory]
    [MemberData(nameof(FixtureFiles))]
    public void The_data_object_of_every_fixture_reads_the_same_through_the_store_interface(string file)
    {
        var bytes = File.ReadAllBytes(Path.Combine(LedgerEntryFixtures.Directory, file));
        using var document = JsonDocument.Parse(bytes);
        var data = JsonSerializer.SerializeToUtf8Bytes(document.RootElement.GetProperty("data"));

        var payload = Serializer.Deserialize("ledger.entry", 1, data);

        AssertSameEntry(file, LedgerEntryFixtures.Expected[file], Assert.IsType<LedgerEvent>(payload));
    }

    [Fact]
    public void The_fixture_directory_holds_exactly_the_files_with_expected_values()
    {
        var onDisk = System.IO.Directory.GetFiles(LedgerEntryFixtures.Directory, "*.json", SearchOption.AllDirectories)
            .Select(static f => Path.GetRelativePath(LedgerEntryFixtures.Directory, f))
            .Select(static f => f.Replace('\\', '/'))
            .Order(StringComparer.Ordinal);

        // The ledger fixtures and those of the domain events (DomainRecordFixtures) share the v1 folder.
        Assert.Equal(LedgerEntryFixtures.Expected.Keys.Concat(DomainRecordFixtures.Expected.Keys).Select(static f => f.Replace('\\', '/')).Order(StringComparer.Ordinal), onDisk);
    }

    [Fact]
    public void Every_LedgerEventKind_has_a_v1_fixture()
    {
        var covered = LedgerEntryFixtures.Story.Select(static f => LedgerEntryFixtures.Expected[f].Kind).ToHashSet();

        var missing = Enum.GetValues<LedgerEventKind>().Where(k => k != LedgerEventKind.None && !covered.Contains(k)).ToList();

        Assert.Empty(missing);
    }

    [Fact]
    public void The_story_fixtures_replay_into_a_ledger_that_keeps_every_invariant()
    {
        var entries = LedgerEntryFixtures.Story
            .Select(f => (LedgerEvent)Serializer.DeserializeEnvelope(File.ReadAllBytes(Path.Combine(LedgerEntryFixtures.Directory, f))).Payload)
            .ToList();

        var ledger = DoubleEntryLedger.Replay(entries, new NodaTime.Testing.FakeClock(entries[^1].Timestamp));

        Assert.Empty(ledger.VerifyInvariants());
        Assert.Equal(16, ledger.Position);
        Assert.Equal(180, ledger.GetBalance(LedgerEntryFixtures.Wang));
        Assert.Equal(-180, ledger.GetBalance(LedgerEntryFixtures.Issuing));
    }

    [Theory]
    [MemberData(nameof(FixtureFiles))]
    public void Writing_the_expected_entry_gives_the_fixture_in_canonical_form(string file)
    {
        var expected = LedgerEntryFixtures.Expected[file];
        var written = Serializer.SerializeEnvelope(expected);

        // The story files are the writer's output, indented; the variants are hand-written and differ in form only.
        if (file.StartsWith("variants", StringComparison.Ordinal))
        {
            Assert.Equal(expected, Serializer.DeserializeEnvelope(written).Payload);
        }
        else
        {
            var fixture = Compact(File.ReadAllBytes(Path.Combine(LedgerEntryFixtures.Directory, file)));
            Assert.Equal(System.Text.Encoding.UTF8.GetString(fixture), System.Text.Encoding.UTF8.GetString(written));
        }
    }

    [Fact]
    public void An_omitted_optional_field_reads_as_its_default()
    {
        var file = Path.Combine(LedgerEntryFixtures.Directory, "variants", "TransferPosted-optional-fields-omitted.json");
        var text = File.ReadAllText(file);
        Assert.DoesNotContain("\"code\"", text, StringComparison.Ordinal);
        Assert.DoesNotContain("\"memo\"", text, StringComparison.Ordinal);

        var entry = (LedgerEvent)Serializer.DeserializeEnvelope(File.ReadAllBytes(file)).Payload;

        Assert.Equal(0, entry.Code);
        Assert.Null(entry.Memo);
        Assert.Null(entry.ExpiresAt);
        Assert.Equal(Instant.FromUtc(2026, 3, 3, 6, 3, 0), entry.Timestamp);
    }

    internal static void AssertSameEntry(string label, LedgerEvent expected, LedgerEvent actual)
    {
        Same(label, "position", expected.Position, actual.Position);
        Same(label, "kind", expected.Kind, actual.Kind);
        Same(label, "timestamp", expected.Timestamp, actual.Timestamp);
        Same(label, "accountId", expected.AccountId, actual.AccountId);
        Same(label, "accountVersion", expected.AccountVersion, actual.AccountVersion);
        Same(label, "ownerId", expected.OwnerId, actual.OwnerId);
        Same(label, "asset", expected.Asset, actual.Asset);
        Same(label, "floor", expected.Floor, actual.Floor);
        Same(label, "ceiling", expected.Ceiling, actual.Ceiling);
        Same(label, "transferId", expected.TransferId, actual.TransferId);
        Same(label, "transferKind", expected.TransferKind, actual.TransferKind);
        Same(label, "relatedTransferId", expected.RelatedTransferId, actual.RelatedTransferId);
        Same(label, "debitAccountId", expected.DebitAccountId, actual.DebitAccountId);
        Same(label, "creditAccountId", expected.CreditAccountId, actual.CreditAccountId);
        Same(label, "amount", expected.Amount, actual.Amount);
        Same(label, "code", expected.Code, actual.Code);
        Same(label, "memo", expected.Memo, actual.Memo);
        Same(label, "expiresAt", expected.ExpiresAt, actual.ExpiresAt);
        Same(label, "rejection", expected.Rejection, actual.Rejection);
        Same(label, "debitAccountVersion", expected.DebitAccountVersion, actual.DebitAccountVersion);
        Same(label, "debitAccountBalance", expected.DebitAccountBalance, actual.DebitAccountBalance);
        Same(label, "creditAccountVersion", expected.CreditAccountVersion, actual.CreditAccountVersion);
        Same(label, "creditAccountBalance", expected.CreditAccountBalance, actual.CreditAccountBalance);
        Assert.Equal(expected, actual); // and nothing the list above missed
    }

    private static void Same<T>(string label, string field, T expected, T actual)
    {
        if (!EqualityComparer<T>.Default.Equals(expected, actual))
        {
            throw new XunitException($"{label}: {field} should be {expected?.ToString() ?? "null"} but is {actual?.ToString() ?? "null"}.");
        }
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
