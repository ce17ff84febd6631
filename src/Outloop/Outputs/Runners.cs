namespace Outloop.Outputs;

/// <summary>The names <see cref="OutputCompactor"/> gives the tools it recognises.</summary>
internal static class Runners
{
    public const string Pytest = "pytest";
    public const string Unittest = "unittest";
    public const string MixTest = "mix-test";
    public const string DotnetTest = "dotnet-test";
    public const string Jest = "jest";
    public const string Vitest = "vitest";
    public const string Mocha = "mocha";
    public const string Playwright = "playwright";
    public const string GoTest = "go-test";
    public const string CargoTest = "cargo-test";
    public const string Rspec = "rspec";
    public const string Maven = "mvn";
    public const string Gradle = "gradle";
    public const string Tsc = "tsc";
    public const string DotnetBuild = "dotnet-build";
    public const string CargoBuild = "cargo-build";
    public const string GoBuild = "go-build";
    public const string GoVet = "go-vet";
    public const string MixCompile = "mix-compile";
    public const string Eslint = "eslint";
    public const string Ruff = "ruff";
    public const string Flake8 = "flake8";
    public const string Mypy = "mypy";
    public const string Credo = "credo";
    public const string Rubocop = "rubocop";
    public const string NpmInstall = "npm-install";
    public const string PipInstall = "pip-install";
    public const string BundleInstall = "bundle-install";
    public const string MixDeps = "mix-deps";
    public const string Generic = "generic";

    /// <summary>Test runners: their failures are tests, and they win over builds in a chained command.</summary>
    public static bool IsTestRunner(string runner) => runner is Pytest or Unittest or MixTest or DotnetTest or Jest
        or Vitest or Mocha or Playwright or GoTest or CargoTest or Rspec or Maven or Gradle;

    /// <summary>The compiler a test runner builds with: its diagnostics when the tests never ran.</summary>
    public static string? BuildOf(string runner) => runner switch
    {
        MixTest => MixCompile,
        DotnetTest => DotnetBuild,
        CargoTest => CargoBuild,
        GoTest => GoBuild,
        _ => null,
    };
}
