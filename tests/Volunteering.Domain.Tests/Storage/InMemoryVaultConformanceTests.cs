using Volunteering.Storage.Testing;

namespace Volunteering.Domain.Tests.Storage;

// The vault conformance class run against the reference vault, InMemoryPersonalDataVault.

public sealed class InMemoryPersonalDataVaultConformanceTests(InMemoryPersonalDataVaultFixture fixture)
    : PersonalDataVaultConformanceTests<InMemoryPersonalDataVaultFixture>(fixture);
