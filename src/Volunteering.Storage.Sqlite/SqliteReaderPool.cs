using Volunteering.Domain.Storage;

namespace Volunteering.Storage.Sqlite;

/// <summary>The store's read connections: one per concurrent read, kept for reuse up to a few, closed on dispose.</summary>
internal sealed class SqliteReaderPool : IDisposable
{
    private const int MaxIdle = 4;

    private readonly SqliteFile _file;
    private readonly IRecordSerializer _serializer;
    private readonly StreamIdCache _streamIds;
    private readonly Stack<SqliteReader> _idle = new();
    private readonly Lock _gate = new();
    private bool _disposed;

    internal SqliteReaderPool(SqliteFile file, IRecordSerializer serializer, StreamIdCache streamIds)
    {
        _file = file;
        _serializer = serializer;
        _streamIds = streamIds;
    }

    /// <summary>An idle reader, or a new one.</summary>
    /// <exception cref="ObjectDisposedException">The store was disposed.</exception>
    internal SqliteReader Rent()
    {
        lock (_gate)
        {
            ObjectDisposedException.ThrowIf(_disposed, typeof(SqliteRecordStore));
            if (_idle.TryPop(out var reader)) return reader;
        }

        return new SqliteReader(_file.Open(queryOnly: true), _serializer, _streamIds);
    }

    /// <summary>Takes a reader back: kept for the next read, or closed if enough are idle or the store is disposed.</summary>
    /// <param name="reader">A reader from <see cref="Rent"/>, no longer in use.</param>
    internal void Return(SqliteReader reader)
    {
        lock (_gate)
        {
            if (!_disposed && _idle.Count < MaxIdle)
            {
                _idle.Push(reader);
                return;
            }
        }

        reader.Dispose();
    }

    /// <inheritdoc />
    public void Dispose()
    {
        SqliteReader[] idle;
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            idle = [.. _idle];
            _idle.Clear();
        }

        foreach (var reader in idle) reader.Dispose();
    }
}
