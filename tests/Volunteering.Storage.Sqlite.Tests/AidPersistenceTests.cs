using System.Text;
using NodaTime;
using NodaTime.Testing;
using Volunteering.Domain.Aid;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Json;
using Volunteering.Domain.Quantities;
using Volunteering.Domain.Storage;

namespace Volunteering.Storage.Sqlite.Tests;

/// <summary>The aid flow on one SQLite file through the port: a programme funded and budgeted, applications through
/// review, notice, an objection and the decision, instalments paid, one reversed, an approval revoked, urgent aid paid
/// and documented, a micro-wish fulfilled. After a reopen everything loads the same, the report reconciles with the
/// ledger to the fen, repeats pay nothing, the ledger audits clean, and no full name is anywhere in the file.</summary>
public sealed class AidPersistenceTests
{
    private static readonly DateTimeZone Shanghai = DateTimeZoneProviders.Tzdb["Asia/Shanghai"];
    private static readonly StaffId Handler = StaffId.New();
    private static readonly StaffId ReviewerA = StaffId.New();
    private static readonly StaffId ReviewerB = StaffId.New();
    private static readonly StaffId Approver = StaffId.New();
    private static readonly StaffId Clerk = StaffId.New();

    [Fact]
    public async Task The_aid_flow_survives_a_reopen_reconciles_with_the_ledger_and_leaves_no_full_name_in_the_file()
    {
        using var folder = new TempFolder();
        var file = folder.File("aid.db");
        var clock = new FakeClock(new LocalDateTime(2026, 3, 2, 9, 0).InZoneStrictly(Shanghai).ToInstant());
        var programme = ProgrammeId.New();
        var round = ProgrammeId.New();
        var wang = AidBeneficiary.Household(BeneficiaryId.New(), "王秀英", 3, "Ninghai Road", HardshipCategory.MinimumLiving);
        var zhao = AidBeneficiary.Household(BeneficiaryId.New(), "赵大勇", 2, "Ninghai Road", HardshipCategory.Other);
        var child = AidBeneficiary.Child(BeneficiaryId.New(), "陈小雨", 4, "Ninghai Road");
        var regular = AidApplicationId.New();
        var urgent = AidApplicationId.New();
        var wish = WishId.New();
        var first = PaymentId.New();
        var second = PaymentId.New();
        var year = new DateInterval(new LocalDate(2026, 1, 1), new LocalDate(2026, 12, 31));
        Dictionary<StreamName, byte[][]> streams;

        await using (var store = await SqliteRecordStore.OpenAsync(TestLedger.Options(file)))
        {
            var desk = new AidDesk(store, await PersistentLedger.OpenAsync(store, clock), clock);
            var terms = new ProgrammeTerms("Ninghai Road happiness fund", ProgrammeKind.HouseholdAid, BenefitStandard.PerMember(Money.FromYuan(300)), [BeneficiaryKind.Household])
            {
                UrgentLimit = Money.FromYuan(1_000),
                OncePerCausePerYear = true,
            };
            Assert.Equal(AidResult.Ok, await desk.EstablishAsync(programme, terms));
            Assert.Equal(AidResult.Ok, await desk.SetBudgetAsync(programme, new LocalDate(2026, 3, 2), Money.FromYuan(30_000)));
            Assert.Equal(AidResult.Ok, await desk.ReceiveFundsAsync(programme, ContributionId.New(), DonorId.New(), FundSource.Donation, Money.FromYuan(10_000)));
            Assert.Equal(AidResult.Ok, await desk.ReceiveFundsAsync(programme, ContributionId.New(), DonorId.New(), FundSource.Allocation, Money.FromYuan(20_000)));

            // Wang: reviewed, proposed (3 × ¥900), noticed, objected to, re-reviewed, approved after the notice.
            Assert.Equal(AidResult.Ok, await desk.SubmitAsync(regular, new AidRequest(programme, wang, "living", Money.FromYuan(2_700), Handler)));
            Assert.Equal(AidResult.Ok, await desk.ReviewAsync(regular, ReviewerA, "home visit"));
            Assert.Equal(AidResult.Ok, await desk.ReviewAsync(regular, ReviewerB, "neighbours confirm"));
            Assert.Equal(AidResult.Ok, await desk.GiveFirstOpinionAsync(regular, ReviewerA, AidSchedule.Monthly(new LocalDate(2026, 3, 10), 3, Money.FromYuan(900)), "meets the standard"));
            Assert.Equal(AidResult.Ok, await desk.PublishNoticeAsync(regular, Clerk));
            Assert.Equal(AidResult.Ok, await desk.LodgeObjectionAsync(regular, "the son has a car"));
            Assert.Equal(AidResult.Ok, await desk.ResolveObjectionAsync(regular, 1, Clerk, false, "the son lives elsewhere"));
            clock.Advance(Duration.FromDays(8));
            Assert.Equal(AidResult.Ok, await desk.ApproveAsync(regular, Approver));
            Assert.Equal(AidResult.Ok, await desk.PayAsync(regular, first, 1));
            clock.Advance(Duration.FromDays(31));
            Assert.Equal(AidResult.Ok, await desk.PayAsync(regular, second, 2));
            Assert.Equal(AidResult.Ok, await desk.ReversePaymentAsync(regular, second, Clerk, "account closed"));
            Assert.Equal(AidResult.Ok, await desk.PayAsync(regular, PaymentId.New(), 2));
            Assert.Equal(AidResult.Ok, await desk.RevokeAsync(regular, Approver, "moved away"));

            // Zhao: urgent aid after a fire, paid at once, documented after.
            Assert.Equal(AidResult.Ok, await desk.SubmitAsync(urgent, new AidRequest(programme, zhao, "fire", Money.FromYuan(800), Handler, isUrgent: true)));
            Assert.Equal(AidResult.Ok, await desk.GrantUrgentAsync(urgent, PaymentId.New(), Approver, Money.FromYuan(800)));
            Assert.Equal(AidResult.Ok, await desk.DocumentUrgentAsync(urgent, Clerk, "archive/fire-7", "receipts"));

            // A micro-wish round.
            Assert.Equal(AidResult.Ok, await desk.EstablishAsync(round, new ProgrammeTerms("Children's Day wishes", ProgrammeKind.MicroWishRound, BenefitStandard.UpTo(Money.FromYuan(200)), [BeneficiaryKind.Child])));
            Assert.Equal(AidResult.Ok, await desk.PostWishAsync(wish, round, child, "a schoolbag", Money.FromYuan(120), Clerk));
            Assert.Equal(AidResult.Ok, await desk.ClaimWishAsync(wish, DonorId.New()));
            Assert.Equal(AidResult.Ok, await desk.FulfilWishAsync(wish, "receipts/0601-17.jpg"));

            Assert.Equal(3_000_000 - 90_000 - 90_000 - 80_000, (await store.GetBalanceAsync(AidFunds.FundAccountId(programme)))!.Value.Posted);
            streams = await StreamBytesAsync(store);
            Assert.Contains(streams.Keys, static s => s.Value.StartsWith("aid.application", StringComparison.Ordinal));
        }

        // Reopen: the same records, the same aggregates, a report that reconciles, and repeats that pay nothing.
        await using (var store = await SqliteRecordStore.OpenAsync(TestLedger.Options(file)))
        {
            var reread = await StreamBytesAsync(store);
            Assert.Equal(streams.Keys.Order(), reread.Keys.Order());
            foreach (var (stream, written) in streams) Assert.Equal(written, reread[stream]);

            var ledger = await PersistentLedger.OpenAsync(store, clock);
            var desk = new AidDesk(store, ledger, clock);
            var application = (await desk.LoadApplicationAsync(regular))!;
            Assert.Equal(ApplicationStatus.Revoked, application.Status);
            Assert.Equal("王*英", application.Beneficiary.MaskedName);
            Assert.Equal(Money.FromYuan(1_800), application.PaidAmount);
            Assert.Equal(3, application.Payments.Count);
            Assert.True(application.Payments[1].IsReversed);
            Assert.True(application.IsCancelled(3));
            var loaded = (await desk.LoadProgrammeAsync(programme))!;
            Assert.Equal(Money.FromYuan(30_000), loaded.TotalReceived);
            Assert.Equal(Money.FromYuan(1_800 + 800), loaded.CommittedIn(new LocalDate(2026, 3, 2)));
            Assert.Equal(WishStatus.Fulfilled, (await desk.LoadWishAsync(wish))!.Status);

            Assert.Equal(AidResult.AlreadyDone, await desk.PayAsync(regular, first, 1));
            Assert.Equal(AidResult.AlreadyDone, await desk.ReversePaymentAsync(regular, second, Clerk, "account closed"));
            Assert.Equal(AidResult.InstalmentCancelled, await desk.PayAsync(regular, PaymentId.New(), 3));

            var register = new AidRegister();
            await register.ApplyAsync(store);
            var report = register.Report(programme, year);
            Assert.Equal(2, report.HouseholdsHelped);
            Assert.Equal(Money.FromYuan(1_800 + 800), report.TotalPaid);
            Assert.Equal(Money.FromYuan(1_300), report.AveragePerHousehold);
            Assert.Equal(1, report.ObjectionsLodged);
            Assert.Equal(1, report.UrgentGrants);
            Assert.Equal("王*英", Assert.Single(report.Notices).MaskedName);
            Assert.Empty(AidReconciliation.Check(report, ledger.Ledger));
            Assert.Equal(1, register.Report(round, year).WishesFulfilled);

            var audit = await LedgerAudit.VerifyAsync(store);
            Assert.True(audit.IsClean, string.Join(Environment.NewLine, audit.Violations));
        }

        // The full names were masked before anything was stored.
        var bytes = File.ReadAllBytes(file);
        foreach (var name in new[] { "王秀英", "赵大勇", "陈小雨" })
        {
            Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes(name)) < 0, $"the full name {name} is in the file");
        }

        Assert.True(bytes.AsSpan().IndexOf(Encoding.UTF8.GetBytes("王*英")) >= 0, "the masked name should be stored (the control for the search above)");
    }

    private static async Task<Dictionary<StreamName, byte[][]>> StreamBytesAsync(SqliteRecordStore store)
    {
        var result = new Dictionary<StreamName, List<byte[]>>();
        await foreach (var record in store.ReadAllAsync())
        {
            if (!result.TryGetValue(record.Stream, out var list)) result.Add(record.Stream, list = []);
            list.Add(JsonRecordSerializer.Default.SerializeEnvelope(record.Payload));
        }

        return result.ToDictionary(static p => p.Key, static p => p.Value.ToArray());
    }
}
