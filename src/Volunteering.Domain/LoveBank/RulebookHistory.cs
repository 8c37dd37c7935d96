using Ardalis.GuardClauses;
using NodaTime;

namespace Volunteering.Domain.LoveBank;

/// <summary>
/// The versions of a scheme's rulebook in force over time. Versions are numbered 1, 2, 3, ... without gaps, each
/// taking effect no earlier than the one before; <see cref="At"/> finds the version in force at an instant, so a past
/// entry is always explained by the rule version that produced it. Immutable: <see cref="With"/> returns a new history.
/// </summary>
public sealed class RulebookHistory
{
    private readonly LoveBankRulebook[] _versions;

    /// <summary>A history with a first version.</summary>
    /// <param name="first">Version 1.</param>
    /// <exception cref="ArgumentNullException"><paramref name="first"/> is null.</exception>
    /// <exception cref="ArgumentException">Its version is not 1.</exception>
    public RulebookHistory(LoveBankRulebook first)
    {
        Guard.Against.Null(first);
        if (first.Version != 1) throw new ArgumentException($"A history starts at version 1; got {first.Version}.", nameof(first));
        _versions = [first];
    }

    private RulebookHistory(LoveBankRulebook[] versions) => _versions = versions;

    /// <summary>The versions, oldest first.</summary>
    public IReadOnlyList<LoveBankRulebook> Versions => _versions;

    /// <summary>The newest version.</summary>
    public LoveBankRulebook Latest => _versions[^1];

    /// <summary>A history with one more version.</summary>
    /// <param name="next">The next version: numbered one more than <see cref="Latest"/>, effective no earlier than it.</param>
    /// <exception cref="ArgumentNullException"><paramref name="next"/> is null.</exception>
    /// <exception cref="ArgumentException">The number or the effective instant is out of order.</exception>
    public RulebookHistory With(LoveBankRulebook next)
    {
        Guard.Against.Null(next);
        if (next.Version != Latest.Version + 1) throw new ArgumentException($"The next version must be {Latest.Version + 1}; got {next.Version}.", nameof(next));
        if (next.EffectiveFrom < Latest.EffectiveFrom) throw new ArgumentException($"Version {next.Version} takes effect at {next.EffectiveFrom}, before version {Latest.Version} ({Latest.EffectiveFrom}).", nameof(next));
        return new RulebookHistory([.. _versions, next]);
    }

    /// <summary>The version in force at an instant: the newest whose <see cref="LoveBankRulebook.EffectiveFrom"/> is at or
    /// before it, or version 1 for instants before every version.</summary>
    /// <param name="instant">The instant.</param>
    public LoveBankRulebook At(Instant instant)
    {
        for (var i = _versions.Length - 1; i > 0; i--)
        {
            if (_versions[i].EffectiveFrom <= instant) return _versions[i];
        }

        return _versions[0];
    }

    /// <summary>A version by number.</summary>
    /// <param name="version">The number.</param>
    /// <returns>The version, or null when there is none with that number.</returns>
    public LoveBankRulebook? Find(int version) => version >= 1 && version <= _versions.Length ? _versions[version - 1] : null;
}
