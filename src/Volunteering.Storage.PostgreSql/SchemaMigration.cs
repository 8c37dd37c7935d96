namespace Volunteering.Storage.PostgreSql;

/// <summary>One step of the store's schema history: the SQL that takes a schema from <see cref="Version"/> − 1 to
/// <see cref="Version"/>. <c>{schema}</c> in the SQL stands for the quoted schema name.</summary>
/// <param name="Version">The schema version the step produces; the steps are numbered 1, 2, 3, ...</param>
/// <param name="Description">What the step adds, recorded in <c>schema_version</c>.</param>
/// <param name="Sql">The statements; they must not commit or roll back themselves.</param>
internal sealed record SchemaMigration(int Version, string Description, string Sql);
