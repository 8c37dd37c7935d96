using System.Reflection;

namespace Volunteering.Storage.Testing;

/// <summary>The list of the kit's conformance classes, for the completeness check in
/// <see cref="SuiteConformanceTests{TFixture}"/> and for tools.</summary>
public static class ConformanceSuite
{
    /// <summary>Every abstract conformance class, as an open generic type; an adapter's test project subclasses each one
    /// once per fixture.</summary>
    public static IReadOnlyList<Type> Classes { get; } =
    [
        typeof(AppendConformanceTests<>),
        typeof(ExpectedVersionConformanceTests<>),
        typeof(IdempotencyConformanceTests<>),
        typeof(AtomicityConformanceTests<>),
        typeof(OrderingConformanceTests<>),
        typeof(LinkConformanceTests<>),
        typeof(FidelityConformanceTests<>),
        typeof(SnapshotConformanceTests<>),
        typeof(ProgrammerErrorConformanceTests<>),
        typeof(CancellationConformanceTests<>),
        typeof(ConcurrencyConformanceTests<>),
        typeof(ReopenConformanceTests<>),
        typeof(RecordModelConformanceTests<>),
        typeof(LedgerConformanceTests<>),
        typeof(SuiteConformanceTests<>),
    ];

    /// <summary>Every abstract conformance class for personal-data vaults (<see cref="IPersonalDataVaultFixture"/>), as
    /// an open generic type; a vault adapter's test project subclasses each one once per vault fixture. Checked by
    /// <see cref="PersonalDataVaultConformanceTests{TFixture}"/> itself, so a store adapter without a vault is not
    /// asked for them.</summary>
    public static IReadOnlyList<Type> VaultClasses { get; } =
    [
        typeof(PersonalDataVaultConformanceTests<>),
    ];

    /// <summary>The classes of <see cref="VaultClasses"/> that <paramref name="assembly"/> has no concrete subclass of
    /// for the vault fixture <paramref name="fixtureType"/>.</summary>
    /// <param name="assembly">The adapter's test assembly.</param>
    /// <param name="fixtureType">The vault fixture type.</param>
    /// <returns>The missing classes, closed over <paramref name="fixtureType"/>; empty when every vault class runs.</returns>
    public static IReadOnlyList<Type> MissingVaultSubclasses(Assembly assembly, Type fixtureType)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(fixtureType);
        var concrete = assembly.GetTypes().Where(static t => t is { IsClass: true, IsAbstract: false }).ToArray();
        return
        [
            .. VaultClasses
                .Select(c => c.MakeGenericType(fixtureType))
                .Where(closed => !concrete.Any(closed.IsAssignableFrom)),
        ];
    }

    /// <summary>The classes of <see cref="Classes"/> that <paramref name="assembly"/> has no concrete subclass of for
    /// <paramref name="fixtureType"/>.</summary>
    /// <param name="assembly">The adapter's test assembly.</param>
    /// <param name="fixtureType">The fixture type the subclasses close the generic classes with.</param>
    /// <returns>The missing classes, closed over <paramref name="fixtureType"/>; empty when the whole kit runs.</returns>
    public static IReadOnlyList<Type> MissingSubclasses(Assembly assembly, Type fixtureType)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        ArgumentNullException.ThrowIfNull(fixtureType);
        var concrete = assembly.GetTypes().Where(static t => t is { IsClass: true, IsAbstract: false }).ToArray();
        return
        [
            .. Classes
                .Select(c => c.MakeGenericType(fixtureType))
                .Where(closed => !concrete.Any(closed.IsAssignableFrom)),
        ];
    }
}
