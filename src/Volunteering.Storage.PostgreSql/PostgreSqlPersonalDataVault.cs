using NodaTime;
using Npgsql;
using Volunteering.Domain.Identity;
using Volunteering.Domain.Storage;
using Volunteering.Domain.Volunteers;

namespace Volunteering.Storage.PostgreSql;

/// <summary>
/// The PostgreSQL <see cref="IPersonalDataVault"/>: volunteers' personal data in the <c>personal_data</c> table of a
/// store's schema (schema version 2), one row per volunteer keyed by the id (<c>uuid</c>), with the instant of the last
/// put as <c>timestamptz</c>. Personal data never enters the <c>records</c> table.
/// </summary>
/// <remarks>
/// <para><b>Erasure</b> deletes the row for good (no soft delete, no history table, nothing refers to it) and answers
/// whether a row was there; once the call returns, no query returns the data. PostgreSQL keeps the bytes of a deleted
/// row version in the table's files as a dead tuple until a vacuum prunes it and the space is reused, and in the
/// write-ahead log until the segment is recycled. <see cref="PurgeErasedAsync"/> runs <c>VACUUM FULL</c> on the table,
/// which rewrites it into new files holding only the live rows and deletes the old ones, so erased values are in no
/// file of the table afterwards — except a value whose deletion a transaction still running might not see yet (one
/// that began before the erasure): PostgreSQL keeps that row version until such transactions end, and the next purge
/// removes it. Schedule purges after erasures (the table is locked while one runs). WAL archives, replicas'
/// logs and backups made before it are outside its reach: expire them, or erase there too.</para>
/// <para>Safe for concurrent callers; each call runs on a pooled connection. Dispose the vault to close the connections
/// of a data source it built itself.</para>
/// </remarks>
public sealed class PostgreSqlPersonalDataVault : IPersonalDataVault, IAsyncDisposable
{
    private readonly PostgreSqlDatabase _database;
    private readonly IClock _clock;
    private readonly string _put;
    private readonly string _get;
    private readonly string _erase;
    private readonly string _purge;
    private int _disposed;

    private PostgreSqlPersonalDataVault(PostgreSqlDatabase database, IClock clock)
    {
        _database = database;
        _clock = clock;
        var names = database.Names;
        _put = names.Expand("""
            INSERT INTO {schema}.personal_data (subject_id, type_name, schema_version, data, updated_at) VALUES ($1, $2, $3, $4, $5)
            ON CONFLICT (subject_id) DO UPDATE SET
                type_name = excluded.type_name, schema_version = excluded.schema_version, data = excluded.data, updated_at = excluded.updated_at
            """);
        _get = names.Expand("SELECT type_name, schema_version, data FROM {schema}.personal_data WHERE subject_id = $1");
        _erase = names.Expand("DELETE FROM {schema}.personal_data WHERE subject_id = $1");
        _purge = names.Expand("VACUUM FULL {schema}.personal_data");
    }

    /// <summary>The PostgreSQL schema that holds the vault's table.</summary>
    public string Schema => _database.Names.Schema;

    /// <summary>Opens the vault in a store's schema, creating and migrating it as
    /// <see cref="PostgreSqlRecordStore.OpenAsync"/> does (so either may be opened first).</summary>
    /// <param name="options">The database and settings; <see cref="PostgreSqlStoreOptions.Serializer"/> must know
    /// <see cref="PersonalData"/> (<see cref="Domain.Json.JsonRecordSerializer.Default"/> does, as
    /// <c>volunteer.personal-data</c>).</param>
    /// <param name="clock">Dates each row's <c>updated_at</c>; default the system clock.</param>
    /// <param name="cancellationToken">Cancels the opening.</param>
    /// <returns>The open vault; dispose it when done.</returns>
    /// <exception cref="PostgreSqlSchemaTooNewException">The schema was written by a newer version of this package.</exception>
    /// <exception cref="InvalidOperationException">The application's data source was built without <c>UseNodaTime()</c>.</exception>
    public static async ValueTask<PostgreSqlPersonalDataVault> OpenAsync(PostgreSqlStoreOptions options, IClock? clock = null, CancellationToken cancellationToken = default)
    {
        var database = await PostgreSqlDatabase.OpenAsync(options, clock ?? SystemClock.Instance, cancellationToken).ConfigureAwait(false);
        return new PostgreSqlPersonalDataVault(database, clock ?? SystemClock.Instance);
    }

    /// <inheritdoc />
    public async ValueTask PutAsync(VolunteerId volunteer, PersonalData data, CancellationToken cancellationToken = default)
    {
        GuardId(volunteer);
        ArgumentNullException.ThrowIfNull(data);
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfDisposed();
        var payload = _database.Serializer.Serialize(data);
        await using var connection = await _database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(_put, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = volunteer.Value });
        command.Parameters.Add(new NpgsqlParameter { Value = payload.TypeName });
        command.Parameters.Add(new NpgsqlParameter { Value = payload.SchemaVersion });
        command.Parameters.Add(new NpgsqlParameter { Value = payload.Data.ToArray() });
        command.Parameters.Add(new NpgsqlParameter { Value = _clock.GetCurrentInstant() });
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <inheritdoc />
    /// <exception cref="RecordFormatException">The stored row cannot be read back as personal data.</exception>
    public async ValueTask<PersonalData?> GetAsync(VolunteerId volunteer, CancellationToken cancellationToken = default)
    {
        GuardId(volunteer);
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfDisposed();
        string type;
        int schemaVersion;
        byte[] data;
        await using (var connection = await _database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false))
        await using (var command = new NpgsqlCommand(_get, connection))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = volunteer.Value });
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            if (!await reader.ReadAsync(cancellationToken).ConfigureAwait(false)) return null;
            type = reader.GetString(0);
            schemaVersion = reader.GetInt32(1);
            data = reader.GetFieldValue<byte[]>(2);
        }

        return _database.Serializer.Deserialize(type, schemaVersion, data) as PersonalData
            ?? throw new RecordFormatException($"The personal_data row of {volunteer} holds a {type}, not personal data.");
    }

    /// <inheritdoc />
    public async ValueTask<bool> EraseAsync(VolunteerId volunteer, CancellationToken cancellationToken = default)
    {
        GuardId(volunteer);
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfDisposed();
        await using var connection = await _database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(_erase, connection);
        command.Parameters.Add(new NpgsqlParameter { Value = volunteer.Value });
        return await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false) > 0;
    }

    /// <summary>Rewrites the <c>personal_data</c> table (<c>VACUUM FULL</c>) so the bytes of erased and replaced values
    /// are in none of its files (see the remarks). It takes an exclusive lock on the table while it runs: puts and gets
    /// wait for it.</summary>
    /// <param name="cancellationToken">Cancels the call.</param>
    public async ValueTask PurgeErasedAsync(CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        ThrowIfDisposed();
        await using var connection = await _database.DataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var command = new NpgsqlCommand(_purge, connection);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Closes the connections of a data source the vault built itself.</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) != 0) return;
        await _database.DisposeAsync().ConfigureAwait(false);
    }

    private void ThrowIfDisposed() => ObjectDisposedException.ThrowIf(Volatile.Read(ref _disposed) != 0, this);

    private static void GuardId(VolunteerId volunteer)
    {
        if (volunteer.IsEmpty) throw new ArgumentException("The volunteer id must not be empty.", nameof(volunteer));
    }
}
