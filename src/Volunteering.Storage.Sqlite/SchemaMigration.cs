namespace Volunteering.Storage.Sqlite;

/// <summary>One step of the store's schema history: the SQL that takes a file from <see cref="Version"/> − 1 to
/// <see cref="Version"/>. Applied in its own transaction together with its row in <c>schema_version</c>.</summary>
/// <param name="Version">The schema version the step produces; the steps are numbered 1, 2, 3, ...</param>
/// <param name="Description">What the step adds, recorded in <c>schema_version</c>.</param>
/// <param name="Sql">The statements; they must not commit or roll back themselves.</param>
internal sealed record SchemaMigration(int Version, string Description, string Sql);
