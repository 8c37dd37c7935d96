using Npgsql;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;
using Volunteering.Domain.Storage;
using Volunteering.Storage.PostgreSql;

namespace Volunteering.Benchmarks;

/// <summary>
/// The writers of the PostgreSQL append benchmarks and the ledgers they post to. Everything here runs in setup, never
/// in a measured body.
/// </summary>
/// <remarks>
/// <para>Each writer keeps its own <see cref="DoubleEntryLedger"/> (an issuing account and <see cref="Members"/> funded
/// member accounts) and posts transfers between two random members. Its records are the ledger's journal entries, each
/// in the writer's own journal stream (<c>bench.journal-{w}</c>) at the entry's position, linked into the two accounts'
/// streams at their versions and claiming the transfer id — exactly the shape <see cref="LedgerStreams"/> gives a
/// ledger's records, with one journal per writer. The writers' streams are disjoint, so every append is accepted
/// (a refusal throws and fails the benchmark): the benchmark measures what the store does per append (checks under
/// the schema's append lock, position assignment, inserts, commit), not lost races. Writers that post to one shared
/// journal through <see cref="PersistentLedger"/> contend on every append by design; the multi-writer test measures
/// that.</para>
/// </remarks>
internal sealed class PostgreSqlLedgerWorkload
{
    /// <summary>Member accounts per writer.</summary>
    public const int Members = 50;

    private readonly List<WriterLedger> _writers = [];

    /// <summary>Creates the writers' ledgers (accounts opened and funded).</summary>
    /// <param name="writers">How many writers.</param>
    /// <param name="transferCapacity">Transfers each ledger will hold.</param>
    public PostgreSqlLedgerWorkload(int writers, int transferCapacity)
    {
        for (var w = 0; w < writers; w++)
        {
            var ledger = new DoubleEntryLedger(FixedClock.Default, new LedgerOptions { AccountCapacity = Members + 1, TransferCapacity = transferCapacity + Members });
            var members = LedgerFixture.AccountIds(Members, seed: 1_000 + w);
            LedgerFixture.OpenAndFund(ledger, AccountId.New(), members);
            _writers.Add(new WriterLedger(new StreamName($"bench.journal-{w}"), ledger, members, new Random(w)));
        }
    }

    /// <summary>The connection string of the server to benchmark against.</summary>
    public static string ConnectionString
        => Environment.GetEnvironmentVariable("VOLUNTEERING_PG") is { Length: > 0 } value
            ? value
            : throw new InvalidOperationException("Set VOLUNTEERING_PG to the server to benchmark (or run through .ci/with-postgres, which starts a throwaway PostgreSQL 15 cluster).");

    /// <summary>How many writers.</summary>
    public int Writers => _writers.Count;

    /// <summary>Each writer's records so far (openings and funding), to append in setup before the measured part.</summary>
    public IEnumerable<NewRecord[]> Openings() => _writers.Select(static w => w.Take(0));

    /// <summary>The next <paramref name="perWriter"/> transfers of every writer, as records.</summary>
    /// <param name="perWriter">Transfers per writer.</param>
    public NewRecord[][] NextTransfers(int perWriter) => [.. _writers.Select(w => w.Take(perWriter))];

    /// <summary>Creates a new schema with the store's tables.</summary>
    public static async Task<string> NewSchemaAsync(string prefix)
    {
        var schema = $"{prefix}_{Guid.NewGuid():N}";
        await (await PostgreSqlRecordStore.OpenAsync(new PostgreSqlStoreOptions(ConnectionString) { Schema = schema })).DisposeAsync();
        return schema;
    }

    /// <summary>Drops a schema made by <see cref="NewSchemaAsync"/>.</summary>
    public static async Task DropSchemaAsync(string schema)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var drop = new NpgsqlCommand($"DROP SCHEMA IF EXISTS \"{schema}\" CASCADE", connection);
        await drop.ExecuteNonQueryAsync();
    }

    /// <summary>The number of records in a schema.</summary>
    public static async Task<long> CountAsync(string schema)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand($"SELECT count(*) FROM \"{schema}\".records", connection);
        return (long)(await count.ExecuteScalarAsync())!;
    }

    private sealed class WriterLedger(StreamName journal, DoubleEntryLedger ledger, AccountId[] members, Random random)
    {
        private int _taken;

        /// <summary>Posts <paramref name="count"/> transfers and returns the records of every entry not taken yet.</summary>
        public NewRecord[] Take(int count)
        {
            for (var i = 0; i < count; i++)
            {
                var (d, c) = LedgerFixture.Pair(random, members.Length);
                LedgerFixture.Check(ledger.Submit(TransferRequest.Post(TransferId.New(), members[d], members[c], 1 + random.Next(100), 3)));
            }

            var records = new NewRecord[ledger.Position - _taken];
            for (var i = 0; i < records.Length; i++)
            {
                var shaped = LedgerStreams.ToRecord(ledger.Journal[_taken + i]);
                records[i] = new NewRecord(journal, shaped.Version, shaped.Payload, shaped.Item, shaped.Links);
            }

            _taken = (int)ledger.Position;
            return records;
        }
    }
}
