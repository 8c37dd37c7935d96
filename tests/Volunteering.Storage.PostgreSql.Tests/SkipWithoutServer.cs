using System.Reflection;
using Xunit.Abstractions;
using Xunit.Sdk;

[assembly: TestFramework("Volunteering.Storage.PostgreSql.Tests.SkipWithoutServerFramework", "Volunteering.Storage.PostgreSql.Tests")]

namespace Volunteering.Storage.PostgreSql.Tests;

/// <summary>
/// How this assembly's tests are skipped, honestly, when there is no PostgreSQL server. Most tests here are inherited
/// from the conformance kit, whose <c>[Fact]</c> and FsCheck <c>[Property]</c> attributes cannot be swapped for
/// skippable ones, and xunit 2 has no skipping from inside a test. So this test framework (xunit's own, plus one step)
/// looks at <see cref="PostgreSqlServer.SkipReason"/> when the run starts: when it is set (no
/// <see cref="PostgreSqlServer.Variable"/> and not CI), every test of a class not marked
/// <see cref="RunsWithoutServerAttribute"/> is reported as skipped with that reason, and is not run. When the variable is
/// set, or in CI, every test runs as usual, and in CI without a server the fixtures fail with a message saying why.
/// </summary>
public sealed class SkipWithoutServerFramework(IMessageSink messageSink) : XunitTestFramework(messageSink)
{
    /// <inheritdoc />
    protected override ITestFrameworkExecutor CreateExecutor(AssemblyName assemblyName)
        => new Executor(assemblyName, SourceInformationProvider, DiagnosticMessageSink);

    private sealed class Executor(AssemblyName assemblyName, ISourceInformationProvider sourceInformationProvider, IMessageSink diagnosticMessageSink)
        : XunitTestFrameworkExecutor(assemblyName, sourceInformationProvider, diagnosticMessageSink)
    {
        protected override void RunTestCases(IEnumerable<IXunitTestCase> testCases, IMessageSink executionMessageSink, ITestFrameworkExecutionOptions executionOptions)
        {
            if (PostgreSqlServer.SkipReason is { } reason)
            {
                var marker = typeof(RunsWithoutServerAttribute).AssemblyQualifiedName!;
                testCases = testCases
                    .Select(c => c.TestMethod.TestClass.Class.GetCustomAttributes(marker).Any() ? c : new SkippedTestCase(c, reason))
                    .ToList();
            }

            base.RunTestCases(testCases, executionMessageSink, executionOptions);
        }
    }
}

/// <summary>Marks a test class that needs no PostgreSQL server, so it runs even when the others are skipped.</summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class RunsWithoutServerAttribute : Attribute;

/// <summary>A test case reported as skipped with a reason instead of being run; everything else is the wrapped case's.</summary>
public sealed class SkippedTestCase : LongLivedMarshalByRefObject, IXunitTestCase
{
    private IXunitTestCase _inner;
    private string _reason;

    /// <summary>For xunit's deserialization only.</summary>
    [Obsolete("Called by the de-serializer; should only be called by deriving classes for de-serialization purposes")]
    public SkippedTestCase()
    {
        _inner = null!;
        _reason = string.Empty;
    }

    /// <summary>Wraps a test case.</summary>
    public SkippedTestCase(IXunitTestCase inner, string reason)
    {
        _inner = inner;
        _reason = reason;
    }

    /// <inheritdoc />
    public string DisplayName => _inner.DisplayName;

    /// <inheritdoc />
    public string SkipReason => _reason;

    /// <inheritdoc />
    public ISourceInformation SourceInformation
    {
        get => _inner.SourceInformation;
        set => _inner.SourceInformation = value;
    }

    /// <inheritdoc />
    public ITestMethod TestMethod => _inner.TestMethod;

    /// <inheritdoc />
    public object[] TestMethodArguments => _inner.TestMethodArguments;

    /// <inheritdoc />
    public Dictionary<string, List<string>> Traits => _inner.Traits;

    /// <inheritdoc />
    public string UniqueID => _inner.UniqueID;

    /// <inheritdoc />
    public Exception InitializationException => _inner.InitializationException;

    /// <inheritdoc />
    public IMethodInfo Method => _inner.Method;

    /// <inheritdoc />
    public int Timeout => _inner.Timeout;

    /// <inheritdoc />
    public Task<RunSummary> RunAsync(IMessageSink diagnosticMessageSink, IMessageBus messageBus, object[] constructorArguments, ExceptionAggregator aggregator, CancellationTokenSource cancellationTokenSource)
        => new XunitTestCaseRunner(this, DisplayName, _reason, constructorArguments, TestMethodArguments, messageBus, aggregator, cancellationTokenSource).RunAsync();

    /// <inheritdoc />
    public void Serialize(IXunitSerializationInfo info)
    {
        info.AddValue("Inner", _inner);
        info.AddValue("Reason", _reason);
    }

    /// <inheritdoc />
    public void Deserialize(IXunitSerializationInfo info)
    {
        _inner = info.GetValue<IXunitTestCase>("Inner");
        _reason = info.GetValue<string>("Reason");
    }
}
