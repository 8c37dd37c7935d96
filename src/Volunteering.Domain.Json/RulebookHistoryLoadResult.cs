using System.Diagnostics.CodeAnalysis;
using Volunteering.Domain.LoveBank;

namespace Volunteering.Domain.Json;

/// <summary>The outcome of <see cref="RulebookJson.LoadHistory(ReadOnlySpan{byte})"/>: either the whole history, or
/// every problem found in any of its versions and in their order, never both.</summary>
public sealed class RulebookHistoryLoadResult
{
    internal RulebookHistoryLoadResult(RulebookHistory? history, IReadOnlyList<RulebookError> errors)
    {
        History = errors.Count == 0 ? history : null;
        Errors = errors;
        if (history is null && errors.Count == 0) throw new InvalidOperationException("A load result needs a history or at least one error.");
    }

    /// <summary>The history when the JSON is valid; otherwise null.</summary>
    public RulebookHistory? History { get; }

    /// <summary>Every problem found, in document order (each version's own problems, then its place in the order); empty
    /// when the JSON is valid.</summary>
    public IReadOnlyList<RulebookError> Errors { get; }

    /// <summary>True when the JSON is valid and <see cref="History"/> holds the history.</summary>
    [MemberNotNullWhen(true, nameof(History))]
    public bool IsValid => History is not null;
}
