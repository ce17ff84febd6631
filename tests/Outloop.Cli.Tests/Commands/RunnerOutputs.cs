using System.Text;

namespace Outloop.Cli.Tests.Commands;

/// <summary>Synthetic but faithful outputs of real test runners, big enough to be worth compacting.</summary>
internal static class RunnerOutputs
{
    public sealed record Sample(string Runner, string Command, string Output, string[] FailingTests);

    public static Sample For(string runner) => runner switch
    {
        "pytest" => Pytest(),
        "dotnet-test" => DotnetTest(),
        "cargo-test" => CargoTest(),
        _ => throw new ArgumentOutOfRangeException(nameof(runner), runner, "no sample"),
    };

    public static Sample Pytest()
    {
        var output = new StringBuilder();
        output.AppendLine("============================= test session starts ==============================");
        output.AppendLine("platform linux -- Python 3.12.3, pytest-8.3.2, pluggy-1.5.0 -- /usr/bin/python3");
        output.AppendLine("rootdir: /home/me/shop");
        output.AppendLine("collected 600 items");
        output.AppendLine();
        string[] failing = ["tests/test_cart.py::test_total_includes_tax", "tests/test_orders.py::test_cancel_refunds[card]"];
        for (var i = 0; i < 600; i++)
        {
            var name = i switch
            {
                123 => failing[0],
                456 => failing[1],
                _ => $"tests/test_pricing.py::test_rounds[{i}]",
            };
            output.AppendLine($"{name} {(i is 123 or 456 ? "FAILED" : "PASSED")}{new string(' ', 12)}[{i * 100 / 600,3}%]");
        }

        output.AppendLine();
        output.AppendLine("=================================== FAILURES ===================================");
        output.AppendLine("__________________________ test_total_includes_tax ___________________________");
        output.AppendLine();
        output.AppendLine("    def test_total_includes_tax():");
        output.AppendLine(">       assert cart_total([10.0]) == 12.0");
        output.AppendLine("E       assert 10.0 == 12.0");
        output.AppendLine();
        output.AppendLine("tests/test_cart.py:42: AssertionError");
        output.AppendLine("_________________________ test_cancel_refunds[card] __________________________");
        output.AppendLine();
        output.AppendLine("    def test_cancel_refunds(method):");
        output.AppendLine(">       order.cancel()");
        output.AppendLine("E       ValueError: order 42 is already shipped");
        output.AppendLine();
        output.AppendLine("shop/orders.py:77: ValueError");
        output.AppendLine("=========================== short test summary info ============================");
        output.AppendLine($"FAILED {failing[0]} - assert 10.0 == 12.0");
        output.AppendLine($"FAILED {failing[1]} - ValueError: order 42 is already shipped");
        output.AppendLine("======================== 2 failed, 598 passed in 3.21s =========================");
        return new Sample("pytest", "uv run pytest -v tests/", output.ToString(), ["test_total_includes_tax", "test_cancel_refunds[card]"]);
    }

    public static Sample DotnetTest()
    {
        var output = new StringBuilder();
        output.AppendLine("  Determining projects to restore...");
        output.AppendLine("  All projects are up-to-date for restore.");
        output.AppendLine("  Shop.Tests -> /src/Shop.Tests/bin/Debug/net10.0/Shop.Tests.dll");
        output.AppendLine("Test run for /src/Shop.Tests/bin/Debug/net10.0/Shop.Tests.dll (.NETCoreApp,Version=v10.0)");
        output.AppendLine("Starting test execution, please wait...");
        for (var i = 0; i < 400; i++)
        {
            output.AppendLine($"[xUnit.net 00:00:00.{i % 100:00}]     Shop.Tests.PricingTests.Rounds_{i} [PASS]");
        }

        output.AppendLine("[xUnit.net 00:00:00.61]     Shop.Tests.CartTests.TotalIncludesTax [FAIL]");
        output.AppendLine("  Failed Shop.Tests.CartTests.TotalIncludesTax [12 ms]");
        output.AppendLine("  Error Message:");
        output.AppendLine("   Assert.Equal() Failure: Values differ");
        output.AppendLine("  Stack Trace:");
        output.AppendLine("     at Shop.Tests.CartTests.TotalIncludesTax() in /src/Shop.Tests/CartTests.cs:line 42");
        output.AppendLine("  Failed Shop.Tests.OrderTests.CancelRefunds [3 ms]");
        output.AppendLine("  Error Message:");
        output.AppendLine("   System.InvalidOperationException : Order 42 is already shipped");
        output.AppendLine("  Stack Trace:");
        output.AppendLine("     at Shop.Orders.Order.Cancel() in /src/Shop/Orders/Order.cs:line 77");
        output.AppendLine();
        output.AppendLine("Failed!  - Failed:     2, Passed:   400, Skipped:     0, Total:   402, Duration: 1 s - Shop.Tests.dll (net10.0)");
        return new Sample("dotnet-test", "dotnet test tests/Shop.Tests", output.ToString(),
            ["Shop.Tests.CartTests.TotalIncludesTax", "Shop.Tests.OrderTests.CancelRefunds"]);
    }

    public static Sample CargoTest()
    {
        var output = new StringBuilder();
        output.AppendLine("   Compiling shop v0.1.0 (/src/shop)");
        output.AppendLine("    Finished `test` profile [unoptimized + debuginfo] target(s) in 2.31s");
        output.AppendLine("     Running unittests src/lib.rs (target/debug/deps/shop-1a2b3c4d)");
        output.AppendLine();
        output.AppendLine("running 500 tests");
        for (var i = 0; i < 500; i++)
        {
            output.AppendLine($"test pricing::tests::rounds_{i:000} ... {(i is 17 or 361 ? "FAILED" : "ok")}");
        }

        output.AppendLine();
        output.AppendLine("failures:");
        output.AppendLine();
        output.AppendLine("---- pricing::tests::rounds_017 stdout ----");
        output.AppendLine("thread 'pricing::tests::rounds_017' panicked at src/pricing.rs:214:9:");
        output.AppendLine("assertion `left == right` failed");
        output.AppendLine();
        output.AppendLine("---- pricing::tests::rounds_361 stdout ----");
        output.AppendLine("thread 'pricing::tests::rounds_361' panicked at src/pricing.rs:390:5:");
        output.AppendLine("called `Option::unwrap()` on a `None` value");
        output.AppendLine();
        output.AppendLine("failures:");
        output.AppendLine("    pricing::tests::rounds_017");
        output.AppendLine("    pricing::tests::rounds_361");
        output.AppendLine();
        output.AppendLine("test result: FAILED. 498 passed; 2 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.03s");
        return new Sample("cargo-test", "cargo test --lib", output.ToString(), ["pricing::tests::rounds_017", "pricing::tests::rounds_361"]);
    }
}
