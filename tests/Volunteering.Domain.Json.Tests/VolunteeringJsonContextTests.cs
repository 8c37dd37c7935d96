using NodaTime;
using NodaTime.Testing;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;
using Volunteering.Domain.LoveBank;
using Volunteering.Domain.Quantities;
using Volunteering.Domain.Storage;
using Volunteering.Domain.TimeBank;

namespace Volunteering.Domain.Json.Tests;

/// <summary>The compact primitive forms and the DTO round trips of the source-generated context.</summary>
public class VolunteeringJsonContextTests
{
    private static readonly VolunteeringJsonContext Context = VolunteeringJsonContext.Default;
    private static readonly Guid G = Guid.Parse("3f2a1c4e-8b7d-4e6f-9a01-2b3c4d5e6f70");

    [Fact]
    public void Ids_are_lower_case_GUID_strings()
    {
        Assert.Equal("\"3f2a1c4e-8b7d-4e6f-9a01-2b3c4d5e6f70\"", JsonSerializer.Serialize(new AccountId(G), Context.AccountId));
        Assert.Equal("\"3f2a1c4e-8b7d-4e6f-9a01-2b3c4d5e6f70\"", JsonSerializer.Serialize(new TransferId(G), Context.TransferId));
        Assert.Equal("\"3f2a1c4e-8b7d-4e6f-9a01-2b3c4d5e6f70\"", JsonSerializer.Serialize(new SchemeId(G), Context.SchemeId));
        Assert.Equal("\"3f2a1c4e-8b7d-4e6f-9a01-2b3c4d5e6f70\"", JsonSerializer.Serialize(new VolunteerId(G), Context.VolunteerId));
        Assert.Equal("\"3f2a1c4e-8b7d-4e6f-9a01-2b3c4d5e6f70\"", JsonSerializer.Serialize(new ServiceRecordId(G), Context.ServiceRecordId));
        Assert.Equal(new VolunteerId(G), JsonSerializer.Deserialize("\"3F2A1C4E-8B7D-4E6F-9A01-2B3C4D5E6F70\"", Context.VolunteerId));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("\"3f2a1c4e8b7d4e6f9a012b3c4d5e6f70\"", Context.AccountId));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("12", Context.SchemeId));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("null", Context.ServiceRecordId));
    }

    [Fact]
    public void Quantities_are_integers_and_money_is_fen_with_its_currency()
    {
        Assert.Equal("204", JsonSerializer.Serialize(TimeCredit.Parse("3h24m"), Context.TimeCredit));
        Assert.Equal("-120", JsonSerializer.Serialize(Points.FromValue(-120), Context.Points));
        Assert.Equal("{\"fen\":163200,\"currency\":\"CNY\"}", JsonSerializer.Serialize(Money.FromYuan(1632), Context.Money));
        Assert.Equal("{\"fen\":-500,\"currency\":\"USD\"}", JsonSerializer.Serialize(Money.FromFen(-500, new CurrencyCode("USD")), Context.Money));
        Assert.Equal("\"CNY\"", JsonSerializer.Serialize(CurrencyCode.Cny, Context.CurrencyCode));

        Assert.Equal(TimeCredit.FromMinutes(long.MinValue), JsonSerializer.Deserialize("-9223372036854775808", Context.TimeCredit));
        Assert.Equal(Points.FromValue(long.MaxValue), JsonSerializer.Deserialize("9223372036854775807", Context.Points));
        Assert.Equal(Money.FromFen(1, new CurrencyCode("USD")), JsonSerializer.Deserialize("{\"currency\":\"USD\",\"fen\":1}", Context.Money));
        Assert.Equal(new CurrencyCode("EUR"), JsonSerializer.Deserialize("\"\\u0045UR\"", Context.CurrencyCode));
    }

    [Theory]
    [InlineData("\"204\"")]
    [InlineData("3.5")]
    [InlineData("9223372036854775808")]
    [InlineData("null")]
    [InlineData("\"3h24m\"")]
    public void A_time_credit_is_only_a_whole_number_of_minutes(string json)
        => Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, Context.TimeCredit));

    [Theory]
    [InlineData("163200")]
    [InlineData("\"¥1,632.00\"")]
    [InlineData("{\"fen\":1}")]
    [InlineData("{\"currency\":\"CNY\"}")]
    [InlineData("{\"fen\":1,\"currency\":\"cny\"}")]
    [InlineData("{\"fen\":1,\"currency\":\"CNYX\"}")]
    [InlineData("{\"fen\":1.5,\"currency\":\"CNY\"}")]
    [InlineData("{\"fen\":1,\"fen\":2,\"currency\":\"CNY\"}")]
    [InlineData("{\"fen\":1,\"currency\":\"CNY\",\"yuan\":0}")]
    public void Money_is_refused_unless_it_is_exactly_fen_and_a_currency(string json)
        => Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, Context.Money));

    [Fact]
    public void Assets_are_codes_and_enums_are_names()
    {
        Assert.Equal("156", JsonSerializer.Serialize(Asset.MoneyCny, Context.Asset));
        Assert.Equal(Asset.Points, JsonSerializer.Deserialize("2", Context.Asset));
        Assert.Equal(default, JsonSerializer.Deserialize("0", Context.Asset));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("-1", Context.Asset));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("\"points\"", Context.Asset));

        Assert.Equal("\"TransferPosted\"", JsonSerializer.Serialize(LedgerEventKind.TransferPosted, Context.LedgerEventKind));
        Assert.Equal("\"PostPending\"", JsonSerializer.Serialize(TransferKind.PostPending, Context.TransferKind));
        Assert.Equal("\"ExceedsFloor\"", JsonSerializer.Serialize(TransferResult.ExceedsFloor, Context.TransferResult));
        Assert.Equal("\"InsufficientCredit\"", JsonSerializer.Serialize(TimeBankResult.InsufficientCredit, Context.TimeBankResult));
        Assert.Equal(TransferResult.LinkedEventFailed, JsonSerializer.Deserialize("\"LinkedEventFailed\"", Context.TransferResult));
        Assert.Throws<JsonException>(() => JsonSerializer.Serialize((TransferKind)42, Context.TransferKind));
    }

    [Theory]
    [InlineData("10")]
    [InlineData("\"10\"")]
    [InlineData("\"transferPosted\"")]
    [InlineData("\"TransferPosted, PendingCreated\"")]
    [InlineData("\"Refund\"")]
    [InlineData("\"\"")]
    public void An_enum_is_read_only_from_one_of_its_exact_names(string json)
        => Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, Context.LedgerEventKind));

    [Fact]
    public void Instants_and_intervals_use_the_ISO_forms()
    {
        var start = Instant.FromUtc(2026, 3, 3, 6, 0);
        Assert.Equal("\"2026-03-03T06:00:00Z\"", JsonSerializer.Serialize(start, Context.Instant));
        Assert.Equal("\"2026-03-03T06:00:00Z/2026-03-03T09:00:00.5Z\"",
            JsonSerializer.Serialize(new Interval(start, start + Duration.FromHours(3) + Duration.FromMilliseconds(500)), Context.Interval));
        Assert.Equal(new Interval(start, null), JsonSerializer.Deserialize("\"2026-03-03T06:00:00Z/\"", Context.Interval));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("\"tomorrow/\"", Context.Interval));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("{\"start\":\"2026-03-03T06:00:00Z\"}", Context.Interval));
    }

    [Fact]
    public void Ledger_DTOs_round_trip()
    {
        var ledger = JournalOfTheFixtures();
        var account = ledger.Accounts.Single(a => a.Id == LedgerEntryFixtures.Wang);
        var statement = ledger.GetStatement(LedgerEntryFixtures.Wang, new Interval(Instant.FromUtc(2026, 3, 3, 0, 0), Instant.FromUtc(2026, 3, 4, 0, 0)));
        var balance = new StoredBalance(LedgerEntryFixtures.Wang, 12, 180, 14);

        var accountBack = JsonSerializer.Deserialize(JsonSerializer.Serialize(account, Context.LedgerAccount), Context.LedgerAccount);
        var statementBack = JsonSerializer.Deserialize(JsonSerializer.Serialize(statement, Context.AccountStatement), Context.AccountStatement)!;
        var balanceJson = JsonSerializer.Serialize(balance, Context.StoredBalance);

        Assert.Equal(account, accountBack);
        Assert.Equal(statement.AccountId, statementBack.AccountId);
        Assert.Equal(statement.Asset, statementBack.Asset);
        Assert.Equal(statement.Period, statementBack.Period);
        Assert.Equal(statement.OpeningBalance, statementBack.OpeningBalance);
        Assert.Equal(statement.Lines, statementBack.Lines);
        Assert.Equal(statement.ClosingBalance, statementBack.ClosingBalance);
        Assert.NotEmpty(statement.Lines);
        Assert.Equal("{\"accountId\":\"3f2a1c4e-8b7d-4e6f-9a01-2b3c4d5e6f70\",\"version\":12,\"posted\":180,\"position\":14}", balanceJson);
        Assert.Equal(balance, JsonSerializer.Deserialize(balanceJson, Context.StoredBalance));
    }

    [Fact]
    public void A_statement_line_names_its_kind_and_keeps_its_memo()
    {
        var line = new StatementLine
        {
            Position = 3, Timestamp = Instant.FromUtc(2026, 3, 3, 6, 3), TransferId = LedgerEntryFixtures.T(1), Kind = LedgerEventKind.TransferPosted,
            CounterpartyAccountId = LedgerEntryFixtures.Issuing, Change = 180, BalanceAfter = 180, Code = 10, Memo = "陪伴老人",
        };

        var json = JsonSerializer.Serialize(line, Context.StatementLine);

        Assert.Contains("\"kind\":\"TransferPosted\"", json, StringComparison.Ordinal);
        Assert.Equal(line, JsonSerializer.Deserialize(json, Context.StatementLine));
    }

    [Fact]
    public void A_time_bank_outcome_round_trips_with_names_and_minutes()
    {
        var outcome = new TimeBankOutcome(TimeBankResult.Ok, TransferResult.Ok, TimeCredit.FromMinutes(180), TimeCredit.FromMinutes(30));

        var json = JsonSerializer.Serialize(outcome, Context.TimeBankOutcome);

        Assert.Contains("\"credited\":180", json, StringComparison.Ordinal);
        Assert.Contains("\"code\":\"Ok\"", json, StringComparison.Ordinal);
        Assert.Equal(outcome, JsonSerializer.Deserialize(json, Context.TimeBankOutcome));
    }

    [Theory]
    [InlineData("{\"accountId\":\"3f2a1c4e-8b7d-4e6f-9a01-2b3c4d5e6f70\",\"version\":12,\"posted\":180,\"position\":14,\"extra\":1}", "$.extra")]
    [InlineData("{\"accountId\":\"3f2a1c4e-8b7d-4e6f-9a01-2b3c4d5e6f70\",\"version\":12,\"version\":13,\"posted\":180,\"position\":14}", "$.version")]
    [InlineData("{\"accountId\":\"3f2a1c4e-8b7d-4e6f-9a01-2b3c4d5e6f70\",\"version\":\"12\",\"posted\":180,\"position\":14}", "$.version")]
    public void A_DTO_with_an_unknown_repeated_or_mistyped_property_is_refused(string json, string path)
    {
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(json, Context.StoredBalance));

        Assert.Equal(path, ex.Path);
    }

    [Fact]
    public void A_ledger_entry_error_through_the_context_keeps_the_field_path()
    {
        var ex = Assert.Throws<JsonException>(() => JsonSerializer.Deserialize(
            "{\"position\":1,\"kind\":\"AccountFrozen\",\"timestamp\":\"2026-03-03T06:00:00Z\",\"accountId\":\"x\",\"accountVersion\":2,\"asset\":1}",
            Context.LedgerEvent));

        Assert.Equal("$.accountId", ex.Path);
        Assert.IsType<RecordFormatException>(ex.InnerException);
    }

    [Fact]
    public void Love_bank_ids_are_GUID_strings_and_its_enums_are_names()
    {
        Assert.Equal("\"3f2a1c4e-8b7d-4e6f-9a01-2b3c4d5e6f70\"", JsonSerializer.Serialize(new PassbookId(G), Context.PassbookId));
        Assert.Equal("\"3f2a1c4e-8b7d-4e6f-9a01-2b3c4d5e6f70\"", JsonSerializer.Serialize(new CatalogueItemId(G), Context.CatalogueItemId));
        Assert.Equal("\"3f2a1c4e-8b7d-4e6f-9a01-2b3c4d5e6f70\"", JsonSerializer.Serialize(new OutletId(G), Context.OutletId));
        Assert.Equal("\"3f2a1c4e-8b7d-4e6f-9a01-2b3c4d5e6f70\"", JsonSerializer.Serialize(new RedemptionId(G), Context.RedemptionId));
        Assert.Equal(new RedemptionId(G), JsonSerializer.Deserialize("\"3F2A1C4E-8B7D-4E6F-9A01-2B3C4D5E6F70\"", Context.RedemptionId));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("\"3f2a1c4e8b7d4e6f9a012b3c4d5e6f70\"", Context.PassbookId));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("7", Context.OutletId));

        Assert.Equal("\"DonatedGoods\"", JsonSerializer.Serialize(ContributionKind.DonatedGoods, Context.ContributionKind));
        Assert.Equal("\"PointsToVoucher\"", JsonSerializer.Serialize(ExchangeDirection.PointsToVoucher, Context.ExchangeDirection));
        Assert.Equal("\"HalfUp\"", JsonSerializer.Serialize(PointsRounding.HalfUp, Context.PointsRounding));
        Assert.Equal("\"Week\"", JsonSerializer.Serialize(LimitPeriod.Week, Context.LimitPeriod));
        Assert.Equal("\"Household\"", JsonSerializer.Serialize(PassbookHolderKind.Household, Context.PassbookHolderKind));
        Assert.Equal("\"Lapsed\"", JsonSerializer.Serialize(RedemptionStatus.Lapsed, Context.RedemptionStatus));
        Assert.Equal("\"ExchangedIn\"", JsonSerializer.Serialize(PassbookLineKind.ExchangedIn, Context.PassbookLineKind));
        Assert.Equal("\"LedgerRejected\"", JsonSerializer.Serialize(LoveBankResult.LedgerRejected, Context.LoveBankResult));
        Assert.Equal(LoveBankResult.ExchangeIdTaken, JsonSerializer.Deserialize("\"ExchangeIdTaken\"", Context.LoveBankResult));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("1", Context.PointsRounding));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("\"household\"", Context.PassbookHolderKind));
        Assert.Throws<JsonException>(() => JsonSerializer.Serialize((LimitPeriod)9, Context.LimitPeriod));
    }

    [Fact]
    public void Love_bank_DTOs_round_trip()
    {
        var line = new PassbookLine(Instant.FromUtc(2026, 7, 2, 2, 0), PassbookLineKind.Earned, G, "VolunteerService: haircuts", 2, 22, 22, 1);
        var unversioned = line with { Kind = PassbookLineKind.Expired, RuleVersion = null };
        var stock = new StockLevel(10, 3);
        var reservation = new ReservationOutcome(LoveBankResult.Ok, "01234567", Instant.FromUtc(2026, 7, 8, 2, 0));
        var refused = new ReservationOutcome(LoveBankResult.OutOfStock, null, null);
        var expiry = new ExpiryOutcome(LoveBankResult.AlreadyDone, 0, 0);

        var lineJson = JsonSerializer.Serialize(line, Context.PassbookLine);
        var stockJson = JsonSerializer.Serialize(stock, Context.StockLevel);

        Assert.Equal("{\"at\":\"2026-07-02T02:00:00Z\",\"kind\":\"Earned\",\"source\":\"3f2a1c4e-8b7d-4e6f-9a01-2b3c4d5e6f70\",\"detail\":\"VolunteerService: haircuts\",\"change\":2,\"balance\":22,\"available\":22,\"ruleVersion\":1}", lineJson);
        Assert.Equal(line, JsonSerializer.Deserialize(lineJson, Context.PassbookLine));
        Assert.Equal(unversioned, JsonSerializer.Deserialize(JsonSerializer.Serialize(unversioned, Context.PassbookLine), Context.PassbookLine));
        Assert.Equal("{\"onHand\":10,\"reserved\":3,\"available\":7}", stockJson);
        Assert.Equal(stock, JsonSerializer.Deserialize(stockJson, Context.StockLevel));
        Assert.Equal(reservation, JsonSerializer.Deserialize(JsonSerializer.Serialize(reservation, Context.ReservationOutcome), Context.ReservationOutcome));
        Assert.Equal(refused, JsonSerializer.Deserialize(JsonSerializer.Serialize(refused, Context.ReservationOutcome), Context.ReservationOutcome));
        Assert.Equal(expiry, JsonSerializer.Deserialize(JsonSerializer.Serialize(expiry, Context.ExpiryOutcome), Context.ExpiryOutcome));
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize("{\"onHand\":10,\"reserved\":3,\"extra\":1}", Context.StockLevel));
    }

    private static DoubleEntryLedger JournalOfTheFixtures()
    {
        var entries = LedgerEntryFixtures.Story.Select(static f => LedgerEntryFixtures.Expected[f]).ToList();
        return DoubleEntryLedger.Replay(entries, new FakeClock(entries[^1].Timestamp));
    }
}
