namespace Volunteering.Domain.Json;

/// <summary>One problem in a JSON rulebook: where it is and what is wrong.</summary>
/// <param name="Path">The JSON path of the value at fault: <c>$</c> for the whole document,
/// <c>$.earning.perServiceMinutes.perUnits</c> for a field, <c>$.exchanges[1].direction</c> for a field of an array
/// item, <c>$.earning.bonuses['odd name']</c> for a name that is not a plain identifier, <c>$[2].version</c> in a
/// history.</param>
/// <param name="Reason">What is wrong and what is expected, e.g. <c>must be a whole number, 1 or more; got the number
/// 0</c>.</param>
public sealed record RulebookError(string Path, string Reason)
{
    /// <summary>The error as one line: <c>path: reason</c>.</summary>
    public override string ToString() => string.Concat(Path, ": ", Reason);
}
