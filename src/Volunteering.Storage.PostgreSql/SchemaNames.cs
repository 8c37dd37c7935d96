using System.Text;

namespace Volunteering.Storage.PostgreSql;

/// <summary>A store's PostgreSQL schema: its name, the quoted form used in SQL, and the keys of its advisory locks.</summary>
internal sealed class SchemaNames
{
    /// <summary>The names for a schema already checked by <see cref="PostgreSqlStoreOptions.Schema"/>.</summary>
    /// <param name="schema">The schema name.</param>
    internal SchemaNames(string schema)
    {
        Schema = schema;
        Quoted = string.Concat("\"", schema, "\"");
        AppendLockKey = LockKey("volunteering.append:" + schema);
        MigrationLockKey = LockKey("volunteering.migrate:" + schema);
    }

    /// <summary>The schema name.</summary>
    internal string Schema { get; }

    /// <summary>The schema name as a quoted identifier.</summary>
    internal string Quoted { get; }

    /// <summary>The key of the transaction-scoped advisory lock every append of the schema holds from its first read
    /// to its commit.</summary>
    internal long AppendLockKey { get; }

    /// <summary>The key of the advisory lock migrations hold.</summary>
    internal long MigrationLockKey { get; }

    /// <summary>Replaces <c>{schema}</c> in SQL with the quoted schema name.</summary>
    /// <param name="sql">The SQL.</param>
    internal string Expand(string sql) => sql.Replace("{schema}", Quoted, StringComparison.Ordinal);

    /// <summary>A stable 64-bit key for a lock name (FNV-1a of its UTF-8 bytes): the same in every process and
    /// version. Two schemas whose keys collide would only take turns more than needed.</summary>
    private static long LockKey(string name)
    {
        const ulong Offset = 14695981039346656037UL, Prime = 1099511628211UL;
        var hash = Offset;
        foreach (var b in Encoding.UTF8.GetBytes(name))
        {
            hash ^= b;
            hash *= Prime;
        }

        return unchecked((long)hash);
    }
}
