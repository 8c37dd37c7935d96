using Volunteering.Storage.TestWriters;
using System.Globalization;
using NodaTime;
using Volunteering.Domain.Storage;
using Volunteering.Storage.PostgreSql;
using Volunteering.Storage.PostgreSql.Writer;

// A writer process for the PostgreSQL store's multi-writer test:
//   contend <connectionString> <schema> <seed> <connections> <transfersPerConnection>
// opens <connections> stores on the schema (each with its own data source, so its own connections) and a
// PersistentLedger on each, opens the hot accounts (idempotent), prints READY, waits for a line "GO" on stdin, then
// posts the transfers from every connection at once, printing one ACK line per transfer after it was answered, and
// finally "DONE <appended> <wrongExpectedVersion> <duplicateItem>".
if (args.Length != 6 || args[0] != "contend")
{
    await Console.Error.WriteLineAsync("usage: contend <connectionString> <schema> <seed> <connections> <transfersPerConnection>");
    return 2;
}

var connectionString = args[1];
var schema = args[2];
var seed = int.Parse(args[3], CultureInfo.InvariantCulture);
var connections = int.Parse(args[4], CultureInfo.InvariantCulture);
var transfers = int.Parse(args[5], CultureInfo.InvariantCulture);

var stores = new List<PostgreSqlRecordStore>();
try
{
    var counters = new List<CountingRecordStore>();
    var ledgers = new List<PersistentLedger>();
    for (var c = 0; c < connections; c++)
    {
        var store = await PostgreSqlRecordStore.OpenAsync(new PostgreSqlStoreOptions(connectionString) { Schema = schema });
        stores.Add(store);
        var counter = new CountingRecordStore(store);
        counters.Add(counter);
        ledgers.Add(await PersistentLedger.OpenAsync(counter, SystemClock.Instance));
    }

    await ledgers[0].ExecuteAsync(HotAccounts.OpenAccounts);
    Console.WriteLine("READY");
    if (await Console.In.ReadLineAsync() != "GO") return 3;

    await Task.WhenAll(ledgers.Select((ledger, c) => Task.Run(async () =>
    {
        var random = new Random(HashCode.Combine(seed, c));
        for (var t = 0; t < transfers; t++)
        {
            var request = HotAccounts.Next(random);
            var result = await HotAccounts.SubmitAsync(ledger, request);
            Console.WriteLine(HotAccounts.AckLine(request, result));
        }
    })));

    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"DONE {counters.Sum(c => c.Appended)} {counters.Sum(c => c.WrongExpectedVersion)} {counters.Sum(c => c.DuplicateItem)}"));
    return 0;
}
finally
{
    foreach (var store in stores) await store.DisposeAsync();
}
