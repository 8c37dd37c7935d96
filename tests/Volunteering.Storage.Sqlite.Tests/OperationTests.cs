using System.Buffers;
using System.Text;
using Microsoft.Data.Sqlite;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Ledger;
using Volunteering.Domain.Storage;

namespace Volunteering.Storage.Sqlite.Tests;

/// <summary>How the store behaves around its edges: locks held by others, cancellation, reads during writes, account
/// reads through the index, damaged rows, serializers, disposal.</summary>
public sealed class OperationTests
{
    [Fact]
    public async Task An_append_waits_for_another_connection_holding_the_write_lock_and_then_succeeds()
    {
        using var folder = new TempFolder();
        var file = folder.File("busy.db");
        await using var store = await SqliteRecordStore.OpenAsync(new SqliteStoreOptions(file) { BusyTimeout = TimeSpan.FromSeconds(10) });
        var records = LedgerStreams.ToRecords(TestLedger.Build(2, 2).Ledger.Journal);
        using var other = SchemaTests.OpenRaw(file);
        SchemaTests.Execute(other, "BEGIN IMMEDIATE");
        var append = Task.Run(async () => await store.AppendAsync(records));
        await Task.Delay(300);
        Assert.False(append.IsCompleted, "The append should wait while another connection holds the write lock.");
        SchemaTests.Execute(other, "COMMIT");
        Assert.Equal(AppendResult.Appended(records.Length), await append.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task An_append_that_cannot_get_the_write_lock_within_the_busy_timeout_throws_TimeoutException_and_writes_nothing()
    {
        using var folder = new TempFolder();
        var file = folder.File("locked.db");
        await using var store = await SqliteRecordStore.OpenAsync(new SqliteStoreOptions(file) { BusyTimeout = TimeSpan.FromMilliseconds(200) });
        var records = LedgerStreams.ToRecords(TestLedger.Build(2, 2).Ledger.Journal);
        using (var other = SchemaTests.OpenRaw(file))
        {
            SchemaTests.Execute(other, "BEGIN IMMEDIATE");
            var timeout = await Assert.ThrowsAsync<TimeoutException>(() => store.AppendAsync(records).AsTask());
            Assert.IsType<SqliteException>(timeout.InnerException);
            Assert.Contains(store.FilePath, timeout.Message, StringComparison.Ordinal);
            SchemaTests.Execute(other, "ROLLBACK");
        }

        Assert.Equal(0, await store.GetPositionAsync());
        Assert.True((await store.AppendAsync(records)).IsAppended);
    }

    [Fact]
    public async Task An_append_cancelled_halfway_through_its_inserts_writes_nothing_and_the_same_batch_goes_in_later()
    {
        using var folder = new TempFolder();
        await using var store = await SqliteRecordStore.OpenAsync(new SqliteStoreOptions(folder.File("cancel.db")) { Serializer = new Utf8TextSerializer() });
        Assert.True((await store.AppendAsync([new NewRecord(new StreamName("before"), 1, "x")])).IsAppended);
        using var cancel = new CancellationTokenSource();
        var stream = new StreamName("cancelled");
        var link = new StreamName("cancelled-link");

        // The 300th record's bytes cancel the token when the store reads them, i.e. while it inserts that record.
        var batch = new NewRecord[1000];
        for (var i = 0; i < batch.Length; i++)
        {
            var text = i == 300 ? new CallbackText("record 300", cancel.Cancel) : (object)$"record {i}";
            batch[i] = new NewRecord(stream, i + 1, text, new ItemKey("note", Guid.NewGuid()), [new StreamSlot(link, i + 1)]);
        }

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.AppendAsync(batch, cancel.Token).AsTask());
        Assert.Equal(1, await store.GetPositionAsync());
        Assert.Equal(0, await store.GetStreamVersionAsync(stream));
        Assert.Equal(0, await store.GetStreamVersionAsync(link));
        Assert.Null(await store.FindItemAsync(batch[0].Item));

        Assert.Equal(AppendResult.Appended(1001), await store.AppendAsync(batch));
        Assert.Equal(1000, await store.GetStreamVersionAsync(link));
        Assert.Equal("record 999", (await TestLedger.ReadStreamAsync(store, link, 999)).Single().Payload);

        using (var cancelled = new CancellationTokenSource())
        {
            await cancelled.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => store.AppendAsync([new NewRecord(stream, 1001, "late")], cancelled.Token).AsTask());
        }

        Assert.Equal(1001, await store.GetPositionAsync());
    }

    [Fact]
    public async Task A_read_in_progress_sees_the_store_as_it_was_when_it_started_while_the_same_instance_appends()
    {
        using var folder = new TempFolder();
        await using var store = await SqliteRecordStore.OpenAsync(TestLedger.Options(folder.File("snapshot.db")));
        var records = LedgerStreams.ToRecords(TestLedger.Build(3, 40).Ledger.Journal);
        Assert.True((await store.AppendAsync(records[..20])).IsAppended);
        var seen = 0;
        await foreach (var record in store.ReadAllAsync())
        {
            if (seen++ == 0) Assert.True((await store.AppendAsync(records[20..])).IsAppended);
        }

        Assert.Equal(20, seen);
        Assert.Equal(records.Length, (await TestLedger.ReadAllAsync(store)).Count);
    }

    [Fact]
    public async Task Account_histories_and_balances_read_through_the_stream_slots_primary_key_without_the_journal()
    {
        using var folder = new TempFolder();
        var file = folder.File("plans.db");
        var (ledger, issuer, members) = TestLedger.Build(5, 200);
        await using var store = await SqliteRecordStore.OpenAsync(TestLedger.Options(file));
        Assert.True((await store.AppendAsync(LedgerStreams.ToRecords(ledger.Journal))).IsAppended);

        var history = new List<LedgerEvent>();
        await foreach (var entry in store.ReadAccountAsync(members[2], afterVersion: 10)) history.Add(entry);
        Assert.Equal(ledger.GetAccountEntries(members[2], 10), history);
        Assert.Equal(ledger.GetBalance(members[2]), (await store.GetBalanceAsync(members[2]))!.Value.Posted);
        Assert.Equal(ledger.GetBalance(issuer), (await store.GetBalanceAsync(issuer))!.Value.Posted);
        Assert.Null(await store.GetBalanceAsync(AccountId.New()));

        using var connection = SchemaTests.OpenRaw(file);
        var streamRead = Plan(connection, SqliteReader.ReadStreamSql);
        Assert.Contains("SEARCH s USING PRIMARY KEY (stream_id=? AND version>?)", streamRead, StringComparison.Ordinal);
        Assert.Contains("SEARCH r USING INTEGER PRIMARY KEY (rowid=?)", streamRead, StringComparison.Ordinal);
        Assert.DoesNotContain("SCAN", streamRead, StringComparison.Ordinal);
        Assert.DoesNotContain("TEMP B-TREE", streamRead, StringComparison.Ordinal);
        var version = Plan(connection, SqliteReader.StreamVersionSql);
        Assert.Contains("SEARCH stream_slots USING PRIMARY KEY (stream_id=?)", version, StringComparison.Ordinal);
        Assert.DoesNotContain("SCAN", version, StringComparison.Ordinal);
        var item = Plan(connection, SqliteReader.FindItemSql);
        Assert.Contains("USING INDEX records_item (item_scope=? AND item_id=?)", item, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_damaged_row_is_reported_as_a_RecordFormatException_naming_its_position()
    {
        using var folder = new TempFolder();
        var file = folder.File("damaged.db");
        var records = LedgerStreams.ToRecords(TestLedger.Build(2, 3).Ledger.Journal);
        await using (var store = await SqliteRecordStore.OpenAsync(TestLedger.Options(file)))
        {
            Assert.True((await store.AppendAsync(records)).IsAppended);
        }

        using (var connection = SchemaTests.OpenRaw(file))
        {
            SchemaTests.Execute(connection, "UPDATE records SET data = x'7b2261223a' WHERE position = 2");
            SchemaTests.Execute(connection, "UPDATE records SET links = x'ff' WHERE position = 4");
        }

        await using (var store = await SqliteRecordStore.OpenAsync(TestLedger.Options(file)))
        {
            await Assert.ThrowsAsync<RecordFormatException>(async () => await TestLedger.ReadAllAsync(store, afterPosition: 1));
            var links = await Assert.ThrowsAsync<RecordFormatException>(async () => await TestLedger.ReadAllAsync(store, afterPosition: 3));
            Assert.Contains("position 4", links.Message, StringComparison.Ordinal);
            Assert.Equal(records[4].Payload, (await TestLedger.ReadAllAsync(store, afterPosition: 4))[0].Payload);
        }
    }

    [Fact]
    public async Task Payloads_and_snapshots_round_trip_through_the_configured_serializer()
    {
        using var folder = new TempFolder();
        var file = folder.File("text.db");
        var serializer = new Utf8TextSerializer();
        var stream = new StreamName("notes-1");
        string[] texts = ["", "志愿服务", "a\0b", new string('x', 100_000)];
        await using (var store = await SqliteRecordStore.OpenAsync(new SqliteStoreOptions(file) { Serializer = serializer }))
        {
            for (var i = 0; i < texts.Length; i++) Assert.True((await store.AppendAsync([new NewRecord(stream, i + 1, texts[i])])).IsAppended);
            await store.SaveSnapshotAsync(new RecordSnapshot(stream, 2, "state at 2"));
            await store.SaveSnapshotAsync(new RecordSnapshot(stream, 1, "older, ignored"));
            await Assert.ThrowsAsync<ArgumentException>(() => store.SaveSnapshotAsync(new RecordSnapshot(stream, 5, "ahead of the stream")).AsTask());
            await Assert.ThrowsAsync<NotSupportedException>(() => store.AppendAsync([new NewRecord(stream, 5, 42)]).AsTask());
            await Assert.ThrowsAsync<InvalidOperationException>(() => store.AppendAsync([new NewRecord(stream, 5, Guid.NewGuid())]).AsTask());
        }

        await using (var store = await SqliteRecordStore.OpenAsync(new SqliteStoreOptions(file) { Serializer = serializer }))
        {
            Assert.Equal(texts, (await TestLedger.ReadStreamAsync(store, stream)).Select(r => (string)r.Payload));
            Assert.Equal(new RecordSnapshot(stream, 2, "state at 2"), await store.LoadSnapshotAsync(stream));
            Assert.Null(await store.LoadSnapshotAsync(new StreamName("notes-2")));
            Assert.Equal(4, await store.GetPositionAsync());
        }
    }

    [Fact]
    public async Task A_disposed_store_refuses_every_call_and_can_be_disposed_again()
    {
        using var folder = new TempFolder();
        var store = await SqliteRecordStore.OpenAsync(TestLedger.Options(folder.File("disposed.db")));
        var records = LedgerStreams.ToRecords(TestLedger.Build(1, 1).Ledger.Journal);
        await store.DisposeAsync();
        store.Dispose();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.AppendAsync(records).AsTask());
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.GetPositionAsync().AsTask());
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.GetStreamVersionAsync(LedgerStreams.Journal).AsTask());
        await Assert.ThrowsAsync<ObjectDisposedException>(async () => await TestLedger.ReadAllAsync(store));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => store.LoadSnapshotAsync(LedgerStreams.Journal).AsTask());
    }

    private static string Plan(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + sql;
        command.Parameters.AddWithValue("$id", 1);
        command.Parameters.AddWithValue("$after", 0);
        command.Parameters.AddWithValue("$scope", "transfer");
        using var reader = command.ExecuteReader();
        var plan = new StringBuilder();
        while (reader.Read()) plan.AppendLine(reader.GetString(3));
        return plan.ToString();
    }

    /// <summary>Text whose bytes run a callback when the store reads them.</summary>
    private sealed record CallbackText(string Text, Action OnRead);

    /// <summary>Memory that runs a callback each time its bytes are taken.</summary>
    private sealed class CallbackMemory(byte[] bytes, Action onRead) : MemoryManager<byte>
    {
        public override Span<byte> GetSpan()
        {
            onRead();
            return bytes;
        }

        public override MemoryHandle Pin(int elementIndex = 0) => throw new NotSupportedException();

        public override void Unpin()
        {
        }

        protected override void Dispose(bool disposing)
        {
        }
    }

    /// <summary>Strings as UTF-8, type <c>text</c>; anything else is not supported.</summary>
    private sealed class Utf8TextSerializer : IRecordSerializer
    {
        public SerializedPayload Serialize(object payload) => payload switch
        {
            string text => new SerializedPayload("text", 1, Encoding.UTF8.GetBytes(text)),
            Guid => new SerializedPayload("", 1, new byte[16]),
            CallbackText callback => new SerializedPayload("text", 1, new CallbackMemory(Encoding.UTF8.GetBytes(callback.Text), callback.OnRead).Memory),
            _ => throw new NotSupportedException($"{payload.GetType()} is not text."),
        };

        public object Deserialize(string typeName, int schemaVersion, ReadOnlySpan<byte> data)
            => typeName == "text" && schemaVersion == 1 ? Encoding.UTF8.GetString(data) : throw new RecordFormatException($"Unknown type {typeName} v{schemaVersion}.");
    }
}
