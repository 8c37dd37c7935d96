using Volunteering.Storage.Testing;

namespace Volunteering.Storage.PostgreSql.Tests;

// The whole conformance kit run against the PostgreSQL store: one subclass per kit class, each with PostgreSqlStoreFixture.

public sealed class PostgreSqlAppendTests(PostgreSqlStoreFixture fixture) : AppendConformanceTests<PostgreSqlStoreFixture>(fixture);

public sealed class PostgreSqlExpectedVersionTests(PostgreSqlStoreFixture fixture) : ExpectedVersionConformanceTests<PostgreSqlStoreFixture>(fixture);

public sealed class PostgreSqlIdempotencyTests(PostgreSqlStoreFixture fixture) : IdempotencyConformanceTests<PostgreSqlStoreFixture>(fixture);

public sealed class PostgreSqlAtomicityTests(PostgreSqlStoreFixture fixture) : AtomicityConformanceTests<PostgreSqlStoreFixture>(fixture);

public sealed class PostgreSqlOrderingTests(PostgreSqlStoreFixture fixture) : OrderingConformanceTests<PostgreSqlStoreFixture>(fixture);

public sealed class PostgreSqlLinkTests(PostgreSqlStoreFixture fixture) : LinkConformanceTests<PostgreSqlStoreFixture>(fixture);

public sealed class PostgreSqlFidelityTests(PostgreSqlStoreFixture fixture) : FidelityConformanceTests<PostgreSqlStoreFixture>(fixture);

public sealed class PostgreSqlSnapshotTests(PostgreSqlStoreFixture fixture) : SnapshotConformanceTests<PostgreSqlStoreFixture>(fixture);

public sealed class PostgreSqlProgrammerErrorTests(PostgreSqlStoreFixture fixture) : ProgrammerErrorConformanceTests<PostgreSqlStoreFixture>(fixture);

public sealed class PostgreSqlCancellationTests(PostgreSqlStoreFixture fixture) : CancellationConformanceTests<PostgreSqlStoreFixture>(fixture);

public sealed class PostgreSqlConcurrencyTests(PostgreSqlStoreFixture fixture) : ConcurrencyConformanceTests<PostgreSqlStoreFixture>(fixture);

public sealed class PostgreSqlReopenTests(PostgreSqlStoreFixture fixture) : ReopenConformanceTests<PostgreSqlStoreFixture>(fixture);

public sealed class PostgreSqlRecordModelTests(PostgreSqlStoreFixture fixture) : RecordModelConformanceTests<PostgreSqlStoreFixture>(fixture);

public sealed class PostgreSqlLedgerTests(PostgreSqlStoreFixture fixture) : LedgerConformanceTests<PostgreSqlStoreFixture>(fixture);

public sealed class PostgreSqlSuiteTests(PostgreSqlStoreFixture fixture) : SuiteConformanceTests<PostgreSqlStoreFixture>(fixture);

public sealed class PostgreSqlVaultTests(PostgreSqlVaultFixture fixture) : PersonalDataVaultConformanceTests<PostgreSqlVaultFixture>(fixture);
