using Microsoft.Data.Sqlite;
using NodaTime;
using NodaTime.Text;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Storage;
using Volunteering.Domain.Volunteers;

namespace Volunteering.Storage.Sqlite;

/// <summary>
/// The SQLite <see cref="IPersonalDataVault"/>: volunteers' personal data in the <c>personal_data</c> table of a store
/// file (schema version 3), one row per volunteer, beside the records of a <see cref="SqliteRecordStore"/> on the same
/// file or in a file of its own. Personal data never enters the <c>records</c> table.
/// </summary>
/// <remarks>
/// <para><b>Its own connection.</b> The vault opens one connection of its own, separate from any store's, with
/// <c>PRAGMA secure_delete = ON</c>: SQLite then overwrites with zeros the bytes of every row the vault deletes or
/// replaces, on the page itself and on pages it frees, instead of leaving them in free space. The store's connection
/// keeps SQLite's default, so appends pay nothing for it.</para>
/// <para><b>Erasure</b> deletes the row for good (no soft delete, no history) and answers whether a row was there.
/// In WAL mode the change goes first to the <c>-wal</c> file, which still holds the frames written before it (among
/// them the page with the erased bytes) until a checkpoint copies the new page into the main file and the WAL is
/// reset. So after the delete commits, <see cref="EraseAsync"/> runs <c>PRAGMA wal_checkpoint(TRUNCATE)</c>, which
/// waits (up to the busy timeout) for readers on older snapshots, copies every frame and truncates the WAL to zero
/// bytes. If a reader holds an old snapshot for longer, the checkpoint is incomplete and the erased bytes stay in the
/// WAL until a later checkpoint (SQLite checkpoints automatically, and when the last connection closes); the data is
/// gone from every query either way. Copies of the file made before the erasure (backups) are outside its reach.</para>
/// <para>Safe for concurrent callers (one call at a time runs on the connection). Dispose the vault to close it.</para>
/// </remarks>
public sealed class SqlitePersonalDataVault : IPersonalDataVault, IAsyncDisposable, IDisposable
{
    private readonly SqliteFile _file;
    private readonly IRecordSerializer _serializer;
    private readonly IClock _clock;
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _put;
    private readonly SqliteCommand _get;
    private readonly SqliteCommand _erase;
    private readonly SqliteCommand _checkpoint;
    private readonly byte[] _id = new byte[16];
    private readonly Lock _gate = new();
    private bool _disposed;

    private SqlitePersonalDataVault(SqliteFile file, IRecordSerializer serializer, IClock clock, SqliteConnection connection)
    {
        _file = file;
        _serializer = serializer;
        _clock = clock;
        _connection = connection;
        SqliteFile.Execute(connection, "PRAGMA secure_delete = ON");
        _put = Prepare("""
            INSERT INTO personal_data (subject_id, type, schema_version, data, updated_at)
            VALUES ($id, $type, $schemaVersion, $data, $updatedAt)
            ON CONFLICT (subject_id) DO UPDATE SET
                type = excluded.type, schema_version = excluded.schema_version, data = excluded.data, updated_at = excluded.updated_at
            """);
        _get = Prepare("SELECT type, schema_version, data FROM personal_data WHERE subject_id = $id");
        _erase = Prepare("DELETE FROM personal_data WHERE subject_id = $id");
        _checkpoint = Prepare("PRAGMA wal_checkpoint(TRUNCATE)");
    }

    /// <summary>The full path of the database file.</summary>
    public string FilePath => _file.Path;

    /// <summary>Opens the vault in a store file, creating the file and migrating its schema as
    /// <see cref="SqliteRecordStore.OpenAsync"/> does (so either may be opened first).</summary>
    /// <param name="options">The file and settings; <see cref="SqliteStoreOptions.Serializer"/> must know
    /// <see cref="PersonalData"/> (<see cref="Domain.Json.JsonRecordSerializer.Default"/> does, as
    /// <c>volunteer.personal-data</c>).</param>
    /// <param name="clock">Dates each row's <c>updated_at</c>; default the system clock.</param>
    /// <param name="cancellationToken">Cancels before the file is opened.</param>
    /// <returns>The open vault; dispose it to close its connection.</returns>
    /// <exception cref="SqliteSchemaTooNewException">The file was written by a newer version of this package.</exception>
    /// <exception cref="DirectoryNotFoundException">The file's folder does not exist.</exception>
    /// <exception cref="TimeoutException">Another connection held the file locked for longer than the busy timeout.</exception>
    public static ValueTask<SqlitePersonalDataVault> OpenAsync(SqliteStoreOptions options, IClock? clock = null, CancellationToken cancellationToken = default)
    {
        try
        {
            ArgumentNullException.ThrowIfNull(options);
            ArgumentNullException.ThrowIfNull(options.Serializer, nameof(options));
            cancellationToken.ThrowIfCancellationRequested();
            var file = new SqliteFile(options);
            var connection = file.OpenMigrated();
            try
            {
                return ValueTask.FromResult(new SqlitePersonalDataVault(file, options.Serializer, clock ?? SystemClock.Instance, connection));
            }
            catch
            {
                connection.Dispose();
                throw;
            }
        }
        catch (Exception exception)
        {
            return ValueTask.FromException<SqlitePersonalDataVault>(exception);
        }
    }

    /// <inheritdoc />
    public ValueTask PutAsync(VolunteerId volunteer, PersonalData data, CancellationToken cancellationToken = default)
    {
        try
        {
            GuardId(volunteer);
            ArgumentNullException.ThrowIfNull(data);
            var payload = _serializer.Serialize(data);
            cancellationToken.ThrowIfCancellationRequested();
            lock (_gate)
            {
                ThrowIfDisposed();
                Bind(_put, volunteer);
                _put.Parameters["$type"].Value = payload.TypeName;
                _put.Parameters["$schemaVersion"].Value = payload.SchemaVersion;
                _put.Parameters["$data"].Value = payload.Data.ToArray();
                _put.Parameters["$updatedAt"].Value = InstantPattern.ExtendedIso.Format(_clock.GetCurrentInstant());
                Busy(_put.ExecuteNonQuery);
            }

            return ValueTask.CompletedTask;
        }
        catch (Exception exception)
        {
            return ValueTask.FromException(exception);
        }
    }

    /// <inheritdoc />
    /// <exception cref="RecordFormatException">The stored row cannot be read back as personal data.</exception>
    public ValueTask<PersonalData?> GetAsync(VolunteerId volunteer, CancellationToken cancellationToken = default)
    {
        try
        {
            GuardId(volunteer);
            cancellationToken.ThrowIfCancellationRequested();
            string type;
            int schemaVersion;
            byte[] data;
            lock (_gate)
            {
                ThrowIfDisposed();
                Bind(_get, volunteer);
                using var reader = Busy(_get.ExecuteReader);
                if (!reader.Read()) return ValueTask.FromResult<PersonalData?>(null);
                type = reader.GetString(0);
                schemaVersion = reader.GetInt32(1);
                data = (byte[])reader.GetValue(2);
            }

            var payload = _serializer.Deserialize(type, schemaVersion, data);
            return ValueTask.FromResult<PersonalData?>(payload as PersonalData
                ?? throw new RecordFormatException($"The personal_data row of {volunteer} holds a {type}, not personal data."));
        }
        catch (Exception exception)
        {
            return ValueTask.FromException<PersonalData?>(exception);
        }
    }

    /// <inheritdoc />
    public ValueTask<bool> EraseAsync(VolunteerId volunteer, CancellationToken cancellationToken = default)
    {
        try
        {
            GuardId(volunteer);
            cancellationToken.ThrowIfCancellationRequested();
            lock (_gate)
            {
                ThrowIfDisposed();
                Bind(_erase, volunteer);
                var erased = Busy(_erase.ExecuteNonQuery) > 0;
                if (erased) CheckpointCore();
                return ValueTask.FromResult(erased);
            }
        }
        catch (Exception exception)
        {
            return ValueTask.FromException<bool>(exception);
        }
    }

    /// <summary>Copies every committed change into the main file and truncates the WAL, so that bytes the vault
    /// erased are in neither (see the remarks). <see cref="EraseAsync"/> does this itself; call it after a batch of
    /// erasures that found readers in the way.</summary>
    /// <returns>True when the checkpoint completed; false when a reader on an older snapshot kept it from finishing.</returns>
    public bool Checkpoint()
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            return CheckpointCore();
        }
    }

    private bool CheckpointCore()
    {
        try
        {
            using var reader = _checkpoint.ExecuteReader();
            return reader.Read() && reader.GetInt64(0) == 0;
        }
        catch (SqliteException exception) when (SqliteFile.IsBusy(exception))
        {
            return false;
        }
    }

    /// <summary>Reads a pragma on the vault's connection (for tests: <c>secure_delete</c>, ...).</summary>
    /// <param name="name">The pragma's name.</param>
    internal object? ReadPragma(string name)
    {
        lock (_gate)
        {
            ThrowIfDisposed();
            return SqliteFile.Scalar(_connection, "PRAGMA " + name);
        }
    }

    /// <summary>Closes the vault's connection.</summary>
    public void Dispose()
    {
        lock (_gate)
        {
            if (_disposed) return;
            _disposed = true;
            _put.Dispose();
            _get.Dispose();
            _erase.Dispose();
            _checkpoint.Dispose();
            _connection.Dispose();
        }
    }

    /// <summary>Closes the vault's connection.</summary>
    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    private SqliteCommand Prepare(string sql)
    {
        var command = _connection.CreateCommand();
        command.CommandText = sql;
        foreach (var name in new[] { "$id", "$type", "$schemaVersion", "$data", "$updatedAt" })
        {
            if (sql.Contains(name, StringComparison.Ordinal)) command.Parameters.Add(name, name == "$id" || name == "$data" ? SqliteType.Blob : name == "$schemaVersion" ? SqliteType.Integer : SqliteType.Text);
        }

        return command;
    }

    private void Bind(SqliteCommand command, VolunteerId volunteer)
    {
        volunteer.Value.TryWriteBytes(_id, bigEndian: true, out _);
        command.Parameters["$id"].Value = _id;
    }

    private T Busy<T>(Func<T> action)
    {
        try
        {
            return action();
        }
        catch (SqliteException exception) when (SqliteFile.IsBusy(exception))
        {
            throw _file.BusyTimeoutExpired(exception);
        }
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(_disposed, this);

    private static void GuardId(VolunteerId volunteer)
    {
        if (volunteer.IsEmpty) throw new ArgumentException("The volunteer id must not be empty.", nameof(volunteer));
    }
}
