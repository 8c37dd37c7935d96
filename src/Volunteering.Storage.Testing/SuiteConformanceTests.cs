namespace Volunteering.Storage.Testing;

/// <summary>
/// Checks the adapter's test project runs the whole kit: every class of <see cref="ConformanceSuite.Classes"/> has a
/// concrete subclass for the same fixture in the test assembly. A kit update that adds a class fails here until the
/// adapter subclasses it.
/// </summary>
/// <typeparam name="TFixture">The adapter's fixture.</typeparam>
/// <param name="fixture">The fixture xunit injects.</param>
public abstract class SuiteConformanceTests<TFixture>(TFixture fixture) : ConformanceTests<TFixture>(fixture)
    where TFixture : class, IRecordStoreFixture
{
    /// <summary>Every conformance class is subclassed for <typeparamref name="TFixture"/> in this test assembly.</summary>
    [Fact]
    public void Every_conformance_class_is_subclassed_for_this_fixture()
    {
        var missing = ConformanceSuite.MissingSubclasses(GetType().Assembly, typeof(TFixture));
        Assert.True(missing.Count == 0, $"{GetType().Assembly.GetName().Name} runs only part of the kit for {typeof(TFixture).Name}; subclass: {string.Join(", ", missing.Select(static t => t.Name[..t.Name.IndexOf('`', StringComparison.Ordinal)]))}");
    }
}
