using Volunteering.Domain.Identity;
using Volunteering.Domain.Storage;
using static Volunteering.Domain.Tests.Volunteers.VolunteerKit;

namespace Volunteering.Domain.Tests.Volunteers;

/// <summary>The <see cref="IPersonalDataVault"/> contract on the reference vault.</summary>
public class InMemoryPersonalDataVaultTests
{
    private readonly InMemoryPersonalDataVault _vault = new();

    [Fact]
    public async Task Put_replaces_get_returns_the_last_value_and_erase_is_for_good_and_idempotent()
    {
        var wang = VolunteerId.New();
        var other = VolunteerId.New();
        Assert.Null(await _vault.GetAsync(wang));
        await _vault.PutAsync(wang, Wang());
        await _vault.PutAsync(wang, Wang("13911112222"));
        await _vault.PutAsync(other, Visitor());
        Assert.Equal(Wang("13911112222"), await _vault.GetAsync(wang));

        Assert.True(await _vault.EraseAsync(wang));
        Assert.False(await _vault.EraseAsync(wang));
        Assert.Null(await _vault.GetAsync(wang));
        Assert.Equal(Visitor(), await _vault.GetAsync(other));
        Assert.Equal(1, _vault.Count);
    }

    [Fact]
    public async Task Empty_ids_null_values_and_cancelled_calls_are_refused()
    {
        await Assert.ThrowsAsync<ArgumentException>(async () => await _vault.PutAsync(default, Wang()));
        await Assert.ThrowsAsync<ArgumentException>(async () => await _vault.GetAsync(default));
        await Assert.ThrowsAsync<ArgumentException>(async () => await _vault.EraseAsync(default));
        await Assert.ThrowsAsync<ArgumentNullException>(async () => await _vault.PutAsync(VolunteerId.New(), null!));
        var id = VolunteerId.New();
        await Assert.ThrowsAsync<OperationCanceledException>(async () => await _vault.PutAsync(id, Wang(), new CancellationToken(canceled: true)));
        Assert.Null(await _vault.GetAsync(id));
    }
}
