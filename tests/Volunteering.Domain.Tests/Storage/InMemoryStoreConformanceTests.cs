using Volunteering.Storage.Testing;

namespace Volunteering.Domain.Tests.Storage;

// The conformance kit run against the reference store, InMemoryRecordStore: the kit's own test, and the behaviour every
// adapter is held to. An adapter's test project has the same classes with its own fixture.

public sealed class InMemoryAppendTests(InMemoryRecordStoreFixture fixture) : AppendConformanceTests<InMemoryRecordStoreFixture>(fixture);

public sealed class InMemoryExpectedVersionTests(InMemoryRecordStoreFixture fixture) : ExpectedVersionConformanceTests<InMemoryRecordStoreFixture>(fixture);

public sealed class InMemoryIdempotencyTests(InMemoryRecordStoreFixture fixture) : IdempotencyConformanceTests<InMemoryRecordStoreFixture>(fixture);

public sealed class InMemoryAtomicityTests(InMemoryRecordStoreFixture fixture) : AtomicityConformanceTests<InMemoryRecordStoreFixture>(fixture);

public sealed class InMemoryOrderingTests(InMemoryRecordStoreFixture fixture) : OrderingConformanceTests<InMemoryRecordStoreFixture>(fixture);

public sealed class InMemoryLinkTests(InMemoryRecordStoreFixture fixture) : LinkConformanceTests<InMemoryRecordStoreFixture>(fixture);

public sealed class InMemoryFidelityTests(InMemoryRecordStoreFixture fixture) : FidelityConformanceTests<InMemoryRecordStoreFixture>(fixture);

public sealed class InMemorySnapshotTests(InMemoryRecordStoreFixture fixture) : SnapshotConformanceTests<InMemoryRecordStoreFixture>(fixture);

public sealed class InMemoryProgrammerErrorTests(InMemoryRecordStoreFixture fixture) : ProgrammerErrorConformanceTests<InMemoryRecordStoreFixture>(fixture);

public sealed class InMemoryCancellationTests(InMemoryRecordStoreFixture fixture) : CancellationConformanceTests<InMemoryRecordStoreFixture>(fixture);

public sealed class InMemoryConcurrencyTests(InMemoryRecordStoreFixture fixture) : ConcurrencyConformanceTests<InMemoryRecordStoreFixture>(fixture);

public sealed class InMemoryReopenTests(InMemoryRecordStoreFixture fixture) : ReopenConformanceTests<InMemoryRecordStoreFixture>(fixture);

public sealed class InMemoryRecordModelTests(InMemoryRecordStoreFixture fixture) : RecordModelConformanceTests<InMemoryRecordStoreFixture>(fixture);

public sealed class InMemoryLedgerTests(InMemoryRecordStoreFixture fixture) : LedgerConformanceTests<InMemoryRecordStoreFixture>(fixture);

public sealed class InMemorySuiteTests(InMemoryRecordStoreFixture fixture) : SuiteConformanceTests<InMemoryRecordStoreFixture>(fixture);
