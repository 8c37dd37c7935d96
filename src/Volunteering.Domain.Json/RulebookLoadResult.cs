using System.Diagnostics.CodeAnalysis;
using Volunteering.Domain.LoveBank;

namespace Volunteering.Domain.Json;

/// <summary>The outcome of <see cref="RulebookJson.Load(ReadOnlySpan{byte})"/>: either the rulebook, or every problem
/// found in the JSON, never both and never a rulebook built from part of the document.</summary>
public sealed class RulebookLoadResult
{
    internal RulebookLoadResult(LoveBankRulebook? rulebook, IReadOnlyList<RulebookError> errors)
    {
        Rulebook = errors.Count == 0 ? rulebook : null;
        Errors = errors;
        if (rulebook is null && errors.Count == 0) throw new InvalidOperationException("A load result needs a rulebook or at least one error.");
    }

    /// <summary>The rulebook when the JSON is valid; otherwise null.</summary>
    public LoveBankRulebook? Rulebook { get; }

    /// <summary>Every problem found, in document order; empty when the JSON is valid.</summary>
    public IReadOnlyList<RulebookError> Errors { get; }

    /// <summary>True when the JSON is valid and <see cref="Rulebook"/> holds the rulebook.</summary>
    [MemberNotNullWhen(true, nameof(Rulebook))]
    public bool IsValid => Rulebook is not null;
}
