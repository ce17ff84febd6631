using System.Text;
using Outloop.Outputs;

namespace Outloop.Tests.Outputs;

public sealed class BuildCompactionTests : IDisposable
{
    private readonly CompactionFixture fixture = new();

    public void Dispose() => fixture.Dispose();

    [Fact]
    public void TscBuildKeepsEveryErrorLocationAndTheFirstErrorsCodeFrame()
    {
        var output = new StringBuilder();
        for (var i = 0; i < 12; i++)
        {
            output.AppendLine($"src/cart/file{i % 5}.ts:{10 + i}:{5 + i} - error TS2322: Type 'string' is not assignable to type 'number'.");
            output.AppendLine();
            output.AppendLine($"{10 + i}     const total: number = formatPrice(cart.items[{i}].price, {{ currency: 'EUR' }});");
            output.AppendLine("               ~~~~~");
            output.AppendLine();
            output.AppendLine($"  src/cart/types.ts:{3 + i}:3");
            output.AppendLine($"    {3 + i}   total: number;");
            output.AppendLine("        ~~~~~");
            output.AppendLine("    The expected type comes from property 'total' which is declared here on type 'Cart'");
            output.AppendLine();
        }

        output.AppendLine();
        output.AppendLine("Found 12 errors in 5 files.");
        output.AppendLine();
        output.AppendLine("Errors  Files");
        for (var f = 0; f < 5; f++)
        {
            output.AppendLine($"     {(f < 2 ? 3 : 2)}  src/cart/file{f}.ts:{10 + f}");
        }

        var keep = Enumerable.Range(0, 12).Select(i => $"src/cart/file{i % 5}.ts:{10 + i}").Append("Found 12 errors in 5 files.").ToArray();
        var result = fixture.Compact("npx tsc --noEmit", output.ToString(), 2, "tsc", 0.6, keep);
        Assert.Equal(12, result.Failures.Count);
        Assert.All(result.Failures, f => Assert.Equal("TS2322", f.Name));
    }

    [Fact]
    public void DotnetBuildCountsWarningsAndKeepsEachErrorOnce()
    {
        var output = new StringBuilder();
        output.AppendLine("  Determining projects to restore...");
        output.AppendLine("  All projects are up-to-date for restore.");
        for (var i = 0; i < 30; i++)
        {
            output.AppendLine($"/src/Shop/Legacy/Old{i}.cs({i + 1},17): warning CS0618: 'Money.Round()' is obsolete: 'Use Money.RoundHalfEven'. [/src/Shop/Shop.csproj]");
        }

        output.AppendLine("/src/Shop/Cart.cs(42,20): error CS0029: Cannot implicitly convert type 'string' to 'decimal' [/src/Shop/Shop.csproj]");
        output.AppendLine("/src/Shop/Order.cs(77,9): error CS0103: The name 'refund' does not exist in the current context [/src/Shop/Shop.csproj]");
        output.AppendLine();
        output.AppendLine("Build FAILED.");
        output.AppendLine();
        for (var i = 0; i < 30; i++)
        {
            output.AppendLine($"/src/Shop/Legacy/Old{i}.cs({i + 1},17): warning CS0618: 'Money.Round()' is obsolete: 'Use Money.RoundHalfEven'. [/src/Shop/Shop.csproj]");
        }

        output.AppendLine("/src/Shop/Cart.cs(42,20): error CS0029: Cannot implicitly convert type 'string' to 'decimal' [/src/Shop/Shop.csproj]");
        output.AppendLine("/src/Shop/Order.cs(77,9): error CS0103: The name 'refund' does not exist in the current context [/src/Shop/Shop.csproj]");
        output.AppendLine("    30 Warning(s)");
        output.AppendLine("    2 Error(s)");
        output.AppendLine();
        output.AppendLine("Time Elapsed 00:00:04.21");

        var result = fixture.Compact("dotnet build", output.ToString(), 1, "dotnet-build", 0.8,
            "/src/Shop/Cart.cs(42,20): error CS0029", "/src/Shop/Order.cs(77,9): error CS0103", "30 warnings (first 3 shown):",
            "Build FAILED.", "2 Error(s)");
        Assert.Equal(2, result.Failures.Count);
        Assert.Equal(("CS0029", "/src/Shop/Cart.cs", 42), (result.Failures[0].Name, result.Failures[0].File, result.Failures[0].Line));
    }

    [Fact]
    public void CargoBuildKeepsErrorsWithTheirArrowLocation()
    {
        var output = new StringBuilder();
        for (var i = 0; i < 40; i++)
        {
            output.AppendLine($"   Compiling dep{i} v1.{i}.0");
        }

        for (var i = 0; i < 6; i++)
        {
            output.AppendLine($"warning: unused variable: `tmp{i}`");
            output.AppendLine($"  --> src/legacy.rs:{10 + i}:9");
            output.AppendLine("   |");
            output.AppendLine($"{10 + i} |     let tmp{i} = compute();");
            output.AppendLine("   |         ^^^^ help: if this is intentional, prefix it with an underscore");
            output.AppendLine();
        }

        output.AppendLine("error[E0308]: mismatched types");
        output.AppendLine("  --> src/pricing.rs:214:20");
        output.AppendLine("   |");
        output.AppendLine("214 |     let cents: u64 = price * 100.0;");
        output.AppendLine("   |                ---   ^^^^^^^^^^^^^ expected `u64`, found `f64`");
        output.AppendLine("   |                |");
        output.AppendLine("   |                expected due to this");
        output.AppendLine();
        output.AppendLine("warning: `shop` (lib) generated 6 warnings");
        output.AppendLine("error: could not compile `shop` (lib) due to 1 previous error; 6 warnings emitted");

        var result = fixture.Compact("cargo build", output.ToString(), 101, "cargo-build", 0.6,
            "error[E0308]: mismatched types", "src/pricing.rs:214", "6 warnings (first 3 shown):", "error: could not compile `shop`");
        Assert.Equal("E0308", Assert.Single(result.Failures).Name);
    }

    [Fact]
    public void MixCompileWithWarningsAsErrorsListsTheWarningsAsFailures()
    {
        var output = new StringBuilder();
        output.AppendLine("Compiling 48 files (.ex)");
        for (var i = 0; i < 8; i++)
        {
            output.AppendLine($"    warning: variable \"opts{i}\" is unused (if the variable is not meant to be used, prefix it with an underscore)");
            output.AppendLine("    │");
            output.AppendLine($" {20 + i} │   def handle(conn, opts{i}) do");
            output.AppendLine("    │                    ~~~~~");
            output.AppendLine("    │");
            output.AppendLine($"    └─ lib/shop_web/controllers/page_controller{i}.ex:{20 + i}:20: ShopWeb.PageController{i}.handle/2");
            output.AppendLine();
        }

        output.AppendLine("Compilation failed due to warnings while using the --warnings-as-errors option");

        var keep = Enumerable.Range(0, 8).Select(i => $"lib/shop_web/controllers/page_controller{i}.ex:{20 + i}").ToArray();
        var result = fixture.Compact("mix compile --warnings-as-errors", output.ToString(), 1, "mix-compile", 0.25, keep);
        Assert.Equal(8, result.Failures.Count);
        Assert.Contains("Compilation failed due to warnings", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void EslintListsEveryProblemWithItsFile()
    {
        var output = new StringBuilder();
        for (var f = 0; f < 6; f++)
        {
            output.AppendLine();
            output.AppendLine($"/home/dev/web/src/components/Widget{f}.tsx");
            for (var i = 0; i < 5; i++)
            {
                output.AppendLine($"  {10 + i}:{3 + i}  {(i == 0 ? "error  " : "warning")}  '{(i == 0 ? "setState" : "unused" + i)}' is {(i == 0 ? "not defined" : "assigned a value but never used")}  {(i == 0 ? "no-undef" : "@typescript-eslint/no-unused-vars")}");
            }
        }

        output.AppendLine();
        output.AppendLine("✖ 30 problems (6 errors, 24 warnings)");
        output.AppendLine("  0 errors and 24 warnings potentially fixable with the `--fix` option.");
        output.AppendLine();

        var result = OutputCompactor.Compact("npx eslint src", output.ToString(), 1, fixture.Options);
        Assert.Equal("eslint", result.Runner);
        Assert.Equal(30, result.Failures.Count);
        Assert.Contains(result.Failures, f => f is { File: "/home/dev/web/src/components/Widget5.tsx", Line: 10, Name: "no-undef" });
        Assert.Contains("✖ 30 problems (6 errors, 24 warnings)", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void RuffFullFormatFindsTheLocationUnderTheRuleLine()
    {
        var output = new StringBuilder();
        for (var i = 0; i < 15; i++)
        {
            output.AppendLine($"F401 [*] `os{i}` imported but unused");
            output.AppendLine($" --> shop/module{i}.py:{i + 1}:8");
            output.AppendLine("  |");
            output.AppendLine($"{i + 1} | import os{i}");
            output.AppendLine("  |        ^^^");
            output.AppendLine("  |");
            output.AppendLine("help: Remove unused import");
            output.AppendLine();
        }

        output.AppendLine("Found 15 errors.");
        output.AppendLine("[*] 15 fixable with the `--fix` option.");

        var keep = Enumerable.Range(0, 15).Select(i => $"shop/module{i}.py:{i + 1}").Append("Found 15 errors.").ToArray();
        var result = fixture.Compact("uv run ruff check .", output.ToString(), 1, "ruff", 0.3, keep);
        Assert.All(result.Failures, f => Assert.Equal("F401", f.Name));
    }

    [Fact]
    public void MypyKeepsErrorsAndTheSummary()
    {
        var output = new StringBuilder();
        for (var i = 0; i < 40; i++)
        {
            output.AppendLine($"shop/module{i}.py:{i + 3}: error: Argument 1 to \"total\" has incompatible type \"str\"; expected \"Decimal\"  [arg-type]");
            output.AppendLine($"shop/module{i}.py:{i + 3}: note: See https://mypy.readthedocs.io/en/stable/_refs.html#code-arg-type for more info");
        }

        output.AppendLine("Found 40 errors in 40 files (checked 120 source files)");

        var result = OutputCompactor.Compact("mypy shop", output.ToString(), 1, fixture.Options);
        Assert.Equal("mypy", result.Runner);
        Assert.Equal(40, result.Failures.Count);
        Assert.Equal("arg-type", result.Failures[0].Name);
        Assert.DoesNotContain("note: See https", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void NpmInstallKeepsTheOutcomeAndDropsDeprecationNoise()
    {
        var output = new StringBuilder();
        for (var i = 0; i < 60; i++)
        {
            output.AppendLine($"npm warn deprecated package{i}@1.0.{i}: This package is no longer supported. Please use package{i}-next instead.");
        }

        output.AppendLine();
        output.AppendLine("added 1287 packages, and audited 1288 packages in 41s");
        output.AppendLine();
        output.AppendLine("214 packages are looking for funding");
        output.AppendLine("  run `npm fund` for details");
        output.AppendLine();
        output.AppendLine("3 moderate severity vulnerabilities");

        var result = fixture.Compact("npm install", output.ToString(), 0, "npm-install", 0.9,
            "added 1287 packages, and audited 1288 packages in 41s", "3 moderate severity vulnerabilities", "(60 install warnings not shown)");
        Assert.Empty(result.Failures);
    }

    [Fact]
    public void PipInstallFailureKeepsTheError()
    {
        var output = new StringBuilder();
        for (var i = 0; i < 40; i++)
        {
            output.AppendLine($"Collecting package{i}>=1.{i}");
            output.AppendLine($"  Downloading package{i}-1.{i}.0-py3-none-any.whl (120 kB)");
            output.AppendLine("     ━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━━ 120.4/120.4 kB 3.1 MB/s eta 0:00:00");
        }

        output.AppendLine("ERROR: Could not find a version that satisfies the requirement shopkit==9.9 (from versions: 1.0, 1.1, 2.0)");
        output.AppendLine("ERROR: No matching distribution found for shopkit==9.9");

        fixture.Compact("pip install -r requirements.txt", output.ToString(), 1, "pip-install", 0.8,
            "ERROR: Could not find a version that satisfies the requirement shopkit==9.9", "ERROR: No matching distribution found for shopkit==9.9");
    }
}
