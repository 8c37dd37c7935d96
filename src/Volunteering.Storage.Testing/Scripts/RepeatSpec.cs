namespace Volunteering.Storage.Testing.Scripts;

/// <summary>Submit an earlier request again: unchanged, which must answer <c>Exists</c> or <c>IdAlreadyFailed</c>, or
/// with one field changed, which must answer an <c>ExistsWithDifferent…</c> code.</summary>
/// <param name="Back">How far back: 0 the most recent request, 1 the one before, … (modulo the history).</param>
/// <param name="Mutation">0 unchanged; 1 amount + 1; 3 code + 1; 4 debit and credit swapped, or another related
/// transfer; 5 expiry added or removed; 6 another kind; anything else another memo.</param>
public sealed record RepeatSpec(int Back, int Mutation) : TransferSpec;
