using Ardalis.GuardClauses;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Volunteers;

namespace Volunteering.Domain.Storage;

/// <summary>The reference <see cref="IPersonalDataVault"/>: values held in process memory, safe for concurrent
/// callers, gone when the process ends. <see cref="PersonalData"/> is immutable, so values are held as given.</summary>
public sealed class InMemoryPersonalDataVault : IPersonalDataVault
{
    private readonly Lock _gate = new();
    private readonly Dictionary<VolunteerId, PersonalData> _values = [];

    /// <summary>The number of volunteers whose data is held.</summary>
    public int Count
    {
        get
        {
            lock (_gate) return _values.Count;
        }
    }

    /// <inheritdoc />
    public ValueTask PutAsync(VolunteerId volunteer, PersonalData data, CancellationToken cancellationToken = default)
    {
        GuardId(volunteer);
        Guard.Against.Null(data);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate) _values[volunteer] = data;
        return ValueTask.CompletedTask;
    }

    /// <inheritdoc />
    public ValueTask<PersonalData?> GetAsync(VolunteerId volunteer, CancellationToken cancellationToken = default)
    {
        GuardId(volunteer);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate) return ValueTask.FromResult(_values.GetValueOrDefault(volunteer));
    }

    /// <inheritdoc />
    public ValueTask<bool> EraseAsync(VolunteerId volunteer, CancellationToken cancellationToken = default)
    {
        GuardId(volunteer);
        cancellationToken.ThrowIfCancellationRequested();
        lock (_gate) return ValueTask.FromResult(_values.Remove(volunteer));
    }

    private static void GuardId(VolunteerId volunteer)
        => Guard.Against.Expression(static x => x.IsEmpty, volunteer, "The volunteer id must not be empty.", nameof(volunteer));
}
