namespace Volunteering.Domain.LoveBank;

/// <summary>Thrown by <see cref="LoveBankDesk"/> when other writers kept changing the passbook, the catalogue or the
/// ledger through every retry. Nothing of the failed command was written; it is safe to issue it again later.</summary>
public sealed class LoveBankConcurrencyException : Exception
{
    /// <summary>Creates the exception.</summary>
    public LoveBankConcurrencyException()
        : base("The passbook, the catalogue or the ledger kept changing under this writer; nothing was written.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What happened.</param>
    public LoveBankConcurrencyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public LoveBankConcurrencyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
