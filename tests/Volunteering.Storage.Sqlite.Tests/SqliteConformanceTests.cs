using Volunteering.Storage.Testing;

namespace Volunteering.Storage.Sqlite.Tests;

// The whole conformance kit run against the SQLite store: one subclass per kit class, each with SqliteStoreFixture.

public sealed class SqliteAppendTests(SqliteStoreFixture fixture) : AppendConformanceTests<SqliteStoreFixture>(fixture);

public sealed class SqliteExpectedVersionTests(SqliteStoreFixture fixture) : ExpectedVersionConformanceTests<SqliteStoreFixture>(fixture);

public sealed class SqliteIdempotencyTests(SqliteStoreFixture fixture) : IdempotencyConformanceTests<SqliteStoreFixture>(fixture);

public sealed class SqliteAtomicityTests(SqliteStoreFixture fixture) : AtomicityConformanceTests<SqliteStoreFixture>(fixture);

public sealed class SqliteOrderingTests(SqliteStoreFixture fixture) : OrderingConformanceTests<SqliteStoreFixture>(fixture);

public sealed class SqliteLinkTests(SqliteStoreFixture fixture) : LinkConformanceTests<SqliteStoreFixture>(fixture);

public sealed class SqliteFidelityTests(SqliteStoreFixture fixture) : FidelityConformanceTests<SqliteStoreFixture>(fixture);

public sealed class SqliteSnapshotTests(SqliteStoreFixture fixture) : SnapshotConformanceTests<SqliteStoreFixture>(fixture);

public sealed class SqliteProgrammerErrorTests(SqliteStoreFixture fixture) : ProgrammerErrorConformanceTests<SqliteStoreFixture>(fixture);

public sealed class SqliteCancellationTests(SqliteStoreFixture fixture) : CancellationConformanceTests<SqliteStoreFixture>(fixture);

public sealed class SqliteConcurrencyTests(SqliteStoreFixture fixture) : ConcurrencyConformanceTests<SqliteStoreFixture>(fixture);

public sealed class SqliteReopenTests(SqliteStoreFixture fixture) : ReopenConformanceTests<SqliteStoreFixture>(fixture);

public sealed class SqliteRecordModelTests(SqliteStoreFixture fixture) : RecordModelConformanceTests<SqliteStoreFixture>(fixture);

public sealed class SqliteLedgerTests(SqliteStoreFixture fixture) : LedgerConformanceTests<SqliteStoreFixture>(fixture);

public sealed class SqliteSuiteTests(SqliteStoreFixture fixture) : SuiteConformanceTests<SqliteStoreFixture>(fixture);

public sealed class SqliteVaultTests(SqliteVaultFixture fixture) : PersonalDataVaultConformanceTests<SqliteVaultFixture>(fixture);
