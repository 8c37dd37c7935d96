namespace Volunteering.Domain.Aid;

/// <summary>Thrown by <see cref="AidDesk"/> when other writers kept changing the programme, the application, the wish or the ledger through
/// every retry. Nothing of the failed command was written; it is safe to issue it again later.</summary>
public sealed class AidConcurrencyException : Exception
{
    /// <summary>Creates the exception.</summary>
    public AidConcurrencyException()
        : base("The programme, the application, the wish or the ledger kept changing under this writer; nothing was written.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What happened.</param>
    public AidConcurrencyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public AidConcurrencyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
