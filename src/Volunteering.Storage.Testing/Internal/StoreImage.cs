using Volunteering.Domain.Storage;

namespace Volunteering.Storage.Testing.Internal;

/// <summary>Everything observable about a store that a refused call must not change: every record (with positions),
/// the head position, the versions and contents of the named streams, and what the named keys find.</summary>
internal sealed class StoreImage
{
    private StoreImage(List<StoredRecord> all, long position, Dictionary<StreamName, (long Version, List<StoredRecord> Records)> streams, Dictionary<ItemKey, StoredRecord?> keys)
    {
        All = all;
        Position = position;
        Streams = streams;
        Keys = keys;
    }

    public List<StoredRecord> All { get; }

    public long Position { get; }

    public Dictionary<StreamName, (long Version, List<StoredRecord> Records)> Streams { get; }

    public Dictionary<ItemKey, StoredRecord?> Keys { get; }

    public static async Task<StoreImage> CaptureAsync(IRecordStore store, IEnumerable<StreamName> streams, IEnumerable<ItemKey> keys)
    {
        var all = await store.ReadAllListAsync().ConfigureAwait(false);
        var position = await store.GetPositionAsync().ConfigureAwait(false);
        var streamImages = new Dictionary<StreamName, (long, List<StoredRecord>)>();
        foreach (var stream in streams.Distinct())
        {
            streamImages[stream] = (await store.GetStreamVersionAsync(stream).ConfigureAwait(false), await store.ReadStreamListAsync(stream).ConfigureAwait(false));
        }

        var keyImages = new Dictionary<ItemKey, StoredRecord?>();
        foreach (var key in keys.Distinct())
        {
            keyImages[key] = await store.FindItemAsync(key).ConfigureAwait(false);
        }

        return new StoreImage(all, position, streamImages, keyImages);
    }

    /// <summary>The batch's streams (own and linked) and keys.</summary>
    public static Task<StoreImage> CaptureAsync(IRecordStore store, IEnumerable<NewRecord> batch, params StreamName[] moreStreams)
        => CaptureAsync(store, batch.SelectMany(static r => r.Slots()).Select(static s => s.Stream).Concat(moreStreams), batch.Select(static r => r.Item).Where(static k => !k.IsNone));

    /// <summary>Asserts the store shows exactly what it showed when this image was taken.</summary>
    public async Task AssertUnchangedAsync(IRecordStore store, string after)
    {
        var now = await CaptureAsync(store, Streams.Keys, Keys.Keys).ConfigureAwait(false);
        RecordAssert.SameList(All, now.All, $"ReadAllAsync after {after}");
        Assert.True(Position == now.Position, $"GetPositionAsync is {now.Position} after {after}; it was {Position}");
        foreach (var (stream, (version, records)) in Streams)
        {
            var (nowVersion, nowRecords) = now.Streams[stream];
            Assert.True(version == nowVersion, $"GetStreamVersionAsync({stream}) is {nowVersion} after {after}; it was {version}");
            RecordAssert.SameList(records, nowRecords, $"ReadStreamAsync({stream}) after {after}");
        }

        foreach (var (key, found) in Keys)
        {
            var nowFound = now.Keys[key];
            if (found is null)
            {
                Assert.True(nowFound is null, $"FindItemAsync({key}) finds {nowFound} after {after}; it found nothing before, so the key was claimed");
            }
            else
            {
                Assert.True(nowFound is not null, $"FindItemAsync({key}) finds nothing after {after}");
                RecordAssert.Same(found, nowFound, $"FindItemAsync({key}) after {after}");
            }
        }
    }
}
