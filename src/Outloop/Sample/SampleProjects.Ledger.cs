namespace Outloop.Sample;

internal static partial class SampleProjects
{
    private const string InvoiceEx = """
        defmodule Ledger.Invoice do
          @moduledoc "Invoices and their totals."

          defstruct [:id, :currency, lines: [], tax_rate: nil]

          def total(%{lines: lines} = invoice) do
            net = Enum.reduce(lines, Decimal.new(0), fn line, acc -> Decimal.add(acc, line_amount(line)) end)
            net |> Decimal.mult(Decimal.add(1, invoice.tax_rate)) |> Decimal.round(2)
          end

          def render_line(line) do
            line
            |> line_amount()
            |> format_amount()
          end

          defp line_amount(%{amount: amount, qty: qty}) do
            amount |> Decimal.new() |> Decimal.mult(qty) |> Decimal.div(100)
          end
        end

        """;

    private const string InvoiceTestExs = """
        defmodule Ledger.InvoiceTest do
          use ExUnit.Case, async: true

          alias Ledger.Invoice

          describe "total/1" do
            test "sums line items with tax" do
              invoice = %{currency: "EUR", lines: [%{amount: 1200, qty: 2}]}

              assert Invoice.total(invoice) == Decimal.new("28.56")
            end
          end

          describe "render_line/1" do
            test "renders the amount in currency units" do
              assert Invoice.render_line(%{amount: 1250, qty: 1}) == "12.5"
            end
          end
        end

        """;

    private const string AccountsEx = """
        defmodule Ledger.Accounts do
          @moduledoc "Account balances."

          def balance(account) do
            account.entries
            |> Enum.filter(&(&1.kind == :credit))
            |> Enum.map(& &1.amount)
            |> Enum.sum()
          end

          def overdrawn?(account), do: balance(account) < 0
        end

        """;

    private const string AccountsTestExs = """
        defmodule Ledger.AccountsTest do
          use ExUnit.Case, async: true

          alias Ledger.Accounts

          test "balance subtracts debits from credits" do
            account = %{entries: [%{kind: :credit, amount: 1500}, %{kind: :debit, amount: 300}]}

            assert Accounts.balance(account) == 1200
          end
        end

        """;

    public static SampleProject Ledger()
    {
        const string cwd = "/home/dev/projects/ledger";
        var files = new SortedDictionary<string, string>(StringComparer.Ordinal)
        {
            ["lib/ledger/invoice.ex"] = InvoiceEx,
            ["lib/ledger/accounts.ex"] = AccountsEx,
            ["test/ledger/invoice_test.exs"] = InvoiceTestExs,
            ["test/ledger/accounts_test.exs"] = AccountsTestExs,
        };

        var taxRate = new CodeFault(
            "mix-keyerror-tax-rate",
            ["mix test fails on the invoice total, please fix", "Invoice totals crash in the tests again, fix it"],
            "mix test",
            2,
            random => MixTestFailure(
                random,
                "test total/1 sums line items with tax (Ledger.InvoiceTest)",
                "test/ledger/invoice_test.exs:7",
                """
                     ** (KeyError) key :tax_rate not found in: %{currency: "EUR", lines: [%{amount: 1200, qty: 2}]}
                     code: assert Invoice.total(invoice) == Decimal.new("28.56")
                     stacktrace:
                       (ledger 0.4.0) lib/ledger/invoice.ex:8: Ledger.Invoice.total/1
                       test/ledger/invoice_test.exs:10: (test)
                """),
            "test/ledger/invoice_test.exs",
            "lib/ledger/invoice.ex",
            "Decimal.add(1, invoice.tax_rate)",
            "Decimal.add(1, Map.get(invoice, :tax_rate) || Decimal.new(\"0.19\"))",
            "`total/1` reads `invoice.tax_rate` with dot access, which raises on a plain map without the key. It should fall back to the default rate.");

        var balance = new CodeFault(
            "mix-balance-debits",
            ["The accounts balance test fails, can you fix it?", "mix test is failing on Ledger.AccountsTest"],
            "mix test",
            2,
            random => MixTestFailure(
                random,
                "test balance subtracts debits from credits (Ledger.AccountsTest)",
                "test/ledger/accounts_test.exs:6",
                """
                     Assertion with == failed
                     code:  assert Accounts.balance(account) == 1200
                     left:  1500
                     right: 1200
                     stacktrace:
                       test/ledger/accounts_test.exs:9: (test)
                """),
            "test/ledger/accounts_test.exs",
            "lib/ledger/accounts.ex",
            "    |> Enum.filter(&(&1.kind == :credit))\n    |> Enum.map(& &1.amount)\n",
            "    |> Enum.map(fn\n      %{kind: :credit, amount: amount} -> amount\n      %{kind: :debit, amount: amount} -> -amount\n    end)\n",
            "`balance/1` keeps only credits, so debits never reduce the balance.");

        var compileError = new CodeFault(
            "mix-undefined-function",
            ["The project doesn't compile, please fix", "mix compile fails with an undefined function, fix it"],
            "mix compile --warnings-as-errors",
            1,
            _ => """
                Compiling 3 files (.ex)
                    error: undefined function format_amount/1 (expected Ledger.Invoice to define such a function or for it to be imported, but none are available)
                    │
                 14 │     |> format_amount()
                    │        ^^^^^^^^^^^^^
                    │
                    └─ lib/ledger/invoice.ex:14:8: Ledger.Invoice.render_line/1


                == Compilation error in file lib/ledger/invoice.ex ==
                ** (CompileError) lib/ledger/invoice.ex: cannot compile module Ledger.Invoice (errors have been printed)

                """,
            "lib/ledger/invoice.ex",
            "lib/ledger/invoice.ex",
            "    |> format_amount()\n  end\n",
            "    |> format_amount()\n  end\n\n  defp format_amount(amount), do: Decimal.to_string(amount, :normal)\n",
            "`render_line/1` pipes into `format_amount/1`, which was never defined.");

        var features = new FeatureChange[]
        {
            new(
                "Add Ledger.Accounts.overdrawn_by/1 that returns how far below zero an account is",
                "def overdrawn?",
                "lib/ledger/accounts.ex",
                "  def overdrawn?(account), do: balance(account) < 0\n",
                "  def overdrawn?(account), do: balance(account) < 0\n\n  def overdrawn_by(account), do: max(0, -balance(account))\n",
                "test/ledger/accounts_test.exs",
                "  test \"balance subtracts debits from credits\" do",
                "  test \"overdrawn_by is zero for a positive balance\" do\n    assert Accounts.overdrawn_by(%{entries: [%{kind: :credit, amount: 10}]}) == 0\n  end\n\n  test \"balance subtracts debits from credits\" do",
                "Added `overdrawn_by/1` (0 when the balance is positive) with a test; `mix test` passes."),
        };

        var questions = new CodeQuestion[]
        {
            new("Where does the default tax rate come from?", "tax_rate", "lib/**/*.ex", "lib/ledger/invoice.ex",
                "`Ledger.Invoice` has a `tax_rate` field (nil by default); `total/1` multiplies the net amount by `1 + tax_rate`."),
        };

        return new SampleProject(
            "ledger",
            cwd,
            HasHooks: true,
            files,
            "mix test",
            "mix compile --warnings-as-errors",
            "mix format --check-formatted",
            [taxRate, balance],
            compileError,
            features,
            questions,
            (command, random) => command switch
            {
                "mix test" => MixTestPass(random),
                "mix compile --warnings-as-errors" => "Compiling 3 files (.ex)\nGenerated ledger app\n",
                _ => "",
            });
    }

    private static string MixTestFailure(Random random, string title, string location, string body)
    {
        var seed = random.Next(100000, 999999);
        return $"""
            Running ExUnit with seed: {seed}, max_cases: 4

            ........

              1) {title}
                 {location}
            {body.TrimEnd()}

            .............
            Finished in {random.Next(2, 6) / 10.0:0.0} seconds (0.1s async, {random.Next(1, 4) / 10.0:0.0}s sync)
            23 tests, 1 failure

            Randomized with seed {seed}

            """;
    }

    private static string MixTestPass(Random random)
    {
        var seed = random.Next(100000, 999999);
        return $"""
            Running ExUnit with seed: {seed}, max_cases: 4

            .......................
            Finished in {random.Next(2, 6) / 10.0:0.0} seconds (0.1s async, {random.Next(1, 4) / 10.0:0.0}s sync)
            23 tests, 0 failures

            Randomized with seed {seed}

            """;
    }

    public static IReadOnlyList<SampleProject> All() => [OrdersApi(), ShopWeb(), Ledger()];
}
