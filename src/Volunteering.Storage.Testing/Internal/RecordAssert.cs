using Volunteering.Domain.Storage;

namespace Volunteering.Storage.Testing.Internal;

/// <summary>Field-for-field comparisons of records.</summary>
internal static class RecordAssert
{
    /// <summary>What was appended reads back equal: stream, version, key, links in order, payload.</summary>
    public static void Same(NewRecord expected, StoredRecord actual, string? where = null)
    {
        Assert.NotNull(actual);
        var at = where is null ? string.Empty : where + ": ";
        Assert.True(expected.Stream == actual.Stream, $"{at}stream {actual.Stream}, expected {expected.Stream}");
        Assert.True(expected.Version == actual.Version, $"{at}version {actual.Version} in {actual.Stream}, expected {expected.Version}");
        Assert.True(expected.Item == actual.Record.Item, $"{at}key {actual.Record.Item}, expected {expected.Item}");
        Assert.True(
            expected.Links.SequenceEqual(actual.Record.Links),
            $"{at}links [{string.Join(", ", actual.Record.Links)}], expected [{string.Join(", ", expected.Links)}]");
        Assert.True(Equals(expected.Payload, actual.Payload), $"{at}payload read back as {actual.Payload}\nexpected {expected.Payload}");
    }

    /// <summary>Two stored records are the same record (position included).</summary>
    public static void Same(StoredRecord expected, StoredRecord actual, string? where = null)
    {
        Assert.True(expected.Position == actual.Position, $"{where}: position {actual.Position}, expected {expected.Position}");
        Same(expected.Record, actual, where);
    }

    /// <summary>Two lists of stored records are the same records, in order, positions included.</summary>
    public static void SameList(IReadOnlyList<StoredRecord> expected, IReadOnlyList<StoredRecord> actual, string what)
    {
        Assert.True(expected.Count == actual.Count, $"{what}: {actual.Count} records, expected {expected.Count}");
        for (var i = 0; i < expected.Count; i++) Same(expected[i], actual[i], $"{what}[{i}]");
    }

    /// <summary>The records' global positions strictly increase.</summary>
    public static void Increasing(IReadOnlyList<StoredRecord> records, string what)
    {
        for (var i = 1; i < records.Count; i++)
        {
            Assert.True(records[i].Position > records[i - 1].Position, $"{what}: position {records[i].Position} follows {records[i - 1].Position}");
        }
    }
}
