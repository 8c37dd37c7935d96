using FsCheck;

namespace Volunteering.Storage.Testing.Scripts;

/// <summary>For <c>[Property(Arbitrary = new[] { typeof(RecordScriptArbitraries) })]</c>: record scripts of up to 12
/// batches.</summary>
public static class RecordScriptArbitraries
{
    /// <summary>The most batches in a script.</summary>
    public const int MaxBatches = 12;

    /// <summary>Scripts of up to <see cref="MaxBatches"/> batches.</summary>
    public static Arbitrary<RecordScript> Scripts() => RecordScriptGen.Scripts(MaxBatches);
}
