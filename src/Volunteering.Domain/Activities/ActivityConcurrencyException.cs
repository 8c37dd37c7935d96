namespace Volunteering.Domain.Activities;

/// <summary>Thrown by <see cref="ActivityDesk"/> when other writers kept changing the activity or the ledger through
/// every retry. Nothing of the failed command was written; it is safe to issue it again later.</summary>
public sealed class ActivityConcurrencyException : Exception
{
    /// <summary>Creates the exception.</summary>
    public ActivityConcurrencyException()
        : base("The activity or the ledger kept changing under this writer; nothing was written.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What happened.</param>
    public ActivityConcurrencyException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and a cause.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause.</param>
    public ActivityConcurrencyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
