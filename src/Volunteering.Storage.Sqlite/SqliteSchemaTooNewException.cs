namespace Volunteering.Storage.Sqlite;

/// <summary>Thrown by <see cref="SqliteRecordStore.OpenAsync"/> when the file was written by a newer version of this
/// package: its schema version is above <see cref="SqliteRecordStore.SchemaVersion"/>. The file is left untouched;
/// open it with the newer package.</summary>
public sealed class SqliteSchemaTooNewException : Exception
{
    /// <summary>Creates the exception.</summary>
    public SqliteSchemaTooNewException()
        : base("The SQLite store file has a newer schema than this version of Volunteering.Storage.Sqlite supports.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What happened.</param>
    public SqliteSchemaTooNewException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public SqliteSchemaTooNewException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for a file.</summary>
    /// <param name="filePath">The store file.</param>
    /// <param name="fileVersion">The schema version recorded in the file.</param>
    /// <param name="supportedVersion">The newest schema version this code knows.</param>
    public SqliteSchemaTooNewException(string filePath, int fileVersion, int supportedVersion)
        : base($"The SQLite store file '{filePath}' has schema version {fileVersion}, but this version of Volunteering.Storage.Sqlite knows versions up to {supportedVersion}. Open it with a newer version of the package; the file was not changed.")
    {
        FilePath = filePath;
        FileVersion = fileVersion;
        SupportedVersion = supportedVersion;
    }

    /// <summary>The store file, when known.</summary>
    public string? FilePath { get; }

    /// <summary>The schema version recorded in the file; 0 when unknown.</summary>
    public int FileVersion { get; }

    /// <summary>The newest schema version this code knows; 0 when unknown.</summary>
    public int SupportedVersion { get; }
}
