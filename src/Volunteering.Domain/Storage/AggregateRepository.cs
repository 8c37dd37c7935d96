namespace Volunteering.Domain.Storage;

/// <summary>
/// Loads and saves one kind of event-sourced aggregate through an <see cref="IRecordStore"/>: load folds the
/// aggregate's stream (records placed there as links are skipped: they belong to other aggregates); save appends the
/// unsaved events expecting the stream at the version it was loaded at. Domain code never sees the store's details.
/// </summary>
/// <typeparam name="TAggregate">The aggregate.</typeparam>
/// <typeparam name="TEvent">Its event base type.</typeparam>
/// <param name="store">The store.</param>
/// <param name="create">Creates an empty aggregate for a stream (before any event is applied).</param>
public sealed class AggregateRepository<TAggregate, TEvent>(IRecordStore store, Func<StreamName, TAggregate> create)
    where TAggregate : AggregateRoot<TEvent>
    where TEvent : class
{
    private readonly IRecordStore _store = store ?? throw new ArgumentNullException(nameof(store));
    private readonly Func<StreamName, TAggregate> _create = create ?? throw new ArgumentNullException(nameof(create));

    /// <summary>The store.</summary>
    public IRecordStore Store => _store;

    /// <summary>Brings an aggregate loaded earlier up to date: applies only the records stored in its stream after its
    /// <see cref="AggregateRoot{TEvent}.Version"/>, so a long-lived copy costs no full replay. Use it for an aggregate
    /// kept between commands; one with unsaved events cannot be refreshed (decide again from a fresh load).</summary>
    /// <param name="aggregate">The aggregate, with no unsaved events.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns>How many records were applied.</returns>
    /// <exception cref="InvalidOperationException">The aggregate has unsaved events.</exception>
    /// <exception cref="InvalidDataException">A record is not an event of the aggregate's type.</exception>
    public async ValueTask<int> RefreshAsync(TAggregate aggregate, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(aggregate);
        if (aggregate.UnsavedEvents.Count > 0) throw new InvalidOperationException($"{aggregate.Stream} has unsaved events; load it again instead.");
        var applied = 0;
        await foreach (var record in _store.ReadStreamAsync(aggregate.Stream, aggregate.Version, cancellationToken).ConfigureAwait(false))
        {
            if (record.Stream != aggregate.Stream) continue;
            if (record.Payload is not TEvent e)
            {
                throw new InvalidDataException($"Record {record} holds a {record.Payload.GetType().Name}, not a {typeof(TEvent).Name}.");
            }

            aggregate.Restore(e, record.Version);
            applied++;
        }

        return applied;
    }

    /// <summary>Loads an aggregate, or null when its stream holds none of its events.</summary>
    /// <param name="stream">The aggregate's stream.</param>
    /// <param name="cancellationToken">Cancels the load.</param>
    /// <exception cref="InvalidDataException">The stream holds a record that is not one of this aggregate's events.</exception>
    public async ValueTask<TAggregate?> LoadAsync(StreamName stream, CancellationToken cancellationToken = default)
    {
        var aggregate = _create(stream);
        if (aggregate.Stream != stream) throw new InvalidOperationException($"The factory made an aggregate of {aggregate.Stream} for {stream}.");
        await foreach (var record in _store.ReadStreamAsync(stream, 0, cancellationToken).ConfigureAwait(false))
        {
            if (record.Stream != stream) continue; // a link: another aggregate's event placed here too
            if (record.Payload is not TEvent e)
            {
                throw new InvalidDataException($"Record {record} holds a {record.Payload.GetType().Name}, not a {typeof(TEvent).Name}.");
            }

            aggregate.Restore(e, record.Version);
        }

        return aggregate.Version == 0 ? null : aggregate;
    }

    /// <summary>Saves an aggregate's unsaved events as one batch.</summary>
    /// <param name="aggregate">The aggregate.</param>
    /// <param name="cancellationToken">Cancels the call.</param>
    /// <returns><see cref="AppendStatus.Appended"/>, or why nothing was saved (another writer changed the aggregate:
    /// reload it and decide again; or an event's key is already stored: the command was applied before).</returns>
    public ValueTask<AppendResult> SaveAsync(TAggregate aggregate, CancellationToken cancellationToken = default)
        => new UnitOfWork(_store).Add(aggregate).CommitAsync(cancellationToken);
}
