using FsCheck.Xunit;
using NodaTime;
using NodaTime.Testing;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;
using Volunteering.Domain.Storage;
using Volunteering.Storage.Testing.Internal;
using Volunteering.Storage.Testing.Scripts;
using Xunit.Sdk;

namespace Volunteering.Storage.Testing;

/// <summary>
/// The ledger on the adapter: <see cref="PersistentLedger"/> over the store under test, driven by random
/// <see cref="LedgerScript"/>s (openings, posts, pending transfers posted, voided and expired, reversals, linked
/// batches, repeated ids, freezes, limit changes) next to a writer on the reference <see cref="InMemoryRecordStore"/>.
/// After every step both answer alike, every ledger invariant holds, and the store's journal, account histories and
/// balances (<see cref="LedgerStoreQueries"/>) equal the ledger's; the run ends with a clean <see cref="LedgerAudit"/>
/// and a reopened store that rebuilds the identical ledger. Writers sharing the adapter, interleaved or on parallel
/// threads, never apply a transfer id twice.
/// </summary>
/// <typeparam name="TFixture">The adapter's fixture.</typeparam>
/// <param name="fixture">The fixture xunit injects.</param>
public abstract class LedgerConformanceTests<TFixture>(TFixture fixture) : ConformanceTests<TFixture>(fixture)
    where TFixture : class, IRecordStoreFixture
{
    /// <summary>A script runs on a writer over the adapter and one over the reference store: after every step they
    /// answer alike and have the same journal; the adapter's store holds what its ledger says (journal, account
    /// histories, balances summing to zero per asset) and a second writer catching up from it agrees; at the end the
    /// audit is clean, every transfer id and account key finds its entry, and the reopened store rebuilds the same
    /// ledger, on which the script's requests are repeats.</summary>
    /// <param name="script">The operations.</param>
    [Property(MaxTest = 30, Arbitrary = new[] { typeof(ConformanceArbitraries) })]
    public async Task The_adapter_and_the_reference_store_agree_after_every_step(LedgerScript script)
    {
        ArgumentNullException.ThrowIfNull(script);
        var clock = LedgerScripts.NewClock();
        var store = await CreateStoreAsync();
        var reference = await PersistentLedger.OpenAsync(new InMemoryRecordStore(), clock);
        var writer = await PersistentLedger.OpenAsync(store, clock);
        var follower = await PersistentLedger.OpenAsync(store, clock);
        var driver = new LedgerScriptDriver(clock);
        for (var i = 0; i < script.Ops.Count; i++)
        {
            var where = $"step {i} ({script.Ops[i]})";
            await WithStepAsync(where, async () =>
            {
                var outcomes = await driver.ExecuteAsync([reference, writer], script.Ops[i]);
                Assert.True(outcomes[0].Equals(outcomes[1]), $"{where}: the reference store's writer answered {outcomes[0]}, the adapter's {outcomes[1]}");
                Assert.True(reference.Ledger.Journal.SequenceEqual(writer.Ledger.Journal), $"{where}: the journals differ");
                await LedgerChecks.AssertStoreHoldsAsync(store, writer.Ledger, where);
                await follower.CatchUpAsync();
                Assert.True(writer.Ledger.Journal.SequenceEqual(follower.Ledger.Journal), $"{where}: a writer catching up from the adapter has {follower.Ledger.Position} entries, not {writer.Ledger.Position}");
            });
        }

        await LedgerChecks.AssertAuditCleanAsync(store, writer.Ledger, "after the script");
        await LedgerChecks.AssertLookupsAsync(store, writer.Ledger, driver.Ids, "after the script");

        store = await ReopenAsync(store);
        var reopened = await PersistentLedger.OpenAsync(store, clock);
        LedgerChecks.AssertSameLedger(writer.Ledger, reopened.Ledger, driver.Ids, "after reopening");
        LedgerChecks.AssertInvariants(reopened.Ledger, "after reopening");
        await LedgerChecks.AssertAuditCleanAsync(store, reopened.Ledger, "after reopening");
        var head = await store.GetStreamVersionAsync(LedgerStreams.Journal);
        foreach (var request in driver.AppliedRequests.TakeLast(4))
        {
            Assert.Equal(TransferResult.Exists, await reopened.ExecuteAsync(l => l.Submit(request)));
        }

        Assert.Equal(head, await store.GetStreamVersionAsync(LedgerStreams.Journal));
    }

    /// <summary>Two writers share the adapter and take turns; every third step the other writer submits the same
    /// requests again, which must be repeats (applied ids answer <see cref="TransferResult.Exists"/>, failed ones
    /// <see cref="TransferResult.IdAlreadyFailed"/>) and write nothing. No transfer id is applied twice, both writers
    /// converge on the store's journal, and the audit is clean.</summary>
    /// <param name="script">The operations.</param>
    [Property(MaxTest = 20, Arbitrary = new[] { typeof(ConformanceArbitraries) })]
    public async Task Two_writers_on_one_store_never_double_apply_a_transfer_id(LedgerScript script)
    {
        ArgumentNullException.ThrowIfNull(script);
        var clock = LedgerScripts.NewClock();
        var store = await CreateStoreAsync();
        var a = await PersistentLedger.OpenAsync(store, clock);
        var b = await PersistentLedger.OpenAsync(store, clock);
        var driver = new LedgerScriptDriver(clock);
        for (var i = 0; i < script.Ops.Count; i++)
        {
            var where = $"step {i} ({script.Ops[i]})";
            var step = i;
            await WithStepAsync(where, async () =>
            {
                var (first, second) = step % 2 == 0 ? (a, b) : (b, a);
                var outcome = await driver.ExecuteAsync(first, script.Ops[step]);
                if (step % 3 != 0) return;
                var written = await store.GetStreamVersionAsync(LedgerStreams.Journal);
                foreach (var (request, result) in outcome.Decided)
                {
                    var expected = result.IsSuccess() ? TransferResult.Exists : result.IsStateRejection() ? TransferResult.IdAlreadyFailed : result;
                    Assert.Equal(expected, await second.ExecuteAsync(l => l.Submit(request)));
                }

                Assert.Equal(written, await store.GetStreamVersionAsync(LedgerStreams.Journal));
            });
        }

        await a.CatchUpAsync();
        await b.CatchUpAsync();
        var stored = await store.ReadJournalListAsync();
        LedgerChecks.AssertEachIdAppliedOnce(stored, "the shared store");
        Assert.True(stored.SequenceEqual(a.Ledger.Journal), "writer A did not converge on the store's journal");
        LedgerChecks.AssertSameLedger(a.Ledger, b.Ledger, driver.Ids, "writers A and B");
        LedgerChecks.AssertInvariants(b.Ledger, "writer B");
        await LedgerChecks.AssertAuditCleanAsync(store, a.Ledger, "the shared store");
    }

    /// <summary>Four writers on parallel threads submit overlapping sets of 45 transfer ids (each id always with the
    /// same content), retrying after <see cref="LedgerConcurrencyException"/>: each id is applied or rejected exactly
    /// once, every writer converges on the store's journal, and the audit is clean.</summary>
    [Fact]
    public async Task Writers_on_parallel_threads_apply_each_transfer_id_once_and_converge()
    {
        const int Ids = 45;
        var clock = new FakeClock(LedgerScripts.Start, Duration.FromMilliseconds(1));
        var store = await CreateStoreAsync();
        var setup = await PersistentLedger.OpenAsync(store, clock);
        var mint = LedgerScripts.Account(0);
        Assert.Equal(AccountResult.Ok, await setup.ExecuteAsync(l => l.OpenAccount(new OpenAccountRequest(mint, Asset.Points, Guid.Empty, 1, floor: null))));
        for (var i = 1; i <= 4; i++)
        {
            var id = LedgerScripts.Account(i);
            Assert.Equal(AccountResult.Ok, await setup.ExecuteAsync(l => l.OpenAccount(new OpenAccountRequest(id, Asset.Points, Guid.Empty, 2))));
        }

        var writers = new PersistentLedger[4];
        for (var w = 0; w < writers.Length; w++) writers[w] = await PersistentLedger.OpenAsync(store, clock);
        var tasks = writers.Select((writer, w) => Task.Run(async () =>
        {
            for (var k = 0; k < 30; k++)
            {
                var t = (k + (w * 10)) % Ids;
                var request = t % 3 == 0
                    ? TransferRequest.Post(LedgerScripts.Transfer(t), mint, LedgerScripts.Account(1 + (t % 4)), 1 + t, 1)
                    : TransferRequest.Post(LedgerScripts.Transfer(t), LedgerScripts.Account(1 + (t % 4)), LedgerScripts.Account(1 + ((t + 1) % 4)), 1 + (t % 7), 1);
                for (var attempt = 0; ; attempt++)
                {
                    Assert.True(attempt < 100, $"writer {w} could not submit transfer {t} in 100 attempts");
                    try
                    {
                        var result = await writer.ExecuteAsync(l => l.Submit(request));
                        Assert.True(
                            result is TransferResult.Ok or TransferResult.Exists or TransferResult.IdAlreadyFailed || result.IsStateRejection(),
                            $"writer {w} was answered {result} for transfer {t}");
                        break;
                    }
                    catch (LedgerConcurrencyException)
                    {
                        // Lost every race this time; safe to retry with the same id.
                    }
                }
            }
        })).ToArray();
        await Task.WhenAll(tasks);

        var stored = await store.ReadJournalListAsync();
        LedgerChecks.AssertEachIdAppliedOnce(stored, "the shared store");
        Assert.Equal(5 + Ids, stored.Count);
        foreach (var writer in writers)
        {
            await writer.CatchUpAsync();
            Assert.True(stored.SequenceEqual(writer.Ledger.Journal), "a writer did not converge on the store's journal");
            LedgerChecks.AssertInvariants(writer.Ledger, "a writer");
        }

        await LedgerChecks.AssertAuditCleanAsync(store, writers[0].Ledger, "the shared store");
    }

    /// <summary>A hand-written ledger with an entry of every <see cref="LedgerEventKind"/> (openings, posts, a partly
    /// posted, a voided and an expired reservation, a reversal, a rejection, a linked batch, a freeze and unfreeze, a
    /// limit change, a close) is stored and reread: the store holds what the ledger says, balances read right after
    /// account events, the audit is clean, and the reopened store rebuilds the same ledger.</summary>
    [Fact]
    public async Task A_ledger_with_every_kind_of_entry_round_trips()
    {
        var clock = new FakeClock(LedgerScripts.Start, Duration.FromSeconds(1));
        var store = await CreateStoreAsync();
        var ledger = await PersistentLedger.OpenAsync(store, clock);
        var issuing = LedgerScripts.Account(0);
        var wang = LedgerScripts.Account(2);
        var liu = LedgerScripts.Account(4);
        var spare = LedgerScripts.Account(6);
        TransferId Id(int i) => LedgerScripts.Transfer(i);
        async Task Ok<TResult>(Func<DoubleEntryLedger, TResult> operation, TResult expected) => Assert.Equal(expected, await ledger.ExecuteAsync(operation));

        await Ok(l => l.OpenAccount(new OpenAccountRequest(issuing, Asset.TimeCredit, Guid.Empty, 1, floor: null)), AccountResult.Ok);
        await Ok(l => l.OpenAccount(new OpenAccountRequest(wang, Asset.TimeCredit, LedgerScripts.Owner, 2, 0, 6_000)), AccountResult.Ok);
        await Ok(l => l.OpenAccount(new OpenAccountRequest(liu, Asset.TimeCredit, Guid.NewGuid(), 2)), AccountResult.Ok);
        await Ok(l => l.OpenAccount(new OpenAccountRequest(spare, Asset.TimeCredit, Guid.Empty, 3)), AccountResult.Ok);
        await Ok(l => l.Submit(TransferRequest.Post(Id(1), issuing, wang, 180, 1, "陪伴 3 小时")), TransferResult.Ok);
        await Ok(l => l.Submit(TransferRequest.Pending(Id(2), wang, liu, 60, 2, clock.GetCurrentInstant() + Duration.FromHours(1))), TransferResult.Ok);
        await Ok(l => l.Submit(TransferRequest.PostPending(Id(3), Id(2), 45)), TransferResult.Ok);
        await Ok(l => l.Submit(TransferRequest.Pending(Id(4), wang, liu, 10, 2)), TransferResult.Ok);
        await Ok(l => l.Submit(TransferRequest.VoidPending(Id(5), Id(4), string.Empty)), TransferResult.Ok);
        await Ok(l => l.Submit(TransferRequest.Pending(Id(6), wang, liu, 5, 2, clock.GetCurrentInstant() + Duration.FromSeconds(30))), TransferResult.Ok);
        clock.AdvanceMinutes(5);
        await Ok(static l => l.ExpirePending(), 1);
        await Ok(l => l.Submit(TransferRequest.Reverse(Id(7), Id(3), "冲正")), TransferResult.Ok);
        await Ok(l => l.Submit(TransferRequest.Post(Id(8), liu, wang, 1_000, 2)), TransferResult.ExceedsFloor);
        await Ok(l =>
        {
            var results = new TransferResult[2];
            return l.SubmitLinked([TransferRequest.Post(Id(9), issuing, liu, 30, 1), TransferRequest.Post(Id(10), liu, wang, 30, 2)], results);
        }, TransferResult.Ok);
        await Ok(l => l.FreezeAccount(wang), AccountResult.Ok);
        await LedgerChecks.AssertStoreHoldsAsync(store, ledger.Ledger, "after a freeze following transfers");
        await Ok(l => l.ChangeLimits(wang, 0, 10_000), AccountResult.Ok);
        await Ok(l => l.UnfreezeAccount(wang), AccountResult.Ok);
        await Ok(l => l.CloseAccount(spare), AccountResult.Ok);

        var kinds = ledger.Ledger.Journal.Select(static e => e.Kind).ToHashSet();
        foreach (var kind in Enum.GetValues<LedgerEventKind>().Where(static k => k != default))
        {
            Assert.True(kinds.Contains(kind), $"the hand-written ledger has no {kind} entry");
        }

        await LedgerChecks.AssertStoreHoldsAsync(store, ledger.Ledger, "after the last entry");
        var ids = Enumerable.Range(1, 10).Select(LedgerScripts.Transfer).ToArray();
        await LedgerChecks.AssertLookupsAsync(store, ledger.Ledger, ids, "after the last entry");
        await LedgerChecks.AssertAuditCleanAsync(store, ledger.Ledger, "after the last entry");

        store = await ReopenAsync(store);
        var reopened = await PersistentLedger.OpenAsync(store, clock);
        LedgerChecks.AssertSameLedger(ledger.Ledger, reopened.Ledger, ids, "after reopening");
        await LedgerChecks.AssertStoreHoldsAsync(store, reopened.Ledger, "after reopening");
        await LedgerChecks.AssertAuditCleanAsync(store, reopened.Ledger, "after reopening");
    }

    /// <summary>Runs a step, prefixing any failure with where it happened (FsCheck then shows the shrunk script).</summary>
    private static async Task WithStepAsync(string where, Func<Task> step)
    {
        try
        {
            await step();
        }
        catch (Exception ex) when (ex is not XunitException)
        {
            throw new XunitException($"{where}: {ex.GetType().Name}: {ex.Message}", ex);
        }
    }
}
