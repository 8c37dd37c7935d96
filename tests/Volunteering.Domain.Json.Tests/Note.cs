namespace Volunteering.Domain.Json.Tests;

/// <summary>A test payload whose schema evolved: version 1 had only <c>text</c>; version 2 added <c>priority</c>
/// (optional, default 0).</summary>
public sealed record Note(string Text, int Priority = 0);
