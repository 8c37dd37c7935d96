using FsCheck;
using FsCheck.Fluent;

namespace Volunteering.Storage.Testing.Scripts;

/// <summary>FsCheck generators for <see cref="RecordScript"/>s: batches of one to four records over a few streams,
/// mostly at the right versions, with links, keys from a small pool (so duplicates happen), and now and then a version
/// off by one or two (conflicts and malformed batches).</summary>
public static class RecordScriptGen
{
    /// <summary>How many streams scripts use.</summary>
    public const int StreamPool = 4;

    /// <summary>How many keys scripts use.</summary>
    public const int KeyPool = 6;

    private static Gen<int> Shift => Gen.Frequency((14, Gen.Constant(0)), (2, Gen.Constant(1)), (2, Gen.Constant(-1)), (1, Gen.Constant(2)));

    /// <summary>One record.</summary>
    public static Gen<RecordDraft> Record =>
        from stream in Gen.Choose(0, StreamPool - 1)
        from shift in Shift
        from key in Gen.Frequency((3, Gen.Constant(-1)), (2, Gen.Choose(0, KeyPool - 1)))
        from linkCount in Gen.Frequency((3, Gen.Constant(0)), (2, Gen.Constant(1)), (1, Gen.Constant(2)))
        from links in Gen.Choose(0, StreamPool - 1).ArrayOf(linkCount)
        from linkShift in Shift
        select new RecordDraft(stream, shift, key, links, linkShift);

    /// <summary>A script of up to <paramref name="maxBatches"/> batches of 1 to 4 records.</summary>
    /// <param name="maxBatches">The most batches.</param>
    public static Gen<RecordScript> Script(int maxBatches) =>
        from n in Gen.Choose(1, maxBatches)
        from batches in Gen.Choose(1, 4).SelectMany(static size => Record.ArrayOf(size)).ArrayOf(n)
        select new RecordScript([.. batches.Select(static b => (IReadOnlyList<RecordDraft>)b)]);

    /// <summary>Shrinks by dropping batches, then records of a batch.</summary>
    /// <param name="script">The script.</param>
    public static IEnumerable<RecordScript> Shrink(RecordScript script)
    {
        ArgumentNullException.ThrowIfNull(script);
        var batches = script.Batches;
        for (var i = 0; i < batches.Count; i++)
        {
            if (batches.Count > 1) yield return new RecordScript([.. batches.Take(i), .. batches.Skip(i + 1)]);
        }

        for (var i = 0; i < batches.Count; i++)
        {
            for (var j = 0; j < batches[i].Count && batches[i].Count > 1; j++)
            {
                IReadOnlyList<RecordDraft> smaller = [.. batches[i].Take(j), .. batches[i].Skip(j + 1)];
                yield return new RecordScript([.. batches.Take(i), smaller, .. batches.Skip(i + 1)]);
            }
        }
    }

    /// <summary>Scripts of up to <paramref name="maxBatches"/> batches, shrinking with <see cref="Shrink"/>.</summary>
    /// <param name="maxBatches">The most batches.</param>
    public static Arbitrary<RecordScript> Scripts(int maxBatches) => Arb.From(Script(maxBatches), Shrink);
}
