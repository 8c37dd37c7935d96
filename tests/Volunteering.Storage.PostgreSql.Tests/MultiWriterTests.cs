using Volunteering.Storage.TestWriters;
using System.Diagnostics;
using System.Globalization;
using NodaTime;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;
using Volunteering.Domain.Storage;
using Volunteering.Storage.PostgreSql.Writer;
using Xunit.Abstractions;

namespace Volunteering.Storage.PostgreSql.Tests;

/// <summary>Many app servers writing one ledger at once: 4 writer processes × 8 connections (each a store instance
/// with its own data source and a <see cref="PersistentLedger"/>) post single transfers among the same few hot accounts,
/// all at once; afterwards every invariant is checked on the database.</summary>
public sealed class MultiWriterTests(ITestOutputHelper output) : IAsyncLifetime
{
    private const int Processes = 4;
    private const int ConnectionsPerProcess = 8;
    private const int TransfersPerConnection = 12;

    private readonly string _schema = PostgreSqlServer.NewSchema("writers");

    public Task InitializeAsync() => Task.CompletedTask;

    public Task DisposeAsync() => PostgreSqlServer.DropSchemasAsync([_schema]);

    [Fact]
    public async Task Four_processes_with_eight_connections_each_never_double_apply_never_lose_a_transfer_and_keep_every_invariant()
    {
        var connectionString = PostgreSqlServer.RequireConnectionString();
        await using (var setup = await PostgreSqlRecordStore.OpenAsync(new PostgreSqlStoreOptions(connectionString) { Schema = _schema }))
        {
            var ledger = await PersistentLedger.OpenAsync(setup, SystemClock.Instance);
            Assert.Equal(AccountResult.Ok, await ledger.ExecuteAsync(HotAccounts.OpenAccounts));
        }

        var writers = new List<WriterProcess>();
        try
        {
            for (var p = 0; p < Processes; p++)
            {
                writers.Add(HotAccountWriterProcess.Start(
                    "contend", connectionString, _schema, p.ToString(CultureInfo.InvariantCulture),
                    ConnectionsPerProcess.ToString(CultureInfo.InvariantCulture), TransfersPerConnection.ToString(CultureInfo.InvariantCulture)));
            }

            foreach (var writer in writers) await writer.WaitUntilReadyAsync(TimeSpan.FromSeconds(60));
            var clock = Stopwatch.StartNew();
            foreach (var writer in writers) await writer.SendLineAsync("GO");
            foreach (var writer in writers)
            {
                Assert.True(await writer.WaitForExitAsync(TimeSpan.FromMinutes(5)) == 0, $"A writer failed: {await writer.StderrSoFarAsync()}");
            }

            clock.Stop();

            var acknowledged = new Dictionary<TransferId, Acknowledged>();
            long appended = 0, conflicts = 0, duplicates = 0;
            foreach (var writer in writers)
            {
                var acks = writer.Acks();
                Assert.Equal(ConnectionsPerProcess * TransfersPerConnection, acks.Count);
                foreach (var ack in acks) acknowledged.Add(ack.Id, ack);
                var done = writer.Lines[^1].Split(' ');
                Assert.Equal("DONE", done[0]);
                appended += long.Parse(done[1], CultureInfo.InvariantCulture);
                conflicts += long.Parse(done[2], CultureInfo.InvariantCulture);
                duplicates += long.Parse(done[3], CultureInfo.InvariantCulture);
            }

            Assert.Equal(Processes * ConnectionsPerProcess * TransfersPerConnection, acknowledged.Count);
            output.WriteLine($"{Processes} processes × {ConnectionsPerProcess} connections: {acknowledged.Count} transfers in {clock.ElapsedMilliseconds} ms; {appended} appends, {conflicts} lost races (WrongExpectedVersion), {duplicates} duplicates.");
            Assert.True(conflicts > 0, "32 writers on one journal never lost a race: they did not really run at once.");
            Assert.Equal(0, duplicates);
            Assert.Equal(acknowledged.Count, appended);

            await using var store = await PostgreSqlRecordStore.OpenAsync(new PostgreSqlStoreOptions(connectionString) { Schema = _schema });

            // The store's own end-to-end audit: journal dense and placed, replay, every ledger invariant (per-asset sums
            // zero, floors), account streams and stored balances, keys, global order.
            var audit = await LedgerAudit.VerifyAsync(store);
            Assert.True(audit.IsClean, string.Join(Environment.NewLine, audit.Violations));

            // Every transfer in the journal exactly once, every one acknowledged, every acknowledged one there, as answered.
            var journal = new List<LedgerEvent>();
            await foreach (var entry in store.ReadJournalAsync()) journal.Add(entry);
            var transfers = journal.Where(static e => !e.IsAccountEvent).ToList();
            Assert.Equal(1 + HotAccounts.MemberCount, journal.Count(static e => e.Kind == LedgerEventKind.AccountOpened));
            Assert.Equal(transfers.Count, transfers.Select(static e => e.TransferId).Distinct().Count());
            Assert.Equal(acknowledged.Count, transfers.Count);
            foreach (var entry in transfers)
            {
                Assert.True(acknowledged.TryGetValue(entry.TransferId, out var ack), $"Transfer {entry.TransferId} is in the journal but no writer acknowledged it.");
                if (ack.Result == TransferResult.Ok)
                {
                    Assert.Equal(LedgerEventKind.TransferPosted, entry.Kind);
                    Assert.Equal((ack.Debit, ack.Credit, ack.Amount), (entry.DebitAccountId, entry.CreditAccountId, entry.Amount));
                }
                else
                {
                    Assert.Equal(LedgerEventKind.TransferRejected, entry.Kind);
                    Assert.Equal(ack.Result, entry.Rejection);
                }
            }

            foreach (var ack in acknowledged.Values)
            {
                var found = await store.FindTransferAsync(ack.Id);
                Assert.True(found is not null, $"Acknowledged transfer {ack.Id} ({ack.Result}) is not in the store.");
            }

            // Balances: exactly what the acknowledged posts add up to, never below a floor, summing to zero.
            var expected = HotAccounts.All.ToDictionary(static a => a, static _ => 0L);
            foreach (var ack in acknowledged.Values.Where(static a => a.Result == TransferResult.Ok))
            {
                expected[ack.Debit] -= ack.Amount;
                expected[ack.Credit] += ack.Amount;
            }

            long sum = 0;
            foreach (var account in HotAccounts.All)
            {
                var balance = await store.GetBalanceAsync(account);
                Assert.NotNull(balance);
                Assert.Equal(expected[account], balance.Value.Posted);
                if (account != HotAccounts.Issuer) Assert.True(balance.Value.Posted >= 0, $"Member {account} is below its floor: {balance.Value.Posted}.");
                sum += balance.Value.Posted;
            }

            Assert.Equal(0, sum);
            Assert.Contains(acknowledged.Values, static a => a.Result == TransferResult.Ok && a.Debit != HotAccounts.Issuer);
        }
        finally
        {
            foreach (var writer in writers) writer.Dispose();
        }
    }
}
