using System.Collections.Immutable;

namespace Volunteering.Domain.Organisations;

/// <summary>Normalises a unit's communities: trimmed, distinct, in ordinal order.</summary>
internal static class CommunityList
{
    public static ImmutableArray<string> Normalise(IEnumerable<string> communities, string parameterName)
    {
        ArgumentNullException.ThrowIfNull(communities, parameterName);
        var set = new SortedSet<string>(StringComparer.Ordinal);
        foreach (var community in communities)
        {
            if (string.IsNullOrWhiteSpace(community)) throw new ArgumentException("A community name or code must not be blank.", parameterName);
            set.Add(community.Trim());
        }

        return [.. set];
    }

    public static ImmutableArray<string> OrEmpty(ImmutableArray<string> communities) => communities.IsDefault ? [] : communities;
}
