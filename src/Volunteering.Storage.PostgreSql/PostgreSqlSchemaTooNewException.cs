namespace Volunteering.Storage.PostgreSql;

/// <summary>Thrown by <see cref="PostgreSqlRecordStore.OpenAsync"/> and <see cref="PostgreSqlPersonalDataVault.OpenAsync"/>
/// when the schema was written by a newer version of this package: its version is above
/// <see cref="PostgreSqlRecordStore.SchemaVersion"/>. Nothing in the database was changed; open it with the newer
/// package.</summary>
public sealed class PostgreSqlSchemaTooNewException : Exception
{
    /// <summary>Creates the exception.</summary>
    public PostgreSqlSchemaTooNewException()
        : base("The PostgreSQL store schema is newer than this version of Volunteering.Storage.PostgreSql supports.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What happened.</param>
    public PostgreSqlSchemaTooNewException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public PostgreSqlSchemaTooNewException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a schema.</summary>
    /// <param name="schema">The PostgreSQL schema of the store.</param>
    /// <param name="databaseVersion">The version recorded in its <c>schema_version</c> table.</param>
    /// <param name="supportedVersion">The newest version this code knows.</param>
    public PostgreSqlSchemaTooNewException(string schema, int databaseVersion, int supportedVersion)
        : base($"The PostgreSQL store in schema \"{schema}\" has schema version {databaseVersion}, but this version of Volunteering.Storage.PostgreSql knows versions up to {supportedVersion}. Open it with a newer version of the package; nothing was changed.")
    {
        Schema = schema;
        DatabaseVersion = databaseVersion;
        SupportedVersion = supportedVersion;
    }

    /// <summary>The PostgreSQL schema of the store, when known.</summary>
    public string? Schema { get; }

    /// <summary>The schema version recorded in the database; 0 when unknown.</summary>
    public int DatabaseVersion { get; }

    /// <summary>The newest schema version this code knows; 0 when unknown.</summary>
    public int SupportedVersion { get; }
}
