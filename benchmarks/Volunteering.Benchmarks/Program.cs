using BenchmarkDotNet.Running;

// Runs the benchmarks chosen on the command line, for example:
//   dotnet run -c Release --project benchmarks/Volunteering.Benchmarks -- --filter '*'
// Results land in ./BenchmarkDotNet.Artifacts (git-ignored). See docs/benchmarks.md.
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
