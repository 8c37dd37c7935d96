using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using NodaTime;
using NodaTime.Testing;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;

namespace Volunteering.Domain.Json.Tests;

/// <summary>Random entries of every kind serialize and read back equal, as stored data, as envelopes and through the
/// source-generated context; entries a real ledger journals do too, and replay.</summary>
public class RoundTripPropertyTests
{
    private static readonly JsonRecordSerializer Serializer = JsonRecordSerializer.Default;

    [Property(MaxTest = 500)]
    public Property Any_storable_entry_round_trips_as_stored_data()
        => Prop.ForAll(Arb.From(LedgerEntryGen.Any), static entry =>
        {
            var stored = Serializer.Serialize(entry);

            Assert.Equal("ledger.entry", stored.TypeName);
            Assert.Equal(1, stored.SchemaVersion);
            FixtureTests.AssertSameEntry("round trip", entry, (LedgerEvent)Serializer.Deserialize(stored.TypeName, stored.SchemaVersion, stored.Data.Span));
        });

    [Property(MaxTest = 300)]
    public Property Any_storable_entry_round_trips_as_an_envelope()
        => Prop.ForAll(Arb.From(LedgerEntryGen.Any), static entry =>
        {
            var envelope = Serializer.DeserializeEnvelope(Serializer.SerializeEnvelope(entry));

            Assert.Equal(new RecordEnvelope("ledger.entry", 1, entry), envelope);
        });

    [Property(MaxTest = 200)]
    public Property Any_storable_entry_round_trips_as_an_envelope_written_to_a_writer()
        => Prop.ForAll(Arb.From(LedgerEntryGen.Any), static entry =>
        {
            using var stream = new MemoryStream();
            using (var writer = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = true }))
            {
                Serializer.WriteEnvelope(writer, entry);
            }

            Assert.Equal(entry, Serializer.DeserializeEnvelope(stream.ToArray()).Payload);
        });

    [Property(MaxTest = 200)]
    public Property Any_storable_entry_round_trips_through_the_source_generated_context()
        => Prop.ForAll(Arb.From(LedgerEntryGen.Any), static entry =>
        {
            var json = JsonSerializer.SerializeToUtf8Bytes(entry, VolunteeringJsonContext.Default.LedgerEvent);

            Assert.Equal(entry, JsonSerializer.Deserialize(json, VolunteeringJsonContext.Default.LedgerEvent));
            // The same form as the stored record (the context may escape non-ASCII text differently, nothing else).
            Assert.Equal(entry, Serializer.Deserialize("ledger.entry", 1, json));
        });

    [Fact]
    public void Every_kind_is_generated()
    {
        var kinds = LedgerEntryGen.Any.Sample(500).Select(static e => e.Kind).ToHashSet();

        Assert.Equal(LedgerEntryGen.Kinds.ToHashSet(), kinds);
    }

    [Property(MaxTest = 300)]
    public Property An_entry_broken_in_one_field_is_refused_when_written_naming_that_field()
        => Prop.ForAll(
            Arb.From(LedgerEntryGen.Any.SelectMany(static e => Gen.Choose(0, Breaks.Length - 1), static (e, i) => (Entry: e, Break: i))),
            static c =>
            {
                var (field, broken) = Breaks[c.Break](c.Entry);

                var ex = Assert.Throws<ArgumentException>(() => Serializer.Serialize(broken));

                Assert.Contains(field, ex.Message, StringComparison.Ordinal);
            });

    private static readonly Func<LedgerEvent, (string Field, LedgerEvent Entry)>[] Breaks =
    [
        static e => ("position", e with { Position = 0 }),
        static e => ("position", e with { Position = long.MinValue }),
        static e => ("kind", e with { Kind = LedgerEventKind.None }),
        static e => ("kind", e with { Kind = (LedgerEventKind)7 }),
        static e => ("transferKind", e with { TransferKind = (TransferKind)99 }),
        static e => ("rejection", e with { Rejection = (TransferResult)999 }),
        static e => ("amount", e with { Amount = -1 }),
        static e => ("accountVersion", e with { AccountVersion = -1 }),
        static e => ("debitAccountVersion", e with { DebitAccountVersion = -5 }),
        static e => ("creditAccountVersion", e with { CreditAccountVersion = long.MinValue }),
        static e => ("memo", e with { Memo = new string('x', 513) }),
        static e => ("memo", e with { Memo = "unpaired \uD800 surrogate" }),
        static e => ("memo", e with { Memo = "\uDC00" }),
        static e => ("floor", e with { Floor = 10, Ceiling = 9 }),
        static e => e.IsAccountEvent ? ("accountId", e with { AccountId = default })
            : ("transferId", e with { TransferId = default }),
        static e => e.IsAccountEvent ? ("asset", e with { Asset = default })
            : e.Kind == LedgerEventKind.TransferRejected ? ("rejection", e with { Rejection = TransferResult.Ok })
            : ("debitAccountId", e with { DebitAccountId = default }),
    ];

    [Property(MaxTest = 50)]
    public Property Every_entry_a_real_ledger_journals_round_trips_and_the_read_journal_replays()
        => Prop.ForAll(
            Arb.From(Gen.Choose(0, 9).SelectMany(static _ => Gen.Choose(1, 500)).ListOf().Select(static l => l.ToArray())),
            static script =>
            {
                var clock = new FakeClock(Instant.FromUtc(2026, 1, 1, 8, 0).PlusNanoseconds(1_234));
                var ledger = new DoubleEntryLedger(clock);
                var accounts = Enumerable.Range(1, 3).Select(static i => new AccountId(new Guid(i, 0, 0, new byte[8]))).ToArray();
                ledger.OpenAccount(new OpenAccountRequest(accounts[0], Asset.TimeCredit, Guid.Empty, 1, floor: null));
                ledger.OpenAccount(new OpenAccountRequest(accounts[1], Asset.TimeCredit, Guid.NewGuid(), 2, 0, 5_000));
                ledger.OpenAccount(new OpenAccountRequest(accounts[2], Asset.TimeCredit, Guid.NewGuid(), 2));
                for (var i = 0; i < script.Length; i++)
                {
                    clock.Advance(Duration.FromMilliseconds(script[i]));
                    var id = new TransferId(new Guid(1000 + i, 0, 0, new byte[8]));
                    var earlier = new TransferId(new Guid(1000 + Math.Max(0, i - 1 - (script[i] % 3)), 0, 0, new byte[8]));
                    var from = accounts[script[i] % 3];
                    var to = accounts[(script[i] + 1) % 3];
                    _ = (script[i] % 7) switch
                    {
                        0 => ledger.Submit(TransferRequest.Pending(id, from, to, script[i], 5, clock.GetCurrentInstant() + Duration.FromSeconds(script[i] % 4), "hold")).ToString(),
                        1 => ledger.Submit(TransferRequest.PostPending(id, earlier, Math.Max(1, script[i] / 2))).ToString(),
                        2 => ledger.Submit(TransferRequest.VoidPending(id, earlier, "void")).ToString(),
                        3 => ledger.Submit(TransferRequest.Reverse(id, earlier)).ToString(),
                        4 => ledger.ExpirePending().ToString(System.Globalization.CultureInfo.InvariantCulture),
                        5 => ledger.Submit(TransferRequest.Post(id, to, from, script[i] * 100L, 7, "长 memo " + i)).ToString(),
                        _ => ledger.Submit(TransferRequest.Post(id, from, to, script[i], 6)).ToString(),
                    };
                }

                var read = ledger.Journal
                    .Select(e => Serializer.Serialize(e))
                    .Select(s => (LedgerEvent)Serializer.Deserialize(s.TypeName, s.SchemaVersion, s.Data.Span))
                    .ToList();

                Assert.Equal(ledger.Journal, read);
                var replayed = DoubleEntryLedger.Replay(read, clock);
                Assert.Empty(replayed.VerifyInvariants());
                Assert.Equal(accounts.Select(ledger.GetBalance), accounts.Select(replayed.GetBalance));
            });

    [Property(MaxTest = 1000)]
    public Property Instants_are_written_exactly_as_NodaTime_writes_them_and_read_back()
        => Prop.ForAll(Arb.From(LedgerEntryGen.Instant), static instant =>
        {
            var ours = JsonSerializer.Serialize(instant, VolunteeringJsonContext.Default.Instant);
            var noda = NodaWrite(instant);

            Assert.Equal(noda, ours);
            Assert.Equal(instant, JsonSerializer.Deserialize(noda, VolunteeringJsonContext.Default.Instant));
        });

    [Theory]
    [InlineData("2026-03-03T06:00:00Z")]
    [InlineData("2026-03-03T06:00:00.1Z")]
    [InlineData("2026-03-03T06:00:00.100Z")]
    [InlineData("2026-03-03T06:00:00.000000001Z")]
    [InlineData("2026-03-03T06:00:00.0000000001Z")]
    [InlineData("2026-03-03T06:00:00.Z")]
    [InlineData("2026-03-03T24:00:00Z")]
    [InlineData("2026-03-03T23:59:60Z")]
    [InlineData("2024-02-29T00:00:00Z")]
    [InlineData("2025-02-29T00:00:00Z")]
    [InlineData("1900-02-29T00:00:00Z")]
    [InlineData("2000-02-29T00:00:00Z")]
    [InlineData("0000-01-01T00:00:00Z")]
    [InlineData("0001-01-01T00:00:00Z")]
    [InlineData("-0001-12-31T23:59:59Z")]
    [InlineData("-9998-01-01T00:00:00Z")]
    [InlineData("9999-12-31T23:59:59.999999999Z")]
    [InlineData("10000-01-01T00:00:00Z")]
    [InlineData("+2026-03-03T06:00:00Z")]
    [InlineData("2026-3-03T06:00:00Z")]
    [InlineData("2026-03-03T06:00:00z")]
    [InlineData("2026-03-03T06:00:00")]
    [InlineData("2026-03-03t06:00:00Z")]
    [InlineData("2026-03-03T06:00Z")]
    [InlineData(" 2026-03-03T06:00:00Z")]
    [InlineData("２０２６-03-03T06:00:00Z")]
    public void An_instant_text_reads_exactly_when_NodaTime_reads_it_and_to_the_same_value(string text)
    {
        var noda = NodaTime.Text.InstantPattern.ExtendedIso.Parse(text);
        var json = JsonSerializer.Serialize(text); // a JSON string, escaped as needed
        var ledgerJson = Encoding.UTF8.GetBytes(
            "{\"position\":1,\"kind\":\"AccountFrozen\",\"timestamp\":" + json + ",\"accountId\":\"3f2a1c4e-8b7d-4e6f-9a01-2b3c4d5e6f70\",\"accountVersion\":2,\"asset\":1}");

        if (noda.Success)
        {
            Assert.Equal(noda.Value, JsonSerializer.Deserialize(json, VolunteeringJsonContext.Default.Instant));
            Assert.Equal(noda.Value, ((LedgerEvent)Serializer.Deserialize("ledger.entry", 1, ledgerJson)).Timestamp);
        }
        else
        {
            Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, VolunteeringJsonContext.Default.Instant));
            var ex = Assert.Throws<Storage.RecordFormatException>(() => Serializer.Deserialize("ledger.entry", 1, ledgerJson));
            Assert.Equal("$.timestamp", ex.Path);
        }
    }

    private static string NodaWrite(Instant instant)
    {
        using var stream = new MemoryStream();
        using (var writer = new Utf8JsonWriter(stream))
        {
            NodaTime.Serialization.SystemTextJson.NodaConverters.InstantConverter.Write(writer, instant, new JsonSerializerOptions());
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }
}
