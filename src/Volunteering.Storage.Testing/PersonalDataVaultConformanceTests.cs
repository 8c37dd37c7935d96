using Volunteering.Domain.Identity;
using Volunteering.Domain.Storage;
using Volunteering.Domain.Volunteers;

namespace Volunteering.Storage.Testing;

/// <summary>
/// The <see cref="IPersonalDataVault"/> contract: put then get returns an equal value (every field, lists in order,
/// text as written), put replaces, erase removes for good and is idempotent, unknown ids read as null, volunteers do
/// not affect each other, values and erasures survive a reopen, and programmer errors and cancelled calls change
/// nothing. Subclass it once per vault fixture, as <see cref="ConformanceSuite.VaultClasses"/> lists.
/// </summary>
/// <typeparam name="TFixture">The adapter's vault fixture.</typeparam>
public abstract class PersonalDataVaultConformanceTests<TFixture> : IClassFixture<TFixture>
    where TFixture : class, IPersonalDataVaultFixture
{
    /// <summary>Keeps the fixture.</summary>
    /// <param name="fixture">The fixture xunit created for the test class.</param>
    protected PersonalDataVaultConformanceTests(TFixture fixture)
    {
        ArgumentNullException.ThrowIfNull(fixture);
        Fixture = fixture;
    }

    /// <summary>The adapter's fixture.</summary>
    protected TFixture Fixture { get; }

    /// <summary>An id never put reads as null, and erasing it answers false.</summary>
    [Fact]
    public async Task An_unknown_volunteer_has_no_data_and_erasing_it_answers_false()
    {
        var vault = await CreateVaultAsync();
        var nobody = VolunteerId.New();

        Assert.Null(await vault.GetAsync(nobody));
        Assert.False(await vault.EraseAsync(nobody));
        Assert.Null(await vault.GetAsync(nobody));
    }

    /// <summary>A value put reads back equal, field by field.</summary>
    [Fact]
    public async Task Put_then_get_returns_an_equal_value_field_by_field()
    {
        var vault = await CreateVaultAsync();
        var wang = VolunteerId.New();
        var visitor = VolunteerId.New();

        await vault.PutAsync(wang, PersonalDataSamples.Wang());
        await vault.PutAsync(visitor, PersonalDataSamples.Visitor());

        AssertSame(PersonalDataSamples.Wang(), await vault.GetAsync(wang));
        AssertSame(PersonalDataSamples.Visitor(), await vault.GetAsync(visitor));
    }

    /// <summary>A second put replaces the first value whole.</summary>
    [Fact]
    public async Task Put_replaces_the_value_held()
    {
        var vault = await CreateVaultAsync();
        var wang = VolunteerId.New();
        await vault.PutAsync(wang, PersonalDataSamples.Wang());

        await vault.PutAsync(wang, PersonalDataSamples.Wang("13911112222") with { Skills = ["only this"], ServiceCategories = [] });

        var read = await vault.GetAsync(wang);
        AssertSame(PersonalDataSamples.Wang("13911112222") with { Skills = ["only this"], ServiceCategories = [] }, read);
        Assert.NotEqual(PersonalDataSamples.Wang(), read);
    }

    /// <summary>Erase removes the value for good; a second erase answers false; others are untouched.</summary>
    [Fact]
    public async Task Erase_removes_the_value_and_a_second_erase_answers_false()
    {
        var vault = await CreateVaultAsync();
        var wang = VolunteerId.New();
        var other = VolunteerId.New();
        await vault.PutAsync(wang, PersonalDataSamples.Wang());
        await vault.PutAsync(other, PersonalDataSamples.Visitor());

        Assert.True(await vault.EraseAsync(wang));
        Assert.Null(await vault.GetAsync(wang));
        Assert.False(await vault.EraseAsync(wang));
        Assert.Null(await vault.GetAsync(wang));
        AssertSame(PersonalDataSamples.Visitor(), await vault.GetAsync(other));
    }

    /// <summary>A put after an erase stores a value again.</summary>
    [Fact]
    public async Task A_put_after_an_erase_stores_a_value_again()
    {
        var vault = await CreateVaultAsync();
        var wang = VolunteerId.New();
        await vault.PutAsync(wang, PersonalDataSamples.Wang());
        Assert.True(await vault.EraseAsync(wang));

        await vault.PutAsync(wang, PersonalDataSamples.Visitor());

        AssertSame(PersonalDataSamples.Visitor(), await vault.GetAsync(wang));
    }

    /// <summary>Values, replacements and erasures survive a reopen.</summary>
    [Fact]
    public async Task Values_and_erasures_survive_a_reopen()
    {
        var vault = await CreateVaultAsync();
        var kept = VolunteerId.New();
        var replaced = VolunteerId.New();
        var erased = VolunteerId.New();
        await vault.PutAsync(kept, PersonalDataSamples.Wang());
        await vault.PutAsync(replaced, PersonalDataSamples.Wang());
        await vault.PutAsync(replaced, PersonalDataSamples.Visitor());
        await vault.PutAsync(erased, PersonalDataSamples.Wang("13700000000"));
        Assert.True(await vault.EraseAsync(erased));

        var reopened = await Fixture.ReopenAsync(vault);

        AssertSame(PersonalDataSamples.Wang(), await reopened.GetAsync(kept));
        AssertSame(PersonalDataSamples.Visitor(), await reopened.GetAsync(replaced));
        Assert.Null(await reopened.GetAsync(erased));
        Assert.False(await reopened.EraseAsync(erased));
    }

    /// <summary>Concurrent calls for different volunteers do not affect each other.</summary>
    [Fact]
    public async Task Concurrent_puts_and_erases_of_different_volunteers_do_not_interfere()
    {
        var vault = await CreateVaultAsync();
        var ids = Enumerable.Range(0, 24).Select(static _ => VolunteerId.New()).ToArray();

        await Task.WhenAll(ids.Select((id, i) => Task.Run(async () =>
        {
            await vault.PutAsync(id, PersonalDataSamples.Wang(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"1390000{i:D4}")));
            if (i % 3 == 0) Assert.True(await vault.EraseAsync(id));
        })));

        for (var i = 0; i < ids.Length; i++)
        {
            var read = await vault.GetAsync(ids[i]);
            if (i % 3 == 0) Assert.Null(read);
            else AssertSame(PersonalDataSamples.Wang(string.Create(System.Globalization.CultureInfo.InvariantCulture, $"1390000{i:D4}")), read);
        }
    }

    /// <summary>An empty id or a null value is refused and changes nothing.</summary>
    [Fact]
    public async Task Empty_ids_and_null_values_are_programmer_errors_that_change_nothing()
    {
        var vault = await CreateVaultAsync();
        var wang = VolunteerId.New();

        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await vault.PutAsync(default, PersonalDataSamples.Wang()));
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await vault.GetAsync(default));
        await Assert.ThrowsAnyAsync<ArgumentException>(async () => await vault.EraseAsync(default));
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await vault.PutAsync(wang, null!));

        Assert.Null(await vault.GetAsync(wang));
    }

    /// <summary>A call whose token is already cancelled throws and takes no effect.</summary>
    [Fact]
    public async Task A_call_cancelled_before_it_starts_takes_no_effect()
    {
        var vault = await CreateVaultAsync();
        var wang = VolunteerId.New();
        var cancelled = new CancellationToken(canceled: true);

        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await vault.PutAsync(wang, PersonalDataSamples.Wang(), cancelled));
        Assert.Null(await vault.GetAsync(wang));

        await vault.PutAsync(wang, PersonalDataSamples.Wang());
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await vault.EraseAsync(wang, cancelled));
        await Assert.ThrowsAnyAsync<OperationCanceledException>(async () => await vault.GetAsync(wang, cancelled));
        AssertSame(PersonalDataSamples.Wang(), await vault.GetAsync(wang));
    }

    /// <summary>Every vault conformance class is subclassed for <typeparamref name="TFixture"/> in this test assembly.</summary>
    [Fact]
    public void Every_vault_conformance_class_is_subclassed_for_this_fixture()
    {
        var missing = ConformanceSuite.MissingVaultSubclasses(GetType().Assembly, typeof(TFixture));
        Assert.True(missing.Count == 0, $"{GetType().Assembly.GetName().Name} runs only part of the vault kit for {typeof(TFixture).Name}; subclass: {string.Join(", ", missing.Select(static t => t.Name))}");
    }

    /// <summary>A fresh, empty vault from the fixture.</summary>
    protected async Task<IPersonalDataVault> CreateVaultAsync()
    {
        var vault = await Fixture.CreateVaultAsync().ConfigureAwait(false);
        Assert.NotNull(vault);
        return vault;
    }

    /// <summary>Asserts a value read back equals the one put, field by field, lists item by item in order.</summary>
    /// <param name="expected">The value put.</param>
    /// <param name="actual">The value read.</param>
    protected static void AssertSame(PersonalData expected, PersonalData? actual)
    {
        ArgumentNullException.ThrowIfNull(expected);
        Assert.NotNull(actual);
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.Gender, actual.Gender);
        Assert.Equal(expected.BirthDate, actual.BirthDate);
        Assert.Equal(expected.IdType, actual.IdType);
        Assert.Equal(expected.IdNumber, actual.IdNumber);
        Assert.Equal(expected.Residence, actual.Residence);
        Assert.Equal(expected.Phone, actual.Phone);
        Assert.Equal(expected.Skills, actual.Skills);
        Assert.Equal(expected.ServiceCategories, actual.ServiceCategories);
        Assert.Equal(expected, actual);
    }
}
