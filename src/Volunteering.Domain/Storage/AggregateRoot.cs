namespace Volunteering.Domain.Storage;

/// <summary>
/// The base of an event-sourced aggregate (a volunteer, an activity, a practice unit, ...): its state is the fold of
/// the events it raised, kept as records of its own stream in an <see cref="IRecordStore"/>. An aggregate guards its own
/// invariants: a method checks the rules, and only then raises an event, which <see cref="Apply"/> applies. Events are
/// immutable records of what happened, never edited; a correction is a new event.
/// </summary>
/// <typeparam name="TEvent">The aggregate's event base type (a record class); every concrete event must be known to
/// the store's serializer.</typeparam>
/// <remarks>Not thread-safe: load, change and save an aggregate in one flow. Save through an
/// <see cref="AggregateRepository{TAggregate, TEvent}"/> or a <see cref="UnitOfWork"/>.</remarks>
public abstract class AggregateRoot<TEvent>
    where TEvent : class
{
    private readonly List<TEvent> _unsaved = [];

    /// <summary>The aggregate's stream; fixed for its lifetime.</summary>
    public abstract StreamName Stream { get; }

    /// <summary>The version of the newest event, saved or not (0 for an aggregate with no events).</summary>
    public long Version { get; private set; }

    /// <summary>The version known to be in the store; events after it are <see cref="UnsavedEvents"/>.</summary>
    public long SavedVersion { get; private set; }

    /// <summary>Events raised since the aggregate was loaded or last saved, oldest first.</summary>
    public IReadOnlyList<TEvent> UnsavedEvents => _unsaved;

    /// <summary>Applies an event to the state. Called for new events and for stored ones on load, so it must only
    /// change state, never check rules or throw for business reasons.</summary>
    /// <param name="e">The event.</param>
    protected abstract void Apply(TEvent e);

    /// <summary>The idempotency key an event claims in the store, or default for none. Override to make a command
    /// that carries its own id (a participation id, a certificate number) apply at most once across writers.</summary>
    /// <param name="e">The event.</param>
    public virtual ItemKey ItemKeyOf(TEvent e) => default;

    /// <summary>Other streams an event is also placed in (for example a volunteer's stream for a participation), each
    /// at the version the writer expects next; default none. Linked streams must be written only through links.</summary>
    /// <param name="e">The event.</param>
    public virtual IReadOnlyList<StreamName> LinksOf(TEvent e) => [];

    /// <summary>Applies a new event and keeps it for saving.</summary>
    /// <param name="e">The event.</param>
    protected void Raise(TEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        Apply(e);
        _unsaved.Add(e);
        Version++;
    }

    /// <summary>Applies a stored event while loading.</summary>
    internal void Restore(TEvent e, long version)
    {
        if (_unsaved.Count > 0) throw new InvalidOperationException("An aggregate with unsaved events cannot load more.");
        if (version != Version + 1) throw new InvalidDataException($"{Stream} holds version {version} after {Version}.");
        Apply(e);
        Version = version;
        SavedVersion = version;
    }

    /// <summary>Marks the unsaved events as stored.</summary>
    internal void MarkSaved()
    {
        _unsaved.Clear();
        SavedVersion = Version;
    }
}
