using System.Text;

namespace Outloop.Tests.Outputs;

public sealed class TestRunnerCompactionTests : IDisposable
{
    private readonly CompactionFixture fixture = new();

    public void Dispose() => fixture.Dispose();

    [Fact]
    public void PytestRunKeepsBothFailuresAmongTwoHundredPasses()
    {
        var output = new StringBuilder();
        output.AppendLine("============================= test session starts ==============================");
        output.AppendLine("platform linux -- Python 3.12.3, pytest-8.3.2, pluggy-1.5.0");
        output.AppendLine("rootdir: /home/dev/shop");
        output.AppendLine("configfile: pyproject.toml");
        output.AppendLine("plugins: cov-5.0.0, anyio-4.4.0");
        output.AppendLine("collected 202 items");
        output.AppendLine();
        for (var file = 0; file < 10; file++)
        {
            var dots = new string('.', 20);
            output.AppendLine($"tests/test_module_{file:00}.py {(file == 3 ? dots[..7] + "F" + dots[8..] : file == 7 ? dots[..12] + "F" + dots[13..] : dots)}{(file < 2 ? ".." : string.Empty)}  [{(file + 1) * 10,3}%]");
        }

        output.AppendLine();
        output.AppendLine("=================================== FAILURES ===================================");
        output.AppendLine("___________________________ test_total_includes_tax ____________________________");
        output.AppendLine();
        output.AppendLine("    def test_total_includes_tax():");
        output.AppendLine("        cart = Cart()");
        output.AppendLine("        cart.add(Item(\"book\", price=Decimal(\"10.00\")))");
        output.AppendLine(">       assert cart.total() == Decimal(\"12.00\")");
        output.AppendLine("E       AssertionError: assert Decimal('10.00') == Decimal('12.00')");
        output.AppendLine("E        +  where Decimal('10.00') = <bound method Cart.total of <shop.cart.Cart object at 0x7f>>()");
        output.AppendLine();
        output.AppendLine("tests/test_module_03.py:42: AssertionError");
        output.AppendLine("----------------------------- Captured stdout call -----------------------------");
        output.AppendLine("computing total for 1 item");
        output.AppendLine("_________________________ TestCart.test_empty_cart_raises _________________________");
        output.AppendLine();
        output.AppendLine("self = <tests.test_module_07.TestCart object at 0x7f3a2c1d0>");
        output.AppendLine();
        output.AppendLine("    def test_empty_cart_raises(self):");
        output.AppendLine(">       with pytest.raises(EmptyCartError):");
        output.AppendLine("E       Failed: DID NOT RAISE <class 'shop.errors.EmptyCartError'>");
        output.AppendLine();
        output.AppendLine("tests/test_module_07.py:88: Failed");
        output.AppendLine("=============================== warnings summary ===============================");
        output.AppendLine("tests/test_module_01.py::test_legacy_price");
        output.AppendLine("  /home/dev/shop/shop/price.py:12: DeprecationWarning: float prices are deprecated");
        output.AppendLine("    warnings.warn(\"float prices are deprecated\", DeprecationWarning)");
        output.AppendLine();
        output.AppendLine("-- Docs: https://docs.pytest.org/en/stable/how-to/capture-warnings.html");
        output.AppendLine("=========================== short test summary info ============================");
        output.AppendLine("FAILED tests/test_module_03.py::test_total_includes_tax - AssertionError: assert Decimal('10.00') == Decimal('12.00')");
        output.AppendLine("FAILED tests/test_module_07.py::TestCart::test_empty_cart_raises - Failed: DID NOT RAISE <class 'shop.errors.EmptyCartError'>");
        output.AppendLine("================== 2 failed, 200 passed, 1 warning in 3.21s ===================");

        var result = fixture.Compact("uv run pytest", output.ToString(), 1, "pytest", 0.5,
            "test_total_includes_tax", "TestCart.test_empty_cart_raises", "tests/test_module_03.py:42", "tests/test_module_07.py:88",
            "AssertionError: assert Decimal('10.00') == Decimal('12.00')", "2 failed, 200 passed, 1 warning in 3.21s");
        Assert.DoesNotContain("platform linux", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("....", result.Text, StringComparison.Ordinal);
        Assert.Equal(2, result.Failures.Count);
        Assert.Equal(("tests/test_module_07.py", 88), (result.Failures[1].File, result.Failures[1].Line));
    }

    [Fact]
    public void VerbosePytestDropsEveryPassedLine()
    {
        var output = new StringBuilder();
        output.AppendLine("============================= test session starts ==============================");
        output.AppendLine("collected 200 items");
        for (var i = 0; i < 200; i++)
        {
            output.AppendLine($"tests/test_api.py::test_endpoint_{i:000} {(i == 150 ? "FAILED" : "PASSED")}  [{(i + 1) / 2,3}%]");
        }

        output.AppendLine("=================================== FAILURES ===================================");
        output.AppendLine("______________________________ test_endpoint_150 _______________________________");
        output.AppendLine(">       assert response.status_code == 200");
        output.AppendLine("E       assert 500 == 200");
        output.AppendLine("E        +  where 500 = <Response [500]>.status_code");
        output.AppendLine("tests/test_api.py:1510: AssertionError");
        output.AppendLine("=========================== short test summary info ============================");
        output.AppendLine("FAILED tests/test_api.py::test_endpoint_150 - assert 500 == 200");
        output.AppendLine("======================== 1 failed, 199 passed in 9.87s =========================");

        var result = fixture.Compact("python -m pytest -v tests/test_api.py", output.ToString(), 1, "pytest", 0.8,
            "test_endpoint_150", "tests/test_api.py:1510", "assert 500 == 200", "1 failed, 199 passed in 9.87s");
        Assert.DoesNotContain("PASSED", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void MixTestKeepsThreeFailuresWithTheirOwnFramesOnly()
    {
        var output = new StringBuilder();
        output.AppendLine("Compiling 3 files (.ex)");
        output.AppendLine("Generated shop app");
        output.AppendLine("Running ExUnit with seed: 402811, max_cases: 16");
        output.AppendLine();
        output.AppendLine(new string('.', 120));
        for (var n = 1; n <= 3; n++)
        {
            output.AppendLine();
            output.AppendLine($"  {n}) test checkout rejects expired card #{n} (Shop.CheckoutTest)");
            output.AppendLine($"     test/shop/checkout_test.exs:{40 + (n * 10)}");
            output.AppendLine("     ** (MatchError) no match of right hand side value: {:error, :card_expired}");
            output.AppendLine("     code: {:ok, order} = Checkout.pay(cart, card)");
            output.AppendLine("     stacktrace:");
            output.AppendLine("       (ecto 3.12.1) lib/ecto/repo/schema.ex:1004: Ecto.Repo.Schema.apply/4");
            output.AppendLine("       (ecto 3.12.1) lib/ecto/repo/schema.ex:377: anonymous fn/15 in Ecto.Repo.Schema.do_insert/4");
            output.AppendLine("       (phoenix 1.7.14) lib/phoenix/router.ex:484: Phoenix.Router.__call__/5");
            output.AppendLine($"       test/shop/checkout_test.exs:{42 + (n * 10)}: (test)");
            output.AppendLine();
            output.AppendLine(new string('.', 40));
        }

        for (var i = 0; i < 12; i++)
        {
            output.AppendLine($"16:45:2{i % 10}.256 [warning] Stripe webhook retry {i} for evt_{i:000}");
        }

        output.AppendLine("Finished in 4.2 seconds (2.9s async, 1.3s sync)");
        output.AppendLine("12 doctests, 188 tests, 3 failures");
        output.AppendLine();
        output.AppendLine("Randomized with seed 402811");

        var result = fixture.Compact("mix test 2>&1", output.ToString(), 2, "mix-test", 0.5,
            "test checkout rejects expired card #1 (Shop.CheckoutTest)", "test checkout rejects expired card #2 (Shop.CheckoutTest)",
            "test checkout rejects expired card #3 (Shop.CheckoutTest)", "test/shop/checkout_test.exs:50", "test/shop/checkout_test.exs:60",
            "test/shop/checkout_test.exs:70", "** (MatchError) no match of right hand side value: {:error, :card_expired}",
            "12 doctests, 188 tests, 3 failures");
        Assert.DoesNotContain("(ecto 3.12.1)", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("[warning] Stripe", result.Text, StringComparison.Ordinal);
        Assert.Equal(3, result.Failures.Count);
    }

    [Fact]
    public void DotnetTestKeepsFailedTestsWithMessageAndSourceLine()
    {
        var output = new StringBuilder();
        output.AppendLine("  Determining projects to restore...");
        output.AppendLine("  All projects are up-to-date for restore.");
        output.AppendLine("  Shop -> /src/Shop/bin/Debug/net10.0/Shop.dll");
        output.AppendLine("  Shop.Tests -> /src/Shop.Tests/bin/Debug/net10.0/Shop.Tests.dll");
        output.AppendLine("Test run for /src/Shop.Tests/bin/Debug/net10.0/Shop.Tests.dll (.NETCoreApp,Version=v10.0)");
        output.AppendLine("VSTest version 18.0.1 (x64)");
        output.AppendLine();
        output.AppendLine("Starting test execution, please wait...");
        output.AppendLine("A total of 1 test files matched the specified pattern.");
        for (var i = 0; i < 40; i++)
        {
            output.AppendLine($"[xUnit.net 00:00:00.{i:00}]     Shop.Tests.PricingTests.Rounds_{i} [PASS]");
        }

        output.AppendLine("[xUnit.net 00:00:00.61]     Shop.Tests.CartTests.TotalIncludesTax [FAIL]");
        output.AppendLine("  Failed Shop.Tests.CartTests.TotalIncludesTax [12 ms]");
        output.AppendLine("  Error Message:");
        output.AppendLine("   Assert.Equal() Failure: Values differ");
        output.AppendLine("Expected: 12.00");
        output.AppendLine("Actual:   10.00");
        output.AppendLine("  Stack Trace:");
        output.AppendLine("     at Shop.Tests.CartTests.TotalIncludesTax() in /src/Shop.Tests/CartTests.cs:line 42");
        output.AppendLine("   at System.RuntimeMethodHandle.InvokeMethod(Object target, Void** arguments, Signature sig, Boolean isConstructor)");
        output.AppendLine("   at System.Reflection.MethodBaseInvoker.InvokeWithNoArgs(Object obj, BindingFlags invokeAttr)");
        output.AppendLine("  Failed Shop.Tests.OrderTests.CancelRefunds [3 ms]");
        output.AppendLine("  Error Message:");
        output.AppendLine("   System.InvalidOperationException : Order 42 is already shipped");
        output.AppendLine("  Stack Trace:");
        output.AppendLine("     at Shop.Orders.Order.Cancel() in /src/Shop/Orders/Order.cs:line 77");
        output.AppendLine("   at Shop.Tests.OrderTests.CancelRefunds() in /src/Shop.Tests/OrderTests.cs:line 19");
        output.AppendLine("   at System.RuntimeMethodHandle.InvokeMethod(Object target, Void** arguments, Signature sig, Boolean isConstructor)");
        output.AppendLine();
        output.AppendLine("Failed!  - Failed:     2, Passed:   198, Skipped:     0, Total:   200, Duration: 1 s - Shop.Tests.dll (net10.0)");

        var result = fixture.Compact("dotnet test", output.ToString(), 1, "dotnet-test", 0.5,
            "Shop.Tests.CartTests.TotalIncludesTax", "/src/Shop.Tests/CartTests.cs:line 42", "Assert.Equal() Failure: Values differ",
            "Shop.Tests.OrderTests.CancelRefunds", "/src/Shop/Orders/Order.cs:line 77", "Failed!  - Failed:     2, Passed:   198");
        Assert.DoesNotContain("[PASS]", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("System.RuntimeMethodHandle", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void CargoTestKeepsPanicsAndTheResultLine()
    {
        var output = new StringBuilder();
        output.AppendLine("   Compiling shop v0.1.0 (/src/shop)");
        output.AppendLine("    Finished `test` profile [unoptimized + debuginfo] target(s) in 2.31s");
        output.AppendLine("     Running unittests src/lib.rs (target/debug/deps/shop-1a2b3c4d)");
        output.AppendLine();
        output.AppendLine("running 100 tests");
        for (var i = 0; i < 100; i++)
        {
            output.AppendLine($"test pricing::tests::rounds_{i:000} ... {(i is 17 or 61 ? "FAILED" : "ok")}");
        }

        output.AppendLine();
        output.AppendLine("failures:");
        output.AppendLine();
        output.AppendLine("---- pricing::tests::rounds_017 stdout ----");
        output.AppendLine("thread 'pricing::tests::rounds_017' panicked at src/pricing.rs:214:9:");
        output.AppendLine("assertion `left == right` failed");
        output.AppendLine("  left: 1700");
        output.AppendLine(" right: 1701");
        output.AppendLine("note: run with `RUST_BACKTRACE=1` environment variable to display a backtrace");
        output.AppendLine();
        output.AppendLine("---- pricing::tests::rounds_061 stdout ----");
        output.AppendLine("thread 'pricing::tests::rounds_061' panicked at src/pricing.rs:390:5:");
        output.AppendLine("called `Option::unwrap()` on a `None` value");
        output.AppendLine();
        output.AppendLine();
        output.AppendLine("failures:");
        output.AppendLine("    pricing::tests::rounds_017");
        output.AppendLine("    pricing::tests::rounds_061");
        output.AppendLine();
        output.AppendLine("test result: FAILED. 98 passed; 2 failed; 0 ignored; 0 measured; 0 filtered out; finished in 0.03s");
        output.AppendLine();
        output.AppendLine("error: test failed, to rerun pass `--lib`");

        var result = fixture.Compact("cargo test", output.ToString(), 101, "cargo-test", 0.7,
            "pricing::tests::rounds_017", "src/pricing.rs:214", "assertion `left == right` failed", "pricing::tests::rounds_061",
            "src/pricing.rs:390", "test result: FAILED. 98 passed; 2 failed");
        Assert.DoesNotContain("... ok", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void JestKeepsFailingTestsAndDropsPassingSuitesAndConsoleLogs()
    {
        var output = new StringBuilder();
        for (var i = 0; i < 30; i++)
        {
            output.AppendLine($" PASS  src/components/Widget{i}.test.tsx");
            output.AppendLine("  ● Console");
            output.AppendLine();
            output.AppendLine("    console.log");
            output.AppendLine($"      rendering widget {i} with props {{ id: {i}, theme: 'dark' }}");
            output.AppendLine();
            output.AppendLine($"      at Object.<anonymous> (src/components/Widget{i}.tsx:14:13)");
            output.AppendLine();
        }

        output.AppendLine(" FAIL  src/cart/total.test.ts");
        output.AppendLine("  ● Cart › total › includes tax");
        output.AppendLine();
        output.AppendLine("    expect(received).toBe(expected) // Object.is equality");
        output.AppendLine();
        output.AppendLine("    Expected: 12");
        output.AppendLine("    Received: 10");
        output.AppendLine();
        output.AppendLine("      10 |   it('includes tax', () => {");
        output.AppendLine("      11 |     const cart = new Cart([{ price: 10 }]);");
        output.AppendLine("    > 12 |     expect(cart.total()).toBe(12);");
        output.AppendLine("         |                          ^");
        output.AppendLine("      13 |   });");
        output.AppendLine();
        output.AppendLine("      at Object.<anonymous> (src/cart/total.test.ts:12:26)");
        output.AppendLine("      at Promise.then.completed (node_modules/jest-circus/build/utils.js:298:28)");
        output.AppendLine();
        output.AppendLine("  ● Cart › total › rejects negative prices");
        output.AppendLine();
        output.AppendLine("    TypeError: Cannot read properties of undefined (reading 'price')");
        output.AppendLine();
        output.AppendLine("      at total (src/cart/total.ts:8:19)");
        output.AppendLine("      at Object.<anonymous> (src/cart/total.test.ts:20:10)");
        output.AppendLine();
        output.AppendLine("Test Suites: 1 failed, 30 passed, 31 total");
        output.AppendLine("Tests:       2 failed, 148 passed, 150 total");
        output.AppendLine("Snapshots:   0 total");
        output.AppendLine("Time:        6.42 s");
        output.AppendLine("Ran all test suites.");

        var result = fixture.Compact("npm test", output.ToString(), 1, "jest", 0.7,
            "Cart › total › includes tax", "src/cart/total.test.ts:12", "Cart › total › rejects negative prices", "src/cart/total.ts:8",
            "TypeError: Cannot read properties of undefined (reading 'price')", "Tests:       2 failed, 148 passed, 150 total");
        Assert.DoesNotContain("PASS", result.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("rendering widget", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void VerboseGoTestMovesLogLinesUnderTheirFailure()
    {
        var output = new StringBuilder();
        for (var i = 0; i < 60; i++)
        {
            output.AppendLine($"=== RUN   TestParse{i:00}");
            if (i == 23)
            {
                output.AppendLine("    parse_test.go:118: Parse(\"2024-13-01\") = nil error, want month out of range");
                output.AppendLine($"--- FAIL: TestParse{i:00} (0.00s)");
            }
            else
            {
                output.AppendLine($"--- PASS: TestParse{i:00} (0.00s)");
            }
        }

        output.AppendLine("=== RUN   TestFormat");
        output.AppendLine("=== RUN   TestFormat/utc");
        output.AppendLine("=== RUN   TestFormat/local");
        output.AppendLine("    format_test.go:42: got \"01:00\", want \"00:00\"");
        output.AppendLine("--- FAIL: TestFormat (0.00s)");
        output.AppendLine("    --- PASS: TestFormat/utc (0.00s)");
        output.AppendLine("    --- FAIL: TestFormat/local (0.00s)");
        output.AppendLine("FAIL");
        output.AppendLine("FAIL\texample.com/dates\t0.012s");
        output.AppendLine("ok  \texample.com/dates/tz\t0.004s");
        output.AppendLine("FAIL");

        var result = fixture.Compact("go test -v ./...", output.ToString(), 1, "go-test", 0.7,
            "TestParse23", "parse_test.go:118", "TestFormat/local", "format_test.go:42", "FAIL\texample.com/dates\t0.012s");
        Assert.DoesNotContain("--- PASS", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void DjangoUnittestKeepsTracebackEndsAndTheOutcome()
    {
        var output = new StringBuilder();
        output.AppendLine("Creating test database for alias 'default'...");
        output.AppendLine("Testing against Django installed in '/testbed/django' with up to 8 processes");
        output.AppendLine("Found 130 test(s).");
        output.AppendLine("System check identified no issues (0 silenced).");
        output.AppendLine(new string('.', 70) + "F" + new string('.', 58) + "s");
        output.AppendLine("======================================================================");
        output.AppendLine("FAIL: test_rename_model (migrations.test_operations.OperationTests.test_rename_model)");
        output.AppendLine("----------------------------------------------------------------------");
        output.AppendLine("Traceback (most recent call last):");
        output.AppendLine("  File \"/usr/lib/python3.11/unittest/case.py\", line 57, in testPartExecutor");
        output.AppendLine("    yield");
        output.AppendLine("  File \"/testbed/tests/migrations/test_operations.py\", line 812, in test_rename_model");
        output.AppendLine("    self.assertTableNotExists(\"test_rnmo_pony\")");
        output.AppendLine("  File \"/testbed/tests/migrations/test_base.py\", line 43, in assertTableNotExists");
        output.AppendLine("    self.assertNotIn(table, connections[using].introspection.table_names(cursor))");
        output.AppendLine("AssertionError: 'test_rnmo_pony' unexpectedly found in ['test_rnmo_pony', 'test_rnmo_rider']");
        output.AppendLine();
        output.AppendLine("----------------------------------------------------------------------");
        output.AppendLine("Ran 130 tests in 1.366s");
        output.AppendLine();
        output.AppendLine("FAILED (failures=1, skipped=1)");
        for (var i = 0; i < 8; i++)
        {
            output.AppendLine($"Destroying test database for alias 'default' ('test_default_{i}')...");
        }

        var result = fixture.Compact("cd tests && ./runtests.py migrations.test_operations", output.ToString(), 1, "unittest", 0.3,
            "test_rename_model (migrations.test_operations.OperationTests.test_rename_model)", "/testbed/tests/migrations/test_base.py\", line 43",
            "AssertionError: 'test_rnmo_pony' unexpectedly found", "Ran 130 tests in 1.366s", "FAILED (failures=1, skipped=1)");
        Assert.DoesNotContain("Destroying test database", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void VitestKeepsFailedTestsAndTheTotals()
    {
        var output = new StringBuilder();
        output.AppendLine(" RUN  v2.1.4 /home/dev/web");
        output.AppendLine();
        for (var i = 0; i < 40; i++)
        {
            output.AppendLine($" ✓ src/utils/format{i}.test.ts (6 tests) {i + 3}ms");
        }

        output.AppendLine(" ❯ src/cart/total.test.ts (3 tests | 1 failed) 9ms");
        output.AppendLine("   × Cart > total > includes tax 4ms");
        output.AppendLine("     → expected 10 to be 12 // Object.is equality");
        output.AppendLine();
        output.AppendLine("⎯⎯⎯⎯⎯⎯⎯ Failed Tests 1 ⎯⎯⎯⎯⎯⎯⎯");
        output.AppendLine();
        output.AppendLine(" FAIL  src/cart/total.test.ts > Cart > total > includes tax");
        output.AppendLine("AssertionError: expected 10 to be 12 // Object.is equality");
        output.AppendLine();
        output.AppendLine("- Expected");
        output.AppendLine("+ Received");
        output.AppendLine();
        output.AppendLine("- 12");
        output.AppendLine("+ 10");
        output.AppendLine();
        output.AppendLine(" ❯ src/cart/total.test.ts:12:26");
        output.AppendLine("     10|   it('includes tax', () => {");
        output.AppendLine("     11|     const cart = new Cart([{ price: 10 }])");
        output.AppendLine("     12|     expect(cart.total()).toBe(12)");
        output.AppendLine("       |                          ^");
        output.AppendLine("     13|   })");
        output.AppendLine();
        output.AppendLine("⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯⎯[1/1]⎯");
        output.AppendLine();
        output.AppendLine(" Test Files  1 failed | 40 passed (41)");
        output.AppendLine("      Tests  1 failed | 242 passed (243)");
        output.AppendLine("   Start at  10:12:03");
        output.AppendLine("   Duration  2.31s (transform 410ms, setup 0ms, collect 1.2s, tests 380ms)");

        fixture.Compact("pnpm vitest run", output.ToString(), 1, "vitest", 0.7,
            "src/cart/total.test.ts > Cart > total > includes tax", "src/cart/total.test.ts:12", "AssertionError: expected 10 to be 12",
            "Tests  1 failed | 242 passed (243)");
    }

    [Fact]
    public void RspecKeepsFailuresAndTheRerunList()
    {
        var output = new StringBuilder();
        output.AppendLine(new string('.', 150) + "F" + new string('.', 48) + "F");
        output.AppendLine();
        output.AppendLine("Failures:");
        output.AppendLine();
        output.AppendLine("  1) Cart#total includes tax");
        output.AppendLine("     Failure/Error: expect(cart.total).to eq(12)");
        output.AppendLine();
        output.AppendLine("       expected: 12");
        output.AppendLine("            got: 10");
        output.AppendLine();
        output.AppendLine("       (compared using ==)");
        output.AppendLine("     # ./spec/cart_spec.rb:14:in `block (3 levels) in <top (required)>'");
        output.AppendLine("     # /usr/local/bundle/gems/rspec-core-3.13.0/lib/rspec/core/example.rb:263:in `instance_exec'");
        output.AppendLine();
        output.AppendLine("  2) Order#cancel refunds the card");
        output.AppendLine("     Failure/Error: order.cancel!");
        output.AppendLine();
        output.AppendLine("     Order::AlreadyShipped:");
        output.AppendLine("       order 42 is already shipped");
        output.AppendLine("     # ./app/models/order.rb:77:in `cancel!'");
        output.AppendLine("     # ./spec/order_spec.rb:19:in `block (3 levels) in <top (required)>'");
        output.AppendLine();
        output.AppendLine("Finished in 2.41 seconds (files took 1.2 seconds to load)");
        output.AppendLine("200 examples, 2 failures");
        output.AppendLine();
        output.AppendLine("Failed examples:");
        output.AppendLine();
        output.AppendLine("rspec ./spec/cart_spec.rb:12 # Cart#total includes tax");
        output.AppendLine("rspec ./spec/order_spec.rb:17 # Order#cancel refunds the card");

        fixture.Compact("bundle exec rspec", output.ToString(), 1, "rspec", 0.3,
            "Cart#total includes tax", "./spec/cart_spec.rb:14", "Order#cancel refunds the card", "./app/models/order.rb:77",
            "200 examples, 2 failures", "rspec ./spec/order_spec.rb:17");
    }

    [Fact]
    public void MavenSurefireKeepsTheFailingTestAndTheBuildOutcome()
    {
        var output = new StringBuilder();
        output.AppendLine("[INFO] Scanning for projects...");
        for (var i = 0; i < 60; i++)
        {
            output.AppendLine($"Downloading from central: https://repo.maven.apache.org/maven2/org/example/lib{i}/1.0/lib{i}-1.0.jar");
            output.AppendLine($"Downloaded from central: https://repo.maven.apache.org/maven2/org/example/lib{i}/1.0/lib{i}-1.0.jar (12 kB at 80 kB/s)");
        }

        output.AppendLine("[INFO] -------------------------------------------------------");
        output.AppendLine("[INFO]  T E S T S");
        output.AppendLine("[INFO] -------------------------------------------------------");
        output.AppendLine("[INFO] Running com.example.shop.CartTest");
        output.AppendLine("[ERROR] Tests run: 12, Failures: 1, Errors: 0, Skipped: 0, Time elapsed: 0.05 s <<< FAILURE! - in com.example.shop.CartTest");
        output.AppendLine("[ERROR] totalIncludesTax(com.example.shop.CartTest)  Time elapsed: 0.01 s  <<< FAILURE!");
        output.AppendLine("org.opentest4j.AssertionFailedError: expected: <12.00> but was: <10.00>");
        output.AppendLine("\tat org.junit.jupiter.api.AssertionUtils.fail(AssertionUtils.java:55)");
        output.AppendLine("\tat org.junit.jupiter.api.Assertions.assertEquals(Assertions.java:1141)");
        output.AppendLine("\tat com.example.shop.CartTest.totalIncludesTax(CartTest.java:42)");
        output.AppendLine();
        output.AppendLine("[INFO]");
        output.AppendLine("[INFO] Results:");
        output.AppendLine("[INFO]");
        output.AppendLine("[ERROR] Failures:");
        output.AppendLine("[ERROR]   CartTest.totalIncludesTax:42 expected: <12.00> but was: <10.00>");
        output.AppendLine("[INFO]");
        output.AppendLine("[ERROR] Tests run: 200, Failures: 1, Errors: 0, Skipped: 0");
        output.AppendLine("[INFO]");
        output.AppendLine("[INFO] ------------------------------------------------------------------------");
        output.AppendLine("[INFO] BUILD FAILURE");
        output.AppendLine("[INFO] ------------------------------------------------------------------------");

        var result = fixture.Compact("./mvnw test", output.ToString(), 1, "mvn", 0.8,
            "totalIncludesTax(com.example.shop.CartTest)", "CartTest.java:42", "expected: <12.00> but was: <10.00>",
            "[ERROR] Tests run: 200, Failures: 1, Errors: 0, Skipped: 0", "BUILD FAILURE");
        Assert.DoesNotContain("Downloading", result.Text, StringComparison.Ordinal);
    }

    [Fact]
    public void GradleKeepsTheFailedTestAndWhatWentWrong()
    {
        var output = new StringBuilder();
        for (var i = 0; i < 40; i++)
        {
            output.AppendLine($"> Task :lib{i}:compileJava UP-TO-DATE");
        }

        output.AppendLine("> Task :app:test");
        output.AppendLine();
        output.AppendLine("CartTest > totalIncludesTax() FAILED");
        output.AppendLine("    org.opentest4j.AssertionFailedError: expected: <12.00> but was: <10.00>");
        output.AppendLine("        at app//org.junit.jupiter.api.AssertionUtils.fail(AssertionUtils.java:55)");
        output.AppendLine("        at app//com.example.CartTest.totalIncludesTax(CartTest.java:42)");
        output.AppendLine();
        output.AppendLine("200 tests completed, 1 failed");
        output.AppendLine();
        output.AppendLine("> Task :app:test FAILED");
        output.AppendLine();
        output.AppendLine("FAILURE: Build failed with an exception.");
        output.AppendLine();
        output.AppendLine("* What went wrong:");
        output.AppendLine("Execution failed for task ':app:test'.");
        output.AppendLine("> There were failing tests. See the report at: file:///src/app/build/reports/tests/test/index.html");
        output.AppendLine();
        output.AppendLine("BUILD FAILED in 8s");

        fixture.Compact("./gradlew test", output.ToString(), 1, "gradle", 0.6,
            "CartTest > totalIncludesTax()", "CartTest.java:42", "expected: <12.00> but was: <10.00>", "200 tests completed, 1 failed",
            "BUILD FAILED in 8s");
    }
}
