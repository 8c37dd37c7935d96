using NodaTime;
using Npgsql;

namespace Volunteering.Storage.PostgreSql;

/// <summary>
/// The store's schema and how a database gets there. The steps are never edited once released: a change is a new step
/// at the end. Every missing step is applied in one transaction, under a transaction-scoped advisory lock of the
/// schema, so several processes opening a new or older schema at once migrate it exactly once, and a failed migration
/// leaves nothing behind. The schema's version is the highest row of <c>schema_version</c>.
/// </summary>
internal static class PostgreSqlSchema
{
    /// <summary>Version 1: the record store. Stream names are numbered in <c>streams</c> (ids assigned by the appender,
    /// which holds the append lock), every record is a row of <c>records</c> at its global position, and every place a
    /// record takes (its own stream and each link) a row of <c>stream_slots</c>, whose primary key is the
    /// expected-version guard; the unique index on item keys is the idempotency guard.</summary>
    internal const string Version1Sql = """
        CREATE TABLE {schema}.streams (
            id   bigint       NOT NULL PRIMARY KEY,
            name varchar(128) COLLATE "C" NOT NULL UNIQUE
        );
        CREATE TABLE {schema}.records (
            position       bigint      NOT NULL PRIMARY KEY,
            stream_id      bigint      NOT NULL,
            version        bigint      NOT NULL,
            links          bytea       NULL,
            item_scope     varchar(32) COLLATE "C" NULL,
            item_id        uuid        NULL,
            type_name      text        NOT NULL,
            schema_version integer     NOT NULL,
            data           bytea       NOT NULL,
            CHECK ((item_scope IS NULL) = (item_id IS NULL))
        );
        CREATE UNIQUE INDEX records_item ON {schema}.records (item_scope, item_id) WHERE item_scope IS NOT NULL;
        CREATE TABLE {schema}.stream_slots (
            stream_id bigint NOT NULL,
            version   bigint NOT NULL,
            position  bigint NOT NULL,
            PRIMARY KEY (stream_id, version)
        );
        CREATE TABLE {schema}.snapshots (
            stream         varchar(128) COLLATE "C" NOT NULL PRIMARY KEY,
            version        bigint       NOT NULL,
            type_name      text         NOT NULL,
            schema_version integer      NOT NULL,
            data           bytea        NOT NULL
        );
        """;

    /// <summary>Version 2: the personal-data vault, one row per data subject (a volunteer). Erasure deletes the row;
    /// nothing else refers to it, and no history of it is kept.</summary>
    internal const string Version2Sql = """
        CREATE TABLE {schema}.personal_data (
            subject_id     uuid        NOT NULL PRIMARY KEY,
            type_name      text        NOT NULL,
            schema_version integer     NOT NULL,
            data           bytea       NOT NULL,
            updated_at     timestamptz NOT NULL
        );
        """;

    /// <summary>The version table, created with the first step.</summary>
    internal const string VersionTableSql = """
        CREATE TABLE {schema}.schema_version (
            version     integer     NOT NULL PRIMARY KEY,
            description text        NOT NULL,
            applied_at  timestamptz NOT NULL
        );
        """;

    /// <summary>Every step, in order.</summary>
    internal static IReadOnlyList<SchemaMigration> Migrations { get; } =
    [
        new(1, "streams, records, stream_slots, records_item and snapshots", Version1Sql),
        new(2, "personal_data (the personal-data vault)", Version2Sql),
    ];

    /// <summary>The version the last step produces: what this code creates and reads.</summary>
    internal static int CurrentVersion => Migrations[^1].Version;

    /// <summary>Brings the schema up to <paramref name="targetVersion"/> in one transaction under the schema's
    /// migration lock, creating the PostgreSQL schema if needed.</summary>
    /// <param name="connection">An open connection outside any transaction.</param>
    /// <param name="names">The schema's names and lock keys.</param>
    /// <param name="clock">Dates the <c>schema_version</c> rows.</param>
    /// <param name="targetVersion">The version to reach; <see cref="CurrentVersion"/> but for tests.</param>
    /// <param name="cancellationToken">Cancels the migration (rolled back whole).</param>
    /// <returns>The schema's version before the call (0 for a new schema).</returns>
    /// <exception cref="PostgreSqlSchemaTooNewException">The schema is newer than <see cref="CurrentVersion"/>.</exception>
    internal static async Task<int> MigrateAsync(NpgsqlConnection connection, SchemaNames names, IClock clock, int targetVersion, CancellationToken cancellationToken)
    {
        ArgumentOutOfRangeException.ThrowIfGreaterThan(targetVersion, CurrentVersion);

        // A schema already up to date needs no lock and no write: this is what every open but the first does, and it
        // also lets a store open on a read-only hot standby (for statements and reports).
        var current = await ReadVersionAsync(connection, null, names, cancellationToken).ConfigureAwait(false);
        if (current > CurrentVersion) throw new PostgreSqlSchemaTooNewException(names.Schema, current, CurrentVersion);
        if (current >= targetVersion) return current;

        await using var transaction = await connection.BeginTransactionAsync(System.Data.IsolationLevel.ReadCommitted, cancellationToken).ConfigureAwait(false);
        await using (var command = new NpgsqlCommand("SELECT pg_advisory_xact_lock($1)", connection, transaction))
        {
            command.Parameters.Add(new NpgsqlParameter { Value = names.MigrationLockKey });
            await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        var version = await ReadVersionAsync(connection, transaction, names, cancellationToken).ConfigureAwait(false);
        if (version > CurrentVersion) throw new PostgreSqlSchemaTooNewException(names.Schema, version, CurrentVersion);
        if (version >= targetVersion)
        {
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return version;
        }

        if (version == 0)
        {
            await ExecuteAsync(connection, transaction, $"CREATE SCHEMA IF NOT EXISTS {names.Quoted}", cancellationToken).ConfigureAwait(false);
            await ExecuteAsync(connection, transaction, names.Expand(VersionTableSql), cancellationToken).ConfigureAwait(false);
        }

        var now = clock.GetCurrentInstant();
        foreach (var step in Migrations)
        {
            if (step.Version <= version) continue;
            if (step.Version > targetVersion) break;
            await ExecuteAsync(connection, transaction, names.Expand(step.Sql), cancellationToken).ConfigureAwait(false);
            await using var record = new NpgsqlCommand(names.Expand("INSERT INTO {schema}.schema_version (version, description, applied_at) VALUES ($1, $2, $3)"), connection, transaction);
            record.Parameters.Add(new NpgsqlParameter { Value = step.Version });
            record.Parameters.Add(new NpgsqlParameter { Value = step.Description });
            record.Parameters.Add(new NpgsqlParameter { Value = now });
            await record.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return version;
    }

    /// <summary>The schema's version: 0 when it has no <c>schema_version</c> table (or does not exist).</summary>
    internal static async Task<int> ReadVersionAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, SchemaNames names, CancellationToken cancellationToken)
    {
        // A plain query of the catalogs, not to_regclass: it reads them with the statement's own snapshot (so it sees a
        // table another session created while this one waited for the lock), and opening pg_class makes the session
        // take in the catalog changes committed meanwhile, so the name lookups of the next statements are current too.
        await using var exists = new NpgsqlCommand("""
            SELECT EXISTS (SELECT 1 FROM pg_catalog.pg_class c JOIN pg_catalog.pg_namespace n ON n.oid = c.relnamespace
                           WHERE n.nspname = $1 AND c.relname = 'schema_version')
            """, connection, transaction);
        exists.Parameters.Add(new NpgsqlParameter { Value = names.Schema });
        if (!(bool)(await exists.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!) return 0;
        await using var max = new NpgsqlCommand(names.Expand("SELECT coalesce(max(version), 0) FROM {schema}.schema_version"), connection, transaction);
        return (int)(await max.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }
}
