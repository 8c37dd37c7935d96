using System.Collections.Concurrent;
using Volunteering.Domain.Storage;

namespace Volunteering.Storage;

/// <summary>
/// The committed rows of the <c>streams</c> table that this store has seen, both ways. A stream's id never changes
/// once committed (rows are never updated or deleted), so an entry stays true for every process on the database; only ids
/// known to be committed are ever added. Shared by the writer and the readers of one store.
/// </summary>
internal sealed class StreamIdCache
{
    /// <summary>Past this many streams the cache starts over, so a database with very many streams cannot grow it without
    /// bound.</summary>
    private const int MaxEntries = 1 << 20;

    private readonly ConcurrentDictionary<StreamName, long> _ids = new();
    private readonly ConcurrentDictionary<long, StreamName> _names = new();

    /// <summary>The stream's id, if known.</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="id">Its id.</param>
    internal bool TryGetId(StreamName stream, out long id) => _ids.TryGetValue(stream, out id);

    /// <summary>The stream with an id, if known.</summary>
    /// <param name="id">The id.</param>
    /// <param name="stream">Its stream.</param>
    internal bool TryGetName(long id, out StreamName stream) => _names.TryGetValue(id, out stream);

    /// <summary>Remembers a committed row of <c>streams</c>.</summary>
    /// <param name="stream">The stream.</param>
    /// <param name="id">Its id.</param>
    internal void Add(StreamName stream, long id)
    {
        if (_ids.Count >= MaxEntries)
        {
            _ids.Clear();
            _names.Clear();
        }

        _ids[stream] = id;
        _names[id] = stream;
    }
}
