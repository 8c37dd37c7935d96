namespace Volunteering.Domain.Storage;

/// <summary>Thrown by <see cref="PersistentLedger"/> when other writers kept moving the store's head through every
/// retry. Nothing of the failed operation was written; it is safe to retry later with the same transfer ids.</summary>
public sealed class LedgerConcurrencyException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LedgerConcurrencyException()
        : base("The ledger store kept changing under this writer; nothing was written.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What happened.</param>
    public LedgerConcurrencyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public LedgerConcurrencyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
