namespace Volunteering.Domain.Storage;

/// <summary>Thrown when stored bytes cannot be read back as a record: an unknown type name, an unsupported schema
/// version, malformed or truncated data, a value of the wrong kind or out of range. The message names the type and the
/// field (as a JSON path where there is one); nothing half-built is returned.</summary>
public sealed class RecordFormatException : Exception
{
    /// <summary>Creates the exception.</summary>
    public RecordFormatException()
        : base("A stored record could not be read.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What is wrong, naming the field.</param>
    public RecordFormatException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What is wrong, naming the field.</param>
    /// <param name="innerException">The cause.</param>
    public RecordFormatException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception naming a field.</summary>
    /// <param name="message">What is wrong.</param>
    /// <param name="path">The field, as a JSON path such as <c>$.amount</c>.</param>
    /// <param name="innerException">The cause, or null.</param>
    public RecordFormatException(string message, string? path, Exception? innerException = null)
        : base(path is null ? message : $"{message} (at {path})", innerException)
    {
        Path = path;
    }

    /// <summary>The field at fault as a JSON path, when known.</summary>
    public string? Path { get; }
}
