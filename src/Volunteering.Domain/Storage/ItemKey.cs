namespace Volunteering.Domain.Storage;

/// <summary>
/// The idempotency key of a stored record: a scope (what kind of id, e.g. <c>transfer</c>, <c>account</c>) and an id.
/// A store holds at most one record per key, so a command that carries its own id (a transfer id, a participation id)
/// is applied at most once however often it is retried. Scopes keep id spaces apart: the same GUID may be a transfer
/// and an account. The default value means "no key".
/// </summary>
/// <param name="Scope">1 to 32 characters of lower-case ASCII letters, digits, '.' and '-'.</param>
/// <param name="Id">The id; not empty.</param>
public readonly record struct ItemKey(string Scope, Guid Id)
{
    /// <summary>The longest scope a store must accept, in characters.</summary>
    public const int MaxScopeLength = 32;

    /// <summary>True for the default value: the record claims no key.</summary>
    public bool IsNone => Scope is null && Id == Guid.Empty;

    /// <summary>Checks a key that is not <see cref="IsNone"/>.</summary>
    /// <param name="parameterName">The parameter to name in the exception.</param>
    /// <exception cref="ArgumentException">The scope is empty, too long or has a character outside
    /// <c>[a-z0-9.-]</c>, or the id is empty.</exception>
    public void Validate(string parameterName)
    {
        if (string.IsNullOrEmpty(Scope) || Scope.Length > MaxScopeLength)
        {
            throw new ArgumentException($"An item key's scope is 1 to {MaxScopeLength} characters.", parameterName);
        }

        foreach (var c in Scope)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-'))
            {
                throw new ArgumentException($"An item key's scope is lower-case ASCII letters, digits, '.' and '-'; got \"{Scope}\".", parameterName);
            }
        }

        if (Id == Guid.Empty) throw new ArgumentException($"The item key {Scope}/{{empty}} has an empty id.", parameterName);
    }

    /// <summary><c>scope/id</c>, or <c>(none)</c>.</summary>
    public override string ToString() => IsNone ? "(none)" : string.Concat(Scope, "/", Id.ToString("D", null));
}
