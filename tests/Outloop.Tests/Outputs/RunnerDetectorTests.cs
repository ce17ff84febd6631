using Outloop.Outputs;

namespace Outloop.Tests.Outputs;

public sealed class RunnerDetectorTests
{
    [Theory]
    [InlineData("pytest -q tests/", "pytest")]
    [InlineData("uv run pytest -x", "pytest")]
    [InlineData("python3 -m pytest tests/test_api.py::test_get", "pytest")]
    [InlineData("PYTHONWARNINGS=ignore poetry run pytest", "pytest")]
    [InlineData("cd tests && ./runtests.py migrations", "unittest")]
    [InlineData("python -m unittest discover", "unittest")]
    [InlineData("mix test test/shop_test.exs 2>&1 | tail -40", "mix-test")]
    [InlineData("mix compile --warnings-as-errors && mix test", "mix-test")]
    [InlineData("mix credo --strict", "credo")]
    [InlineData("mix deps.get", "mix-deps")]
    [InlineData("dotnet test --no-build", "dotnet-test")]
    [InlineData("dotnet build -c Release", "dotnet-build")]
    [InlineData("npx jest --ci", "jest")]
    [InlineData("pnpm exec vitest run", "vitest")]
    [InlineData("npx playwright test", "playwright")]
    [InlineData("npx tsc --noEmit", "tsc")]
    [InlineData("yarn install --frozen-lockfile", "npm-install")]
    [InlineData("timeout 300 go test ./...", "go-test")]
    [InlineData("go vet ./...", "go-vet")]
    [InlineData("cargo clippy --all-targets", "cargo-build")]
    [InlineData("cargo test --lib", "cargo-test")]
    [InlineData("./mvnw -q test", "mvn")]
    [InlineData("./gradlew test", "gradle")]
    [InlineData("bundle exec rspec spec/models", "rspec")]
    [InlineData("bundle exec rubocop", "rubocop")]
    [InlineData("uv pip install -r requirements.txt", "pip-install")]
    [InlineData("ls -la", "generic")]
    public void CommandNamesTheRunnerThroughWrappers(string command, string runner) =>
        Assert.Equal(runner, RunnerDetector.Detect(command, []));

    [Theory]
    [InlineData("============================= test session starts ==============================", "pytest")]
    [InlineData("Running ExUnit with seed: 1, max_cases: 8", "mix-test")]
    [InlineData("Tests:       1 failed, 9 passed, 10 total", "jest")]
    [InlineData(" Test Files  1 failed | 3 passed (4)", "vitest")]
    [InlineData("test result: FAILED. 1 passed; 1 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.01s", "cargo-test")]
    [InlineData("--- FAIL: TestParse (0.00s)", "go-test")]
    [InlineData("src/a.ts(3,7): error TS2322: Type 'string' is not assignable to type 'number'.", "tsc")]
    [InlineData("Failed!  - Failed:     1, Passed:     9, Skipped:     0, Total:    10", "dotnet-test")]
    [InlineData("3 examples, 1 failure", "rspec")]
    public void UnknownCommandIsRecognisedFromTheOutputShape(string line, string runner) =>
        Assert.Equal(runner, RunnerDetector.Detect("make check", ["some preamble", line]));

    [Fact]
    public void OutputShapeDecidesBetweenAmbiguousScripts() =>
        Assert.Equal("jest", RunnerDetector.Detect("npm test", ["Test Suites: 1 failed, 1 total", "Tests:       1 failed, 1 total"]));
}
