namespace Volunteering.Storage.Testing;

/// <summary>The instances a fixture has handed out and not yet disposed (stores, vaults), safe for concurrent tests.
/// Shared by the fixtures so each disposes what it opened in the same way.</summary>
/// <typeparam name="T">The kind of instance.</typeparam>
internal sealed class OpenInstances<T>
    where T : class
{
    private readonly Lock _gate = new();
    private readonly List<T> _open = [];

    /// <summary>Starts tracking a new instance.</summary>
    public void Add(T instance)
    {
        lock (_gate) _open.Add(instance);
    }

    /// <summary>Tracks <paramref name="reopened"/> in place of <paramref name="previous"/>, which its reopen disposed;
    /// nothing changes when a reopen returned the same instance.</summary>
    public void Replace(T previous, T reopened)
    {
        if (ReferenceEquals(previous, reopened)) return;
        lock (_gate)
        {
            _open.Remove(previous);
            _open.Add(reopened);
        }
    }

    /// <summary>Disposes every tracked instance (asynchronously where it can) and forgets them.</summary>
    public async Task DisposeAllAsync()
    {
        T[] open;
        lock (_gate)
        {
            open = [.. _open];
            _open.Clear();
        }

        foreach (var instance in open)
        {
            switch (instance)
            {
                case IAsyncDisposable asyncDisposable:
                    await asyncDisposable.DisposeAsync().ConfigureAwait(false);
                    break;
                case IDisposable disposable:
                    disposable.Dispose();
                    break;
            }
        }
    }
}
