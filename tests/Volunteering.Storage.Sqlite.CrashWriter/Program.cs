using Volunteering.Storage.TestWriters;
using System.Globalization;
using NodaTime;
using Volunteering.Domain.Ledger;
using Volunteering.Domain.Storage;
using Volunteering.Storage.Sqlite;
using Volunteering.Storage.Sqlite.CrashWriter;

// A writer process for the SQLite store's crash and multi-process tests. It opens a PersistentLedger on the file,
// opens the workload accounts, prints READY, then appends linked transfer batches, printing one ACK line per batch
// after its append returned:
//   crash <file> <seed>               writes batches of 1 to 6 transfers until it is killed
//   contend <file> <seed> <batches>   waits for a line "GO" on stdin, writes that many batches of 1 to 3 transfers,
//                                     prints "DONE <appended> <wrongExpectedVersion> <duplicateItem>" and exits 0
if (args.Length < 3 || args[0] is not ("crash" or "contend") || (args[0] == "contend" && args.Length < 4))
{
    await Console.Error.WriteLineAsync("usage: crash <file> <seed> | contend <file> <seed> <batches>");
    return 2;
}

var contend = args[0] == "contend";
var random = new Random(int.Parse(args[2], CultureInfo.InvariantCulture));
var batches = contend ? int.Parse(args[3], CultureInfo.InvariantCulture) : int.MaxValue;
await using var sqlite = await SqliteRecordStore.OpenAsync(new SqliteStoreOptions(args[1]));
var store = new CountingRecordStore(sqlite);
var ledger = await PersistentLedger.OpenAsync(store, SystemClock.Instance);
await ledger.ExecuteAsync(WriterWorkload.OpenAccounts);
Console.WriteLine("READY");
if (contend && await Console.In.ReadLineAsync() != "GO") return 3;

for (var b = 0; b < batches; b++)
{
    var batchId = Guid.NewGuid();
    var requests = WriterWorkload.Batch(batchId, 1 + random.Next(contend ? 3 : 6), random);
    var result = await WriterWorkload.SubmitAsync(ledger, requests);
    if (result != TransferResult.Ok)
    {
        await Console.Error.WriteLineAsync($"batch {batchId:N} answered {result}");
        return 4;
    }

    Console.WriteLine(WriterWorkload.AckLine(batchId, requests));
}

Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"DONE {store.Appended} {store.WrongExpectedVersion} {store.DuplicateItem}"));
return 0;
