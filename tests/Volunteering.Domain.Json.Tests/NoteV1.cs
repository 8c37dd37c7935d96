namespace Volunteering.Domain.Json.Tests;

/// <summary>The stored shape of a version-1 note.</summary>
public sealed record NoteV1(string Text);
